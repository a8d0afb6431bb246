import { defineMessages } from 'react-intl';
import { untypedMessages } from '@c360/mfe-kit';

/** The words of a segment card's entry message. */
export const entryMessages = untypedMessages(
  defineMessages({
    open: { id: 'customers.entry.open', defaultMessage: 'Entry message' },
    title: { id: 'customers.entry.title', defaultMessage: 'Message sent to each customer who enters' },
    channel: { id: 'customers.entry.channel', defaultMessage: 'Channel' },
    email: { id: 'customers.entry.email', defaultMessage: 'E-mail' },
    whatsapp: { id: 'customers.entry.whatsapp', defaultMessage: 'WhatsApp' },
    instagram: { id: 'customers.entry.instagram', defaultMessage: 'Instagram' },
    subject: { id: 'customers.entry.subject', defaultMessage: 'Subject' },
    text: { id: 'customers.entry.text', defaultMessage: 'Message' },
    purpose: { id: 'customers.entry.purpose', defaultMessage: 'Purpose' },
    marketing: { id: 'customers.entry.marketing', defaultMessage: 'Marketing' },
    service: { id: 'customers.entry.service', defaultMessage: 'Service' },
    reentry: { id: 'customers.entry.reentry', defaultMessage: 'Sent again on a new entry' },
    never: { id: 'customers.entry.never', defaultMessage: 'Never' },
    afterDays: { id: 'customers.entry.afterDays', defaultMessage: 'After some days' },
    days: { id: 'customers.entry.days', defaultMessage: 'Days' },
    save: { id: 'customers.entry.save', defaultMessage: 'Save entry message' },
    cancel: { id: 'customers.entry.cancel', defaultMessage: 'Cancel' },
    edit: { id: 'customers.entry.edit', defaultMessage: 'Edit' },
    remove: { id: 'customers.entry.remove', defaultMessage: 'Remove entry message' },
    missing: {
      id: 'customers.entry.missing',
      defaultMessage: 'Fill in the message (and the subject of an e-mail).',
    },
    summary: {
      id: 'customers.entry.summary',
      defaultMessage:
        'On entry: {channel} ({purpose}), “{preview}”, {reentry, select, never {once per customer} other {again after {days, plural, one {# day} other {# days}}}}',
    },
    playbook: {
      id: 'customers.entry.playbook',
      defaultMessage:
        'On entry this segment starts the playbook “{playbook}”. A segment has one attachment: detach the playbook in the playbook settings to send a message instead.',
    },
    playbookNow: {
      id: 'customers.entry.playbookNow',
      defaultMessage: 'Not saved: the playbook “{playbook}” was attached to this segment meanwhile.',
    },
    disabled: {
      id: 'customers.entry.disabled',
      defaultMessage:
        'The segment-entry playbook is switched off for the tenant: nothing is sent until it is on.',
    },
  }),
);
