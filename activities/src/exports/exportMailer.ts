import { createSmtpTransport, type SmtpSettings } from '../smtp/smtpTransport';

export type ExportMail = {
  to: string[];
  subject: string;
  text: string;
  /** Stable per export, so a resend after a retry can be recognised by the recipient's server. */
  messageId: string;
  /** Files streamed from disk, in order (a report run's CSV and PDF). */
  attachments?: { fileName: string; path: string; contentType: string }[];
};

export type ExportMailer = {
  send(mail: ExportMail): Promise<{ messageId: string | null }>;
  close(): void;
};

/** Sends export mails over SMTP (nodemailer); the files are streamed from disk as attachments. */
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
        ...(mail.attachments?.length
          ? {
              attachments: mail.attachments.map((a) => ({
                filename: a.fileName,
                path: a.path,
                contentType: a.contentType,
              })),
            }
          : {}),
      });
      return { messageId: typeof info.messageId === 'string' ? info.messageId : null };
    },
    close: () => transport.close(),
  };
};
