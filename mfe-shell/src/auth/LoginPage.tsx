import { useState, type FormEvent } from 'react';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { ApiError, untypedMessages } from '@c360/mfe-kit';
import type { Credentials } from './authApi';
import type { Session } from './session';

const messages = untypedMessages(
  defineMessages({
    title: { id: 'shell.login.title', defaultMessage: 'Sign in to Customer 360' },
    tenant: { id: 'shell.login.tenant', defaultMessage: 'Workspace' },
    email: { id: 'shell.login.email', defaultMessage: 'E-mail' },
    password: { id: 'shell.login.password', defaultMessage: 'Password' },
    submit: { id: 'shell.login.submit', defaultMessage: 'Sign in' },
    failed: { id: 'shell.login.failed', defaultMessage: 'The workspace, e-mail or password is wrong.' },
    throttled: {
      id: 'shell.login.throttled',
      defaultMessage: 'Too many attempts. Wait a moment and try again.',
    },
    offline: {
      id: 'shell.login.offline',
      defaultMessage: 'The server cannot be reached. Try again shortly.',
    },
  }),
);

type Props = {
  login: (credentials: Credentials) => Promise<Session>;
  onSignedIn: (session: Session) => void;
};

export const LoginPage = ({ login, onSignedIn }: Props) => {
  const intl = useIntl();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      onSignedIn(
        await login({
          tenant: String(form.get('tenant') ?? ''),
          email: String(form.get('email') ?? ''),
          password: String(form.get('password') ?? ''),
        }),
      );
    } catch (failure) {
      const status = failure instanceof ApiError ? failure.status : 0;
      setError(
        intl.formatMessage(
          status === 429
            ? messages.throttled
            : status === 401 || status === 400
              ? messages.failed
              : messages.offline,
        ),
      );
      setBusy(false);
    }
  };

  return (
    <main className="c360-login">
      <h1>
        <FormattedMessage {...messages.title} />
      </h1>
      <form onSubmit={(event) => void submit(event)} aria-label="login">
        <label>
          <FormattedMessage {...messages.tenant} />
          <input name="tenant" autoComplete="organization" required />
        </label>
        <label>
          <FormattedMessage {...messages.email} />
          <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          <FormattedMessage {...messages.password} />
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {error && <p role="alert">{error}</p>}
        <button type="submit" disabled={busy}>
          <FormattedMessage {...messages.submit} />
        </button>
      </form>
    </main>
  );
};
