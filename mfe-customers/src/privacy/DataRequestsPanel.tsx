import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { downloadBlob, ErrorNotice, card, muted, row } from '@c360/mfe-kit';
import type { DsrKind, DsrRequest } from '../api/types';
import { useArea } from '../area/AreaContext';
import { paths } from '../area/routes';
import { dsrMessages as m, dsrStatusMessages } from './dsrMessages';
import { ERASE_WORD, isEraseConfirmed } from './eraseConfirmation';

/** How often a running request's status is read again. */
export const DSR_POLL_MS = 1000;

const isRunning = (r: DsrRequest) => r.status === 'RUNNING';

/**
 * The admin's data-subject requests for one customer: export (then download the archive) and
 * erase (after typing the confirmation word). The list comes from the API (it outlives a reload
 * and the erasure itself) and is read again while a request runs.
 */
export const DataRequestsPanel = ({ customerId }: { customerId: string }) => {
  const { api, navigate } = useArea();
  const intl = useIntl();
  const [requests, setRequests] = useState<DsrRequest[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  // Bumped to read the list again: on mount, after a start, then each poll while one runs.
  const [reads, setReads] = useState(0);

  useEffect(() => {
    let stopped = false;
    api.listDsrRequests(customerId).then(
      (page) => {
        if (stopped) return;
        setError(undefined);
        setRequests(page.items);
      },
      (failure: unknown) => !stopped && setError(failure),
    );
    return () => {
      stopped = true;
    };
  }, [api, customerId, reads]);

  const anyRunning = requests.some(isRunning);
  useEffect(() => {
    if (!anyRunning) return undefined;
    const timer = setTimeout(() => setReads((n) => n + 1), DSR_POLL_MS);
    return () => clearTimeout(timer);
  }, [anyRunning, requests]);

  const start = async (kind: DsrKind) => {
    setBusy(true);
    setError(undefined);
    try {
      await api.startDsr(customerId, kind);
      setReads((n) => n + 1);
      setConfirming(false);
      setTyped('');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const download = async (requestId: string) => {
    setError(undefined);
    try {
      const file = await api.downloadDsrArchive(customerId, requestId);
      downloadBlob(file.blob, file.fileName ?? `customer-${customerId}.json`);
    } catch (e) {
      setError(e);
    }
  };
  const erased = requests.some((r) => r.kind === 'erase' && r.status === 'COMPLETED');

  return (
    <section style={{ ...card, marginBlockStart: 12 }} data-testid="dsr-panel" aria-labelledby="dsr-title">
      <h3 id="dsr-title" style={{ marginBlock: '0 4px' }}>
        <FormattedMessage {...m.title} />
      </h3>
      <p style={muted}>
        <FormattedMessage {...m.intro} />
      </p>
      {!erased && (
        <div style={row}>
          <button type="button" disabled={busy} onClick={() => void start('export')}>
            <FormattedMessage {...m.export} />
          </button>
          <button
            type="button"
            disabled={busy}
            aria-expanded={confirming}
            onClick={() => setConfirming((v) => !v)}
          >
            <FormattedMessage {...m.erase} />
          </button>
        </div>
      )}
      {confirming && !erased && (
        <div role="group" data-testid="erase-confirm" style={{ marginBlockStart: 8 }}>
          <p role="alert" style={{ color: '#a1161d' }}>
            <FormattedMessage {...m.eraseWarning} />
          </p>
          <label style={row}>
            <FormattedMessage {...m.eraseConfirmLabel} values={{ word: <code>{ERASE_WORD}</code> }} />
            <input
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoComplete="off"
              aria-label={intl.formatMessage(m.eraseConfirmLabel, { word: ERASE_WORD })}
            />
          </label>
          <div style={{ ...row, marginBlockStart: 6 }}>
            <button
              type="button"
              disabled={busy || !isEraseConfirmed(typed)}
              onClick={() => void start('erase')}
            >
              <FormattedMessage {...m.eraseConfirm} />
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              <FormattedMessage {...m.cancel} />
            </button>
          </div>
        </div>
      )}
      <ul style={{ paddingInlineStart: 18 }}>
        {requests.map((r) => {
          const label = dsrStatusMessages[r.status as keyof typeof dsrStatusMessages];
          return (
            <li key={r.requestId} data-testid="dsr-request" data-kind={r.kind} data-status={r.status}>
              <FormattedMessage
                {...m.request}
                values={{ kind: r.kind, status: label ? intl.formatMessage(label) : r.status }}
              />{' '}
              <span style={muted}>
                <FormattedMessage
                  {...m.requestedBy}
                  values={{
                    name: r.requestedBy?.name ?? '—',
                    at: intl.formatDate(r.createdAt, { dateStyle: 'medium', timeStyle: 'short' }),
                  }}
                />
              </span>
              {r.downloadUrl && (
                <>
                  {' '}
                  <button type="button" onClick={() => void download(r.requestId)}>
                    <FormattedMessage {...m.download} />
                  </button>
                </>
              )}
            </li>
          );
        })}
      </ul>
      {erased && (
        <p role="status">
          <FormattedMessage {...m.erased} />{' '}
          <button type="button" onClick={() => navigate(paths.list())}>
            <FormattedMessage {...m.backToList} />
          </button>
        </p>
      )}
      <ErrorNotice error={error} />
    </section>
  );
};
