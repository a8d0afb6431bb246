/**
 * Errors as values with meaning. Each kind maps to exactly one HTTP status in the API's error
 * handler; code that raises them does not know about HTTP.
 */
export type AppErrorKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unavailable'
  | 'not_implemented';

export type FieldProblem = { path: string; message: string };

export class AppError extends Error {
  constructor(
    readonly kind: AppErrorKind,
    message: string,
    readonly details: { fields?: FieldProblem[]; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (entity: string, id: string): AppError =>
  new AppError('not_found', `${entity} ${id} not found`);
