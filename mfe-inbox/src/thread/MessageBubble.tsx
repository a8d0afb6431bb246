import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import type { MessageItem } from '../api/types';
import { fileSize } from '../composer/fileSize';
import { splitQuotedHistory } from './quotedHistory';
import { badge, muted } from '@c360/mfe-kit';

/** What kind of Instagram message this is: a DM, a comment on a post, a story reply or mention. */
const instagramKind = (m: MessageItem): string | null =>
  m.channel === 'instagram' && typeof m.metadata['kind'] === 'string' ? (m.metadata['kind'] as string) : null;

/** One message of a thread, drawn for its channel. */
export const MessageBubble = ({ message }: { message: MessageItem }) => {
  const intl = useIntl();
  const outbound = message.direction === 'outbound';
  const igKind = instagramKind(message);
  const storyUrl =
    typeof message.metadata['storyUrl'] === 'string' ? (message.metadata['storyUrl'] as string) : null;
  const { reply, quoted } =
    message.channel === 'email' ? splitQuotedHistory(message.body) : { reply: message.body, quoted: null };
  return (
    <li
      data-testid="message"
      data-channel={message.channel}
      data-direction={message.direction}
      style={{
        alignSelf: outbound ? 'flex-end' : 'flex-start',
        maxWidth: '75%',
        background: outbound ? '#dfe8ff' : '#f1f3f6',
        borderRadius: 10,
        padding: '6px 10px',
        margin: '4px 0',
      }}
    >
      <div style={{ ...muted, display: 'flex', gap: 6, flexWrap: 'wrap' }}>
        {igKind && (
          <span style={badge('info')} data-testid="instagram-kind">
            {intl.formatMessage(
              {
                id: 'inbox.instagram.kind',
                defaultMessage:
                  '{kind, select, dm {Direct message} comment {Comment} story_reply {Story reply} story_mention {Story mention} other {{kind}}}',
              },
              { kind: igKind },
            )}
          </span>
        )}
        {message.channel === 'email' && typeof message.metadata['subject'] === 'string' && (
          <strong>{message.metadata['subject'] as string}</strong>
        )}
        <FormattedDate value={message.at} dateStyle="short" timeStyle="short" />
        {outbound && <span>{message.deliveryStatus}</span>}
      </div>
      {storyUrl && (
        <a href={storyUrl} target="_blank" rel="noreferrer noopener" style={muted}>
          <FormattedMessage id="inbox.instagram.story" defaultMessage="View story" />
        </a>
      )}
      <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{reply}</div>
      {quoted && (
        <details data-testid="quoted-history">
          <summary style={muted}>
            <FormattedMessage id="inbox.email.quoted" defaultMessage="Show quoted history" />
          </summary>
          <div
            style={{
              ...muted,
              whiteSpace: 'pre-wrap',
              borderInlineStart: '2px solid #c5cbd6',
              paddingInlineStart: 8,
            }}
          >
            {quoted}
          </div>
        </details>
      )}
      {message.attachments.length > 0 && (
        <ul style={{ ...muted, paddingInlineStart: 16 }}>
          {message.attachments.map((a, i) => (
            <li key={`${a.fileName}-${i}`} data-testid="attachment">
              📎{' '}
              {a.url ? (
                <a href={a.url} target="_blank" rel="noreferrer noopener">
                  {a.fileName}
                </a>
              ) : (
                a.fileName
              )}{' '}
              ({a.contentType}
              {a.size > 0 ? `, ${fileSize(a.size, intl.locale)}` : ''})
            </li>
          ))}
        </ul>
      )}
      {message.deliveryError && (
        <div role="alert" style={{ color: '#a1161d' }}>
          {message.deliveryError}
        </div>
      )}
    </li>
  );
};
