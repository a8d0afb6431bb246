import { untypedMessages } from '@c360/mfe-kit';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { CHANNELS, type Channel, type SegmentSummary } from '../api/analyticsTypes';
import type { AnalyticsFilter } from './analyticsFilter';
import { channelLabel } from './channelLabels';

const messages = untypedMessages(
  defineMessages({
    from: { id: 'analytics.filter.from', defaultMessage: 'From' },
    to: { id: 'analytics.filter.to', defaultMessage: 'To' },
    segment: { id: 'analytics.filter.segment', defaultMessage: 'Segment' },
    channel: { id: 'analytics.filter.channel', defaultMessage: 'Channel' },
    all: { id: 'analytics.filter.all', defaultMessage: 'All' },
  }),
);

type Props = { filter: AnalyticsFilter; segments: SegmentSummary[]; onChange: (f: AnalyticsFilter) => void };

/** Date range, segment and channel: every report on the page follows them. */
export const FilterBar = ({ filter, segments, onChange }: Props) => {
  const intl = useIntl();
  const all = intl.formatMessage(messages.all);
  return (
    <form className="c360-filters" aria-label="filters" onSubmit={(e) => e.preventDefault()}>
      <label>
        <FormattedMessage {...messages.from} />{' '}
        <input
          type="date"
          name="from"
          value={filter.from}
          max={filter.to}
          onChange={(e) => e.target.value && onChange({ ...filter, from: e.target.value })}
        />
      </label>
      <label>
        <FormattedMessage {...messages.to} />{' '}
        <input
          type="date"
          name="to"
          value={filter.to}
          min={filter.from}
          onChange={(e) => e.target.value && onChange({ ...filter, to: e.target.value })}
        />
      </label>
      <label>
        <FormattedMessage {...messages.segment} />{' '}
        <select
          name="segment"
          value={filter.segment}
          onChange={(e) => onChange({ ...filter, segment: e.target.value })}
        >
          <option value="">{all}</option>
          {segments.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} ({intl.formatNumber(s.count)})
            </option>
          ))}
        </select>
      </label>
      <label>
        <FormattedMessage {...messages.channel} />{' '}
        <select
          name="channel"
          value={filter.channel}
          onChange={(e) => onChange({ ...filter, channel: e.target.value as Channel | '' })}
        >
          <option value="">{all}</option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {intl.formatMessage(channelLabel(c))}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
};
