import { useState } from 'react';
import type { MountProps } from '@c360/mfe-kit';
import { FormattedMessage } from 'react-intl';
import { AreaProvider, useArea } from './area/AreaContext';
import { conversationIdOf } from './area/routes';
import { ConversationList } from './list/ConversationList';
import { ThreadView } from './thread/ThreadView';
import { muted } from '@c360/mfe-kit';

const Inbox = () => {
  const { path } = useArea();
  const conversationId = conversationIdOf(path);
  // Bumped after a read, a reply or a triage action, so the list shows the new state.
  const [version, setVersion] = useState(0);
  return (
    <div
      style={{
        display: 'grid',
        gridTemplateColumns: 'minmax(260px, 1fr) minmax(0, 3fr)',
        gap: 12,
        alignItems: 'start',
      }}
    >
      <ConversationList key={version} selectedId={conversationId} />
      {conversationId ? (
        <ThreadView conversationId={conversationId} onChanged={() => setVersion((v) => v + 1)} />
      ) : (
        <p style={muted}>
          <FormattedMessage id="inbox.pick" defaultMessage="Pick a conversation." />
        </p>
      )}
    </div>
  );
};

/** The inbox area: conversations of every channel, a thread with its composer, the customer's summary. */
export const InboxApp = (props: MountProps) => (
  <AreaProvider props={props}>
    <div data-testid="inbox-area" data-version={__MFE_VERSION__} style={{ padding: 12 }}>
      <Inbox />
    </div>
  </AreaProvider>
);
