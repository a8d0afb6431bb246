import { createSmtpTransport, type SmtpSettings } from '../smtp/smtpTransport';

export type NotificationMail = {
  to: string;
  subject: string;
  text: string;
  /** Stable per item, so a resend after a retry is recognisable as the same mail. */
  messageId: string;
};

export type NotificationMailer = {
  send(mail: NotificationMail): Promise<void>;
  close(): void;
};

/** Sends notification and digest mails to users over the shared SMTP transport (nodemailer). */
export const createNotificationMailer = (smtp: SmtpSettings & { from: string }): NotificationMailer => {
  const transport = createSmtpTransport(smtp);
  return {
    async send(mail) {
      await transport.sendMail({
        from: smtp.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
    },
    close: () => transport.close(),
  };
};
