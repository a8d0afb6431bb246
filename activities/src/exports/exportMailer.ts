import { createSmtpTransport, type SmtpSettings } from '../smtp/smtpTransport';

export type ExportMail = {
  to: string[];
  subject: string;
  text: string;
  /** Stable per export, so a resend after a retry can be recognised by the recipient's server. */
  messageId: string;
  attachment?: { fileName: string; path: string; contentType: string };
};

export type ExportMailer = {
  send(mail: ExportMail): Promise<{ messageId: string | null }>;
  close(): void;
};

/** Sends export mails over SMTP (nodemailer); the file is streamed from disk as an attachment. */
export const createExportMailer = (smtp: SmtpSettings & { from: string }): ExportMailer => {
  const transport = createSmtpTransport(smtp);
  return {
    async send(mail) {
      const info = await transport.sendMail({
        from: smtp.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
        ...(mail.attachment
          ? {
              attachments: [
                {
                  filename: mail.attachment.fileName,
                  path: mail.attachment.path,
                  contentType: mail.attachment.contentType,
                },
              ],
            }
          : {}),
      });
      return { messageId: typeof info.messageId === 'string' ? info.messageId : null };
    },
    close: () => transport.close(),
  };
};
