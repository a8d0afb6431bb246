import nodemailer from 'nodemailer';

/** The SMTP server the worker sends through (export mails and the email channel alike). */
export type SmtpSettings = {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  password?: string;
  /** Connections kept open and reused; 0 or absent: one connection per mail. */
  pool?: number;
};

/** The C360_SMTP_* settings as the worker config reads them. */
export type SmtpConfig = {
  C360_SMTP_HOST: string;
  C360_SMTP_PORT: number;
  C360_SMTP_SECURE: boolean;
  C360_SMTP_POOL?: number | undefined;
  C360_SMTP_USER?: string | undefined;
  C360_SMTP_PASSWORD?: string | undefined;
};

export const smtpSettingsFromConfig = (config: SmtpConfig): SmtpSettings => ({
  host: config.C360_SMTP_HOST,
  port: config.C360_SMTP_PORT,
  secure: config.C360_SMTP_SECURE,
  ...(config.C360_SMTP_POOL ? { pool: config.C360_SMTP_POOL } : {}),
  ...(config.C360_SMTP_USER
    ? { user: config.C360_SMTP_USER, password: config.C360_SMTP_PASSWORD ?? '' }
    : {}),
});

/**
 * A nodemailer SMTP transport: TLS from the start when `secure`, otherwise STARTTLS when the
 * server offers it; auth only when a user is set; bounded connect, greeting and idle times so a
 * silent server fails the send instead of hanging it. With `pool`, up to that many connections
 * are reused across mails (a new connection per mail costs a whole SMTP handshake; see
 * bench/campaignThroughput.ts); idle ones close after the socket timeout.
 */
export const createSmtpTransport = (smtp: SmtpSettings) =>
  nodemailer.createTransport({
    ...(smtp.pool ? { pool: true, maxConnections: smtp.pool } : {}),
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
