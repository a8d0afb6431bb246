/**
 * Graph API clients may send form-encoded bodies whose object fields are JSON strings
 * (`recipient={"id":"..."}`); this reads them the way Meta does.
 */
export const graphBody = (body: unknown): Record<string, unknown> => {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return {};
  return Object.fromEntries(
    Object.entries(body as Record<string, unknown>).map(([key, value]) => {
      if (typeof value === 'string' && /^\s*[[{]/.test(value)) {
        try {
          return [key, JSON.parse(value) as unknown];
        } catch {
          return [key, value];
        }
      }
      return [key, value];
    }),
  );
};
