import { untypedMessages } from '@c360/mfe-kit';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import type { ChannelRow } from '../api/analyticsTypes';
import { channelLabel } from '../filters/channelLabels';
import { CHANNELS, type Channel } from '../api/analyticsTypes';

const messages = untypedMessages(
  defineMessages({
    channel: { id: 'analytics.channels.channel', defaultMessage: 'Channel' },
    volume: { id: 'analytics.channels.volume', defaultMessage: 'Conversations' },
    firstResponse: { id: 'analytics.channels.firstResponse', defaultMessage: 'Median first response (min)' },
    resolution: { id: 'analytics.channels.resolution', defaultMessage: 'Median resolution (min)' },
    csat: { id: 'analytics.channels.csat', defaultMessage: 'CSAT (answers)' },
    none: { id: 'analytics.channels.none', defaultMessage: '—' },
  }),
);

const isChannel = (value: string): value is Channel => (CHANNELS as readonly string[]).includes(value);

/** Volume, service times and CSAT per channel. */
export const ChannelTable = ({ channels }: { channels: ChannelRow[] }) => {
  const intl = useIntl();
  const num = (value: number | null) =>
    value === null
      ? intl.formatMessage(messages.none)
      : intl.formatNumber(value, { maximumFractionDigits: 1 });
  return (
    <table className="c360-table" data-testid="channel-table">
      <thead>
        <tr>
          {[
            messages.channel,
            messages.volume,
            messages.firstResponse,
            messages.resolution,
            messages.csat,
          ].map((m) => (
            <th key={m.id} scope="col">
              <FormattedMessage {...m} />
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {channels.map((row) => (
          <tr key={row.channel}>
            <th scope="row">
              {isChannel(row.channel) ? intl.formatMessage(channelLabel(row.channel)) : row.channel}
            </th>
            <td>{intl.formatNumber(row.volume)}</td>
            <td>{num(row.medianFirstResponseMinutes)}</td>
            <td>{num(row.medianResolutionMinutes)}</td>
            <td>
              {row.csat === null
                ? intl.formatMessage(messages.none)
                : intl.formatNumber(row.csat / 100, { style: 'percent', maximumFractionDigits: 1 })}{' '}
              ({intl.formatNumber(row.csatAnswers)})
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};
