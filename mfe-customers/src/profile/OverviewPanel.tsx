import type { Profile360 } from '../api/types';
import { useArea } from '../area/AreaContext';
import { useAsync, grid } from '@c360/mfe-kit';
import { HealthCard } from './HealthCard';
import { ChurnCard, ClvCard, CsatCard, OrdersCard, RfmCard } from './ScoreCards';
import { InsightCards } from './SignalsRow';

/** The 360's cards: orders, RFM, CLV, CSAT, health (with rescore), churn, then insights. */
export const OverviewPanel = ({ profile }: { profile: Profile360 }) => {
  const { api } = useArea();
  const customerId = profile.customer.id;
  // The CSAT trend is the customer's own answers over time, read from the journey.
  const answers = useAsync(
    () => api.getJourney(customerId, { kinds: 'survey_answered', limit: 50 }),
    [api, customerId],
  );
  const csatScores = (answers.data?.items ?? [])
    .filter((e) => e.data['surveyKind'] === 'csat')
    .map((e) => Number(e.data['score']))
    .reverse();
  return (
    <>
      <div style={grid}>
        <OrdersCard orders={profile.orders} />
        <RfmCard rfm={profile.rfm} />
        <ClvCard clv={profile.clv} currency={profile.orders.currency} />
        <CsatCard surveys={profile.surveys} scores={csatScores} />
        <HealthCard customerId={customerId} initial={profile.health} />
        <ChurnCard churn={profile.churn} />
      </div>
      <InsightCards insights={profile.insights} />
    </>
  );
};
