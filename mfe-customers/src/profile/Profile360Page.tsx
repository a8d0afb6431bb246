import { FormattedMessage, useIntl } from 'react-intl';
import { useArea } from '../area/AreaContext';
import { useAsync, ErrorNotice, badge, muted, row } from '@c360/mfe-kit';
import { paths, type ProfileTab } from '../area/routes';
import { JourneyTimeline } from '../journey/JourneyTimeline';
import { PreferencesPanel } from '../preferences/PreferencesPanel';
import { DataRequestsPanel } from '../privacy/DataRequestsPanel';
import { canHandleDsr } from '../privacy/eraseConfirmation';
import { OverviewPanel } from './OverviewPanel';
import { CallSummaryChip, SlaMarkers } from './SignalsRow';

const TABS: readonly ProfileTab[] = ['overview', 'preferences', 'journey'];

/** One customer's 360: header with VIP flag, SLA markers and the last call, then a tab. */
export const Profile360Page = ({ customerId, tab }: { customerId: string; tab: ProfileTab }) => {
  const { api, navigate, user } = useArea();
  const intl = useIntl();
  const profile = useAsync(() => api.getProfile360(customerId), [api, customerId]);
  if (!profile.data) return <ErrorNotice error={profile.error} />;
  const p = profile.data;
  const c = p.customer;
  const canEdit = user.roles.some((r) => r === 'agent' || r === 'manager' || r === 'admin');
  return (
    <article aria-labelledby="profile-name">
      <div style={{ ...row, justifyContent: 'space-between' }}>
        <div style={row}>
          <button
            type="button"
            onClick={() => navigate(paths.list())}
            aria-label={intl.formatMessage({
              id: 'customers.profile.back',
              defaultMessage: 'Back to customers',
            })}
          >
            <span
              style={{
                display: 'inline-block',
                transform: document.dir === 'rtl' ? 'scaleX(-1)' : undefined,
              }}
            >
              ←
            </span>
          </button>
          <h2 id="profile-name" style={{ margin: 0 }}>
            {`${c.firstName} ${c.lastName}`.trim()}
          </h2>
          {p.vip.isVip && (
            <span
              style={badge('info')}
              data-testid="vip-flag"
              title={
                p.vip.flagged
                  ? undefined
                  : intl.formatMessage({
                      id: 'customers.profile.vipRule',
                      defaultMessage: 'VIP by the tenant’s rule',
                    })
              }
            >
              VIP
            </span>
          )}
          <span style={muted}>{c.lifecycleStage}</span>
          <span style={muted}>{c.emails[0]}</span>
        </div>
        {canEdit && (
          <button type="button" onClick={() => navigate(paths.edit(c.id))}>
            <FormattedMessage id="customers.profile.edit" defaultMessage="Edit" />
          </button>
        )}
      </div>
      <div style={{ ...row, margin: '8px 0' }}>
        <SlaMarkers risks={p.slaRisks} />
        <CallSummaryChip call={p.latestCall} />
      </div>
      <nav role="tablist" style={{ ...row, margin: '8px 0' }}>
        {TABS.map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            aria-selected={t === tab}
            onClick={() => navigate(paths.profile(c.id, t))}
            style={{ fontWeight: t === tab ? 700 : 400 }}
          >
            {intl.formatMessage(
              {
                id: 'customers.profile.tab',
                defaultMessage:
                  '{tab, select, overview {Overview} preferences {Preferences & consent} journey {Journey} other {{tab}}}',
              },
              { tab: t },
            )}
          </button>
        ))}
      </nav>
      {tab === 'overview' && <OverviewPanel profile={p} />}
      {tab === 'preferences' && <PreferencesPanel customerId={c.id} />}
      {tab === 'journey' && <JourneyTimeline customerId={c.id} />}
      {canHandleDsr(user.roles) && <DataRequestsPanel customerId={c.id} />}
    </article>
  );
};
