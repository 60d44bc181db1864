// Sending through the SMTP server of SMTP_URL with nodemailer, with timeouts so a server that
// hangs fails the run instead of holding it. Errors say which server and what went wrong.
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { describeServer } from './config.ts';
import type { Digest } from './render.ts';

export interface Envelope {
  from: string;
  to: string[];
}

function message(digest: Digest, envelope: Envelope) {
  return { from: envelope.from, to: envelope.to, subject: digest.subject, text: digest.text, html: digest.html };
}

/** The message as an .eml file would hold it (for --dry-run). */
export function composeRaw(digest: Digest, envelope: Envelope): Promise<Buffer> {
  return new MailComposer(message(digest, envelope)).compile().build();
}

export class SendError extends Error {}

export async function sendDigest(smtpUrl: URL, digest: Digest, envelope: Envelope, timeoutMs = 30_000): Promise<void> {
  const secure = smtpUrl.protocol === 'smtps:';
  const transport = nodemailer.createTransport({
    host: smtpUrl.hostname,
    port: Number(smtpUrl.port) || (secure ? 465 : 587),
    secure,
    ...(smtpUrl.username ? { auth: { user: decodeURIComponent(smtpUrl.username), pass: decodeURIComponent(smtpUrl.password) } } : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  try {
    await transport.sendMail(message(digest, envelope));
  } catch (cause) {
    const error = cause as { code?: string; responseCode?: number; response?: string; message: string };
    const problem = error.response ? `${error.responseCode ?? ''} ${error.response}`.trim() : `${error.code ? `${error.code}: ` : ''}${error.message}`;
    throw new SendError(`${describeServer(smtpUrl)}: ${problem.replace(/\s+/g, ' ')}`, { cause });
  } finally {
    transport.close();
  }
}
