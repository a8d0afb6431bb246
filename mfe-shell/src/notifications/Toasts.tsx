import { untypedMessages } from '@c360/mfe-kit';
import { defineMessages, useIntl } from 'react-intl';
import type { NotificationItem } from './notificationTypes';
import { categoryLabel } from './notificationLabels';

const messages = untypedMessages(
  defineMessages({
    dismiss: { id: 'shell.toast.dismiss', defaultMessage: 'Dismiss' },
  }),
);

/** New notifications the user wants to see at once; read out by screen readers as they come. */
export const Toasts = ({
  toasts,
  onDismiss,
}: {
  toasts: NotificationItem[];
  onDismiss: (id: string) => void;
}) => {
  const intl = useIntl();
  return (
    <div className="c360-toasts" aria-live="polite" data-testid="toasts">
      {toasts.map((toast) => (
        <div key={toast.id} role="status" className="c360-toast">
          <strong>{intl.formatMessage(categoryLabel(toast.category))}</strong> {toast.title}
          <button
            type="button"
            aria-label={intl.formatMessage(messages.dismiss)}
            onClick={() => onDismiss(toast.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
};
