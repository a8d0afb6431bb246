import { FormattedMessage } from 'react-intl';
import { ApiError } from './apiClient';

/**
 * An API failure in words: the API's own message, and each bad field it named. Its one string is
 * extracted into every area's message files (the areas' extraction reads the kit's runtime too).
 */
export const ErrorNotice = ({ error }: { error: unknown }) => {
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : null;
  return (
    <div role="alert" style={{ color: '#a1161d', margin: '8px 0' }}>
      {apiError ? (
        <>
          <strong>{apiError.message}</strong>
          {apiError.fields.length > 0 && (
            <ul>
              {apiError.fields.map((f) => (
                <li key={f.path}>
                  <code>{f.path}</code>: {f.message}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <FormattedMessage
          id="kit.error.unexpected"
          defaultMessage="Something went wrong: {message}"
          values={{ message: error instanceof Error ? error.message : String(error) }}
        />
      )}
    </div>
  );
};
