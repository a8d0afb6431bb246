import { useEffect, useState } from 'react';
import { defineMessages, FormattedMessage, FormattedNumber, useIntl } from 'react-intl';
import { useArea } from '../area/AreaContext';
import { useAsync, ErrorNotice, badge, chip, muted, row } from '@c360/mfe-kit';
import { paths } from '../area/routes';
import { LIST_QUICK_FILTERS, listQuery, toggleChip, type ListQuickFilter } from './listQuickFilters';

const m = defineMessages({
  search: { id: 'customers.list.search', defaultMessage: 'Search customers' },
  searchPlaceholder: { id: 'customers.list.searchPlaceholder', defaultMessage: 'Name, e-mail, phone or tag' },
  vip: { id: 'customers.list.quick.vip', defaultMessage: 'VIP' },
  atRisk: { id: 'customers.list.quick.atRisk', defaultMessage: 'At risk' },
  leads: { id: 'customers.list.quick.leads', defaultMessage: 'Leads' },
  optedInWhatsapp: { id: 'customers.list.quick.optedInWhatsapp', defaultMessage: 'WhatsApp opt-in' },
  optedInEmail: { id: 'customers.list.quick.optedInEmail', defaultMessage: 'E-mail opt-in' },
  quickFilters: { id: 'customers.list.quickFilters', defaultMessage: 'Quick filters' },
});

/** Search and quick filters over the customer index, one page at a time. */
export const CustomerList = () => {
  const { api, navigate } = useArea();
  const intl = useIntl();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [chips, setChips] = useState<ListQuickFilter[]>([]);
  const [page, setPage] = useState(1);
  // Typing settles for a moment before it becomes a search, so each key does not cost a request.
  useEffect(() => {
    const timer = setTimeout(() => {
      setQ(text);
      setPage(1);
    }, 250);
    return () => clearTimeout(timer);
  }, [text]);
  const list = useAsync(() => api.listCustomers(listQuery(q, chips, page)), [api, q, chips.join(','), page]);
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;

  return (
    <section aria-labelledby="customers-list-title">
      <div style={{ ...row, justifyContent: 'space-between' }}>
        <h2 id="customers-list-title" style={{ margin: 0 }}>
          <FormattedMessage id="customers.list.title" defaultMessage="Customers" />
        </h2>
        <div style={row}>
          <button type="button" onClick={() => navigate(paths.segments())}>
            <FormattedMessage id="customers.list.segments" defaultMessage="Segments" />
          </button>
          <button type="button" onClick={() => navigate(paths.new())}>
            <FormattedMessage id="customers.list.new" defaultMessage="New customer" />
          </button>
        </div>
      </div>
      <label style={{ display: 'block', margin: '12px 0 8px' }}>
        <span style={muted}>{intl.formatMessage(m.search)}</span>
        <input
          type="search"
          value={text}
          placeholder={intl.formatMessage(m.searchPlaceholder)}
          onChange={(e) => setText(e.target.value)}
          style={{ display: 'block', width: '100%', maxWidth: 420 }}
        />
      </label>
      <div role="group" aria-label={intl.formatMessage(m.quickFilters)} style={row}>
        {(Object.keys(LIST_QUICK_FILTERS) as ListQuickFilter[]).map((name) => (
          <button
            key={name}
            type="button"
            aria-pressed={chips.includes(name)}
            style={chip(chips.includes(name))}
            onClick={() => {
              setChips((c) => toggleChip(c, name));
              setPage(1);
            }}
          >
            {intl.formatMessage(m[name])}
          </button>
        ))}
      </div>
      <ErrorNotice error={list.error} />
      {list.data && (
        <>
          <p style={muted} aria-live="polite">
            <FormattedMessage
              id="customers.list.total"
              defaultMessage="{total, plural, =0 {No customer matches} one {# customer} other {# customers}}"
              values={{ total: list.data.total }}
            />
          </p>
          <table style={{ width: '100%', borderCollapse: 'collapse', textAlign: 'start' }}>
            <thead>
              <tr>
                <th style={{ textAlign: 'start' }}>
                  <FormattedMessage id="customers.list.col.name" defaultMessage="Name" />
                </th>
                <th style={{ textAlign: 'start' }}>
                  <FormattedMessage id="customers.list.col.email" defaultMessage="E-mail" />
                </th>
                <th style={{ textAlign: 'start' }}>
                  <FormattedMessage id="customers.list.col.stage" defaultMessage="Stage" />
                </th>
                <th style={{ textAlign: 'end' }}>
                  <FormattedMessage id="customers.list.col.orders" defaultMessage="Orders" />
                </th>
                <th style={{ textAlign: 'end' }}>
                  <FormattedMessage id="customers.list.col.revenue" defaultMessage="Revenue" />
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((c) => (
                <tr key={c.id} data-testid="customer-row" style={{ borderTop: '1px solid #e3e6ec' }}>
                  <td>
                    <a
                      href={paths.profile(c.id)}
                      onClick={(e) => {
                        e.preventDefault();
                        navigate(paths.profile(c.id));
                      }}
                    >
                      {`${c.firstName} ${c.lastName}`.trim()}
                    </a>{' '}
                    {c.isVip && <span style={badge('info')}>VIP</span>}
                    {c.stats.slaBreaches > 0 && (
                      <span
                        style={badge('bad')}
                        title={intl.formatMessage({
                          id: 'customers.list.slaBreaches',
                          defaultMessage: 'SLA breaches',
                        })}
                      >
                        SLA {c.stats.slaBreaches}
                      </span>
                    )}
                  </td>
                  <td>{c.emails[0] ?? ''}</td>
                  <td>{c.lifecycleStage ?? ''}</td>
                  <td style={{ textAlign: 'end' }}>
                    <FormattedNumber value={c.stats.ordersWon} />
                  </td>
                  <td style={{ textAlign: 'end' }}>
                    <FormattedNumber value={c.stats.revenueWon} maximumFractionDigits={0} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div style={{ ...row, marginTop: 8 }}>
            <button type="button" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
              <FormattedMessage id="customers.list.previous" defaultMessage="Previous" />
            </button>
            <span style={muted}>
              <FormattedMessage
                id="customers.list.page"
                defaultMessage="Page {page} of {pages}"
                values={{ page, pages }}
              />
            </span>
            <button type="button" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>
              <FormattedMessage id="customers.list.next" defaultMessage="Next" />
            </button>
          </div>
        </>
      )}
    </section>
  );
};
