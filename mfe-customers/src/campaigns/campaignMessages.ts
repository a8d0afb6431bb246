import { defineMessages } from 'react-intl';
import { untypedMessages } from '@c360/mfe-kit';

/** The launch dialog's and the progress panel's words. */
export const campaignMessages = untypedMessages(
  defineMessages({
    launch: { id: 'customers.campaign.launch', defaultMessage: 'Launch campaign' },
    dialogTitle: { id: 'customers.campaign.dialogTitle', defaultMessage: 'Launch a campaign to “{segment}”' },
    name: { id: 'customers.campaign.name', defaultMessage: 'Campaign name' },
    channel: { id: 'customers.campaign.channel', defaultMessage: 'Channel' },
    whatsapp: { id: 'customers.campaign.whatsapp', defaultMessage: 'WhatsApp' },
    email: { id: 'customers.campaign.email', defaultMessage: 'E-mail' },
    content: { id: 'customers.campaign.content', defaultMessage: 'Content' },
    contentTemplate: {
      id: 'customers.campaign.contentTemplate',
      defaultMessage: 'Approved WhatsApp template',
    },
    contentText: { id: 'customers.campaign.contentText', defaultMessage: 'Plain text' },
    contentEmail: { id: 'customers.campaign.contentEmail', defaultMessage: 'E-mail with a subject' },
    purpose: { id: 'customers.campaign.purpose', defaultMessage: 'Purpose' },
    marketing: { id: 'customers.campaign.marketing', defaultMessage: 'Marketing (opted-in members only)' },
    service: { id: 'customers.campaign.service', defaultMessage: 'Service' },
    templateName: { id: 'customers.campaign.templateName', defaultMessage: 'Template name' },
    templateLanguage: { id: 'customers.campaign.templateLanguage', defaultMessage: 'Template language' },
    subject: { id: 'customers.campaign.subject', defaultMessage: 'Subject' },
    text: { id: 'customers.campaign.text', defaultMessage: 'Message' },
    textWindowHint: {
      id: 'customers.campaign.textWindowHint',
      defaultMessage:
        'WhatsApp text reaches only members who wrote in the last 24 hours; the others are skipped.',
    },
    missing: { id: 'customers.campaign.missing', defaultMessage: 'Fill in the highlighted fields.' },
    review: { id: 'customers.campaign.review', defaultMessage: 'Review' },
    close: { id: 'customers.campaign.close', defaultMessage: 'Close' },
    confirmGroup: { id: 'customers.campaign.confirmGroup', defaultMessage: 'Confirm the launch' },
    confirmText: {
      id: 'customers.campaign.confirmText',
      defaultMessage:
        'Send to {members, plural, one {{count} member} other {{count} members}} on {channel}? Each member gets at most one message; quiet hours and opt-outs are respected.',
    },
    confirm: { id: 'customers.campaign.confirm', defaultMessage: 'Launch now' },
    back: { id: 'customers.campaign.back', defaultMessage: 'Back' },
    panelTitle: { id: 'customers.campaign.panelTitle', defaultMessage: 'Campaign “{name}”' },
    phase: { id: 'customers.campaign.phase', defaultMessage: 'Phase' },
    members: { id: 'customers.campaign.members', defaultMessage: 'Members' },
    sent: { id: 'customers.campaign.sent', defaultMessage: 'Sent' },
    deferred: { id: 'customers.campaign.deferred', defaultMessage: 'Deferred' },
    skipped: { id: 'customers.campaign.skipped', defaultMessage: 'Skipped' },
    failed: { id: 'customers.campaign.failed', defaultMessage: 'Failed' },
    pause: { id: 'customers.campaign.pause', defaultMessage: 'Pause' },
    resume: { id: 'customers.campaign.resume', defaultMessage: 'Resume' },
    cancel: { id: 'customers.campaign.cancel', defaultMessage: 'Cancel campaign' },
    workflow: { id: 'customers.campaign.workflow', defaultMessage: 'Temporal workflow {id}' },
    launchedBy: {
      id: 'customers.campaign.launchedBy',
      defaultMessage: '{channel} · {purpose} · launched by {name}, {at}',
    },
  }),
);

export const phaseMessages = untypedMessages(
  defineMessages({
    snapshot: { id: 'customers.campaign.phase.snapshot', defaultMessage: 'taking the member list' },
    planning: { id: 'customers.campaign.phase.planning', defaultMessage: 'planning sends' },
    holding: { id: 'customers.campaign.phase.holding', defaultMessage: 'waiting (quiet hours or daily cap)' },
    sending: { id: 'customers.campaign.phase.sending', defaultMessage: 'sending' },
    paused: { id: 'customers.campaign.phase.paused', defaultMessage: 'paused' },
    running: { id: 'customers.campaign.phase.running', defaultMessage: 'running' },
    done: { id: 'customers.campaign.phase.done', defaultMessage: 'done' },
    cancelled: { id: 'customers.campaign.phase.cancelled', defaultMessage: 'cancelled' },
  }),
);
