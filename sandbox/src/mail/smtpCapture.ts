import { createHash } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import type { SandboxContext } from '../sandboxContext';
import { newIds } from '../state/ids';
import type { CapturedMail } from '../state/sandboxState';

const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

const addresses = (field: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(field) ? field : field ? [field] : [])
    .flatMap((a) => a.value.map((v) => v.address ?? ''))
    .filter(Boolean);

const references = (parsed: ParsedMail): string[] =>
  Array.isArray(parsed.references)
    ? parsed.references
    : parsed.references
      ? parsed.references.split(/\s+/)
      : [];

const headerText = (value: unknown): string =>
  typeof value === 'string' ? value : value instanceof Date ? value.toISOString() : JSON.stringify(value);

/** What the control API shows of a message: envelope, threading headers, bodies, attachments, raw source. */
export const captureOf = async (
  raw: Buffer,
  envelope: CapturedMail['envelope'],
  auth: CapturedMail['auth'],
): Promise<CapturedMail> => {
  const parsed = await simpleParser(raw);
  return {
    id: newIds.mailId(),
    receivedAt: new Date().toISOString(),
    envelope,
    auth,
    messageId: parsed.messageId ?? null,
    inReplyTo: parsed.inReplyTo ?? null,
    references: references(parsed),
    from: addresses(parsed.from)[0] ?? null,
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    replyTo: addresses(parsed.replyTo)[0] ?? null,
    subject: parsed.subject ?? null,
    date: parsed.date ? parsed.date.toISOString() : null,
    text: parsed.text ?? null,
    html: parsed.html === false ? null : (parsed.html ?? null),
    headers: Object.fromEntries([...parsed.headers.entries()].map(([k, v]) => [k, headerText(v)])),
    attachments: parsed.attachments.map((a) => ({
      filename: a.filename ?? null,
      contentType: a.contentType,
      size: a.size,
      contentId: a.contentId ?? null,
      sha256: createHash('sha256').update(a.content).digest('hex'),
    })),
    raw: raw.toString('utf8'),
  };
};

/**
 * An SMTP server that accepts every message (any or no AUTH, no TLS: loopback only) and keeps
 * it, parsed, for the control API. It relays nothing.
 */
export const createSmtpCapture = (ctx: SandboxContext): SMTPServer =>
  new SMTPServer({
    name: 'sandbox.c360.local',
    banner: 'c360 sandbox SMTP capture',
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? 'anonymous' });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (stream.sizeExceeded) {
          callback(Object.assign(new Error('message exceeds the size limit'), { responseCode: 552 }));
          return;
        }
        const envelope = {
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
        };
        const auth = typeof session.user === 'string' ? { username: session.user } : null;
        captureOf(Buffer.concat(chunks), envelope, auth)
          .then((mail) => {
            ctx.state.mail.push(mail);
            ctx.logger.debug({ mail: mail.id, subject: mail.subject, to: mail.to }, 'mail captured');
            callback(null, `queued as ${mail.id}`);
          })
          .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
      });
    },
  });
