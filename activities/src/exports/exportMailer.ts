import nodemailer from 'nodemailer';

export type SmtpSettings = {
  host: string;
  port: number;
  /** STARTTLS/TLS is not used against a local capture server; production sets `secure`. */
  secure: boolean;
  user?: string;
  password?: string;
  from: string;
};

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
export const createExportMailer = (smtp: SmtpSettings): ExportMailer => {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
    ...(smtp.secure ? {} : { ignoreTLS: true }),
  });
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
