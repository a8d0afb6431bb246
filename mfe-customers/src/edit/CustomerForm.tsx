import { useState, type FormEvent } from 'react';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import {
  LANGUAGES,
  LIFECYCLE_STAGES,
  type Customer,
  type CustomerInput,
  type LifecycleStage,
} from '../api/types';
import { useArea } from '../area/AreaContext';
import { useAsync, ErrorNotice, card, row } from '@c360/mfe-kit';
import { paths } from '../area/routes';

const m = defineMessages({
  firstName: { id: 'customers.form.firstName', defaultMessage: 'First name' },
  lastName: { id: 'customers.form.lastName', defaultMessage: 'Last name' },
  emails: { id: 'customers.form.emails', defaultMessage: 'E-mails (comma-separated)' },
  phones: { id: 'customers.form.phones', defaultMessage: 'Phones, E.164 (comma-separated)' },
  tags: { id: 'customers.form.tags', defaultMessage: 'Tags (comma-separated)' },
  timeZone: { id: 'customers.form.timeZone', defaultMessage: 'Time zone' },
  language: { id: 'customers.form.language', defaultMessage: 'Language' },
  stage: { id: 'customers.form.stage', defaultMessage: 'Lifecycle stage' },
});

const splitList = (s: string) =>
  s
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

const toInput = (form: FormData): CustomerInput => ({
  firstName: String(form.get('firstName') ?? '').trim(),
  lastName: String(form.get('lastName') ?? '').trim(),
  emails: splitList(String(form.get('emails') ?? '')),
  phones: splitList(String(form.get('phones') ?? '')),
  timeZone: String(form.get('timeZone') ?? 'UTC').trim(),
  language: String(form.get('language') ?? 'en'),
  tags: splitList(String(form.get('tags') ?? '')),
  lifecycleStage: String(form.get('lifecycleStage') ?? 'lead') as LifecycleStage,
  isVip: form.get('isVip') === 'on',
});

/** Create a customer, or edit one (`customerId`); the API's 400 names each bad field. */
export const CustomerForm = ({ customerId }: { customerId?: string }) => {
  const { api } = useArea();
  const existing = useAsync(
    () => (customerId ? api.getCustomer(customerId) : Promise.resolve(null)),
    [api, customerId],
  );
  if (customerId && !existing.data) return <ErrorNotice error={existing.error} />;
  return <CustomerFormFields key={existing.data?.id ?? 'new'} customer={existing.data ?? null} />;
};

const CustomerFormFields = ({ customer }: { customer: Customer | null }) => {
  const { api, navigate } = useArea();
  const intl = useIntl();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const input = toInput(new FormData(event.currentTarget));
      const saved = customer ? await api.updateCustomer(customer.id, input) : await api.createCustomer(input);
      navigate(paths.profile(saved.id));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      onSubmit={(e) => void submit(e)}
      style={{ ...card, display: 'grid', gap: 8, maxWidth: 560 }}
      aria-label="customer"
    >
      <h2 style={{ margin: 0 }}>
        {customer ? (
          <FormattedMessage id="customers.form.editTitle" defaultMessage="Edit customer" />
        ) : (
          <FormattedMessage id="customers.form.newTitle" defaultMessage="New customer" />
        )}
      </h2>
      <label>
        {intl.formatMessage(m.firstName)}
        <input
          name="firstName"
          required
          defaultValue={customer?.firstName ?? ''}
          style={{ display: 'block', width: '100%' }}
        />
      </label>
      <label>
        {intl.formatMessage(m.lastName)}
        <input
          name="lastName"
          defaultValue={customer?.lastName ?? ''}
          style={{ display: 'block', width: '100%' }}
        />
      </label>
      <label>
        {intl.formatMessage(m.emails)}
        <input
          name="emails"
          defaultValue={customer?.emails.join(', ') ?? ''}
          style={{ display: 'block', width: '100%' }}
        />
      </label>
      <label>
        {intl.formatMessage(m.phones)}
        <input
          name="phones"
          defaultValue={customer?.phones.join(', ') ?? ''}
          style={{ display: 'block', width: '100%' }}
        />
      </label>
      <label>
        {intl.formatMessage(m.tags)}
        <input
          name="tags"
          defaultValue={customer?.tags.join(', ') ?? ''}
          style={{ display: 'block', width: '100%' }}
        />
      </label>
      <div style={row}>
        <label>
          {intl.formatMessage(m.timeZone)}{' '}
          <input
            name="timeZone"
            defaultValue={customer?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone}
          />
        </label>
        <label>
          {intl.formatMessage(m.language)}{' '}
          <select name="language" defaultValue={customer?.language ?? 'en'}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label>
          {intl.formatMessage(m.stage)}{' '}
          <select name="lifecycleStage" defaultValue={customer?.lifecycleStage ?? 'lead'}>
            {LIFECYCLE_STAGES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" name="isVip" defaultChecked={customer?.isVip ?? false} /> VIP
        </label>
      </div>
      <ErrorNotice error={error} />
      <div style={row}>
        <button type="submit" disabled={busy}>
          <FormattedMessage id="customers.form.save" defaultMessage="Save" />
        </button>
        <button type="button" onClick={() => navigate(customer ? paths.profile(customer.id) : paths.list())}>
          <FormattedMessage id="customers.form.cancel" defaultMessage="Cancel" />
        </button>
      </div>
    </form>
  );
};
