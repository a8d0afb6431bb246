import { render, screen } from '@testing-library/react';
import { IntlProvider } from 'react-intl';
import type { MessageItem } from '../../api/types';
import { messages } from '../../i18n/messages';
import { MessageBubble } from '../MessageBubble';

const message = (over: Partial<MessageItem>): MessageItem => ({
  kind: 'message',
  id: 'm1',
  at: '2026-03-02T10:00:00.000Z',
  direction: 'inbound',
  channel: 'whatsapp',
  authorId: null,
  body: 'Hello',
  html: null,
  deliveryStatus: 'received',
  deliveryError: null,
  attachments: [],
  metadata: {},
  ...over,
});

const renderIn = (m: MessageItem, locale: 'en' | 'ar' = 'en') =>
  render(
    <IntlProvider locale={locale} messages={messages[locale]} defaultLocale="en">
      <ul>
        <MessageBubble message={m} />
      </ul>
    </IntlProvider>,
  );

describe('MessageBubble', () => {
  it('collapses the quoted history of an e-mail behind a toggle', () => {
    renderIn(message({ channel: 'email', body: 'New answer\n\nOn Mon, Support wrote:\n> old text' }));
    expect(screen.getByText('New answer')).toBeTruthy();
    const details = screen.getByTestId('quoted-history');
    expect(details.hasAttribute('open')).toBe(false);
    expect(details.textContent).toContain('> old text');
  });

  it('names the kind of an Instagram message and links a story', () => {
    renderIn(
      message({
        channel: 'instagram',
        metadata: { kind: 'story_reply', storyUrl: 'https://example.test/s/1' },
      }),
    );
    expect(screen.getByTestId('instagram-kind').textContent).toBe('Story reply');
    expect(screen.getByRole('link').getAttribute('href')).toBe('https://example.test/s/1');
  });

  it('shows a delivery error of an outbound message', () => {
    renderIn(message({ direction: 'outbound', deliveryStatus: 'failed', deliveryError: 'window closed' }));
    expect(screen.getByRole('alert').textContent).toBe('window closed');
  });

  it("shows an outbound message's attachment with its name, type, size and link", () => {
    renderIn(
      message({
        direction: 'outbound',
        deliveryStatus: 'sent',
        body: 'Our menu',
        attachments: [
          {
            assetId: 'a1',
            fileName: 'menu.pdf',
            contentType: 'application/pdf',
            size: 2048,
            url: 'https://api.example.test/api/v1/public/assets/t.a.1.s',
          },
        ],
      }),
    );
    const attachment = screen.getByTestId('attachment');
    expect(attachment.textContent).toContain('menu.pdf');
    expect(attachment.textContent).toContain('application/pdf, 2 KB');
    expect(screen.getByRole('link', { name: 'menu.pdf' }).getAttribute('href')).toBe(
      'https://api.example.test/api/v1/public/assets/t.a.1.s',
    );
  });
});
