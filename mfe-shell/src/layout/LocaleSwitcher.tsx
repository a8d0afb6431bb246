import { untypedMessages } from '@c360/mfe-kit';
import { defineMessages, useIntl } from 'react-intl';
import type { Locale } from '@c360/mfe-kit';

const messages = untypedMessages(
  defineMessages({
    label: { id: 'shell.locale.label', defaultMessage: 'Language' },
  }),
);

// Each language is named in itself, so a reader finds theirs whatever the current locale.
const NAMES: Record<Locale, string> = { en: 'English', fr: 'Français', ar: 'العربية' };

export const LocaleSwitcher = ({ locale, onChange }: { locale: Locale; onChange: (l: Locale) => void }) => {
  const intl = useIntl();
  return (
    <label className="c360-locale">
      <span>{intl.formatMessage(messages.label)}</span>{' '}
      <select
        data-testid="locale-switcher"
        value={locale}
        onChange={(event) => onChange(event.target.value as Locale)}
      >
        {(Object.keys(NAMES) as Locale[]).map((code) => (
          <option key={code} value={code} lang={code}>
            {NAMES[code]}
          </option>
        ))}
      </select>
    </label>
  );
};
