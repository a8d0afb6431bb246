import { createApiClient } from '@c360/mfe-kit';
import type { Session } from './session';

export type Credentials = { tenant: string; email: string; password: string };

/** `POST /auth/login`: the API's sign-in; the answer is the session the shell keeps. */
export const login = (baseUrl: string, credentials: Credentials): Promise<Session> =>
  createApiClient({ baseUrl, getToken: () => null }).post<Session>('/auth/login', credentials);
