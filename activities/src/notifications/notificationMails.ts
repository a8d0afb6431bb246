import type { NotifyInput } from '@c360/workflows';
import type { NotificationMail } from './notificationMailer';

type Recipient = { email: string; name: string };

const footer = (link: string | null | undefined): string[] =>
  link ? ['', `Open in Customer 360 (sign-in needed): ${link}`] : [];

/** The mail of one item for a user whose preference for its category is email. */
export const notificationMail = (to: Recipient, itemId: string, input: NotifyInput): NotificationMail => ({
  to: to.email,
  subject: input.title.trim(),
  text: [
    `Hello ${to.name},`,
    '',
    input.title.trim(),
    ...(input.body ? ['', input.body] : []),
    ...footer(input.link),
  ].join('\n'),
  messageId: `<notification-${itemId}@c360.local>`,
});

/** The one mail of a digest: every folded item's title, oldest first. */
export const digestMail = (
  to: Recipient,
  digest: { id: string; title: string; windowEnd: Date },
  items: { title: string; link?: string | null; createdAt: Date }[],
): NotificationMail => ({
  to: to.email,
  subject: digest.title,
  text: [
    `Hello ${to.name},`,
    '',
    `${digest.title}, received until ${digest.windowEnd.toISOString()}:`,
    '',
    ...items.map((i) => `- ${i.createdAt.toISOString()} ${i.title}${i.link ? ` (${i.link})` : ''}`),
  ].join('\n'),
  messageId: `<notification-digest-${digest.id}@c360.local>`,
});
