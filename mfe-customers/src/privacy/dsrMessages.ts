import { defineMessages } from 'react-intl';
import { untypedMessages } from '@c360/mfe-kit';

/** The data-subject request section's words. */
export const dsrMessages = untypedMessages(
  defineMessages({
    title: { id: 'customers.dsr.title', defaultMessage: 'Data-subject requests' },
    intro: {
      id: 'customers.dsr.intro',
      defaultMessage:
        'Hand the customer everything held about them, or erase every trace of them. Each request runs as a workflow.',
    },
    export: { id: 'customers.dsr.export', defaultMessage: 'Export all data' },
    erase: { id: 'customers.dsr.erase', defaultMessage: 'Erase customer…' },
    eraseWarning: {
      id: 'customers.dsr.eraseWarning',
      defaultMessage:
        'Erasure deletes this customer’s profile, conversations, tickets, files and scores for good. It cannot be undone.',
    },
    eraseConfirmLabel: {
      id: 'customers.dsr.eraseConfirmLabel',
      defaultMessage: 'Type {word} to confirm',
    },
    eraseConfirm: { id: 'customers.dsr.eraseConfirm', defaultMessage: 'Erase for good' },
    cancel: { id: 'customers.dsr.cancel', defaultMessage: 'Cancel' },
    request: {
      id: 'customers.dsr.request',
      defaultMessage: '{kind, select, export {Export} erase {Erasure} other {{kind}}}: {status}',
    },
    requestedBy: { id: 'customers.dsr.requestedBy', defaultMessage: 'asked by {name}, {at}' },
    download: { id: 'customers.dsr.download', defaultMessage: 'Download archive' },
    erased: {
      id: 'customers.dsr.erased',
      defaultMessage: 'The customer is erased. Only an audit record without personal data remains.',
    },
    backToList: { id: 'customers.dsr.backToList', defaultMessage: 'Back to the customer list' },
  }),
);

export const dsrStatusMessages = untypedMessages(
  defineMessages({
    RUNNING: { id: 'customers.dsr.status.running', defaultMessage: 'running' },
    COMPLETED: { id: 'customers.dsr.status.completed', defaultMessage: 'completed' },
    FAILED: { id: 'customers.dsr.status.failed', defaultMessage: 'failed' },
    CANCELED: { id: 'customers.dsr.status.canceled', defaultMessage: 'cancelled' },
    TERMINATED: { id: 'customers.dsr.status.terminated', defaultMessage: 'terminated' },
    TIMED_OUT: { id: 'customers.dsr.status.timedOut', defaultMessage: 'timed out' },
    UNKNOWN: { id: 'customers.dsr.status.unknown', defaultMessage: 'no longer known' },
  }),
);
