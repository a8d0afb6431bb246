import { FormattedMessage, useIntl } from 'react-intl';
import type { Macro, ReplyTemplate, Snippet } from '../api/types';
import { row } from '@c360/mfe-kit';

type Props = {
  templates: ReplyTemplate[];
  snippets: Snippet[];
  macros: Macro[];
  favoritesOnly: boolean;
  onFavoritesOnly: (value: boolean) => void;
  onTemplate: (template: ReplyTemplate) => void;
  onToggleFavorite: (template: ReplyTemplate) => void;
  onSnippet: (snippet: Snippet) => void;
  onMacro: (macro: Macro) => void;
};

/** The templates and macros dropdowns (favorites first, starrable) and the snippets dropdown. */
export const ReplyPickers = (p: Props) => {
  const intl = useIntl();
  const shown = (p.favoritesOnly ? p.templates.filter((t) => t.favorite) : p.templates)
    .slice()
    .sort((a, b) => Number(b.favorite) - Number(a.favorite));
  return (
    <div style={row}>
      <select
        aria-label={intl.formatMessage({
          id: 'inbox.composer.templates',
          defaultMessage: 'Insert a template',
        })}
        data-testid="template-select"
        value=""
        onChange={(e) => {
          const t = p.templates.find((x) => x.id === e.target.value);
          if (t) p.onTemplate(t);
        }}
      >
        <option value="">
          {intl.formatMessage({ id: 'inbox.composer.templates', defaultMessage: 'Insert a template' })}
        </option>
        {shown.map((t) => (
          <option key={t.id} value={t.id}>
            {`${t.favorite ? '★ ' : ''}${t.name}`}
          </option>
        ))}
      </select>
      <label>
        <input
          type="checkbox"
          checked={p.favoritesOnly}
          onChange={(e) => p.onFavoritesOnly(e.target.checked)}
        />
        <FormattedMessage id="inbox.composer.favoritesOnly" defaultMessage="Favorites only" />
      </label>
      <details>
        <summary>
          <FormattedMessage id="inbox.composer.manageFavorites" defaultMessage="★ Favorites" />
        </summary>
        <ul style={{ listStyle: 'none', paddingInlineStart: 0, maxHeight: 160, overflow: 'auto' }}>
          {p.templates.map((t) => (
            <li key={t.id}>
              <button
                type="button"
                aria-pressed={t.favorite}
                data-testid="favorite-toggle"
                onClick={() => p.onToggleFavorite(t)}
              >
                {t.favorite ? '★' : '☆'}
              </button>{' '}
              {t.name}
            </li>
          ))}
        </ul>
      </details>
      <select
        aria-label={intl.formatMessage({ id: 'inbox.composer.snippets', defaultMessage: 'Insert a snippet' })}
        value=""
        onChange={(e) => {
          const s = p.snippets.find((x) => x.id === e.target.value);
          if (s) p.onSnippet(s);
        }}
      >
        <option value="">
          {intl.formatMessage({ id: 'inbox.composer.snippets', defaultMessage: 'Insert a snippet' })}
        </option>
        {p.snippets.map((s) => (
          <option key={s.id} value={s.id}>
            {`/${s.shortcut} — ${s.title}`}
          </option>
        ))}
      </select>
      <select
        aria-label={intl.formatMessage({ id: 'inbox.composer.macros', defaultMessage: 'Run a macro' })}
        value=""
        onChange={(e) => {
          const m = p.macros.find((x) => x.id === e.target.value);
          if (m) p.onMacro(m);
        }}
      >
        <option value="">
          {intl.formatMessage({ id: 'inbox.composer.macros', defaultMessage: 'Run a macro' })}
        </option>
        {p.macros.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </select>
    </div>
  );
};
