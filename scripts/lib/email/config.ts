// The email command's configuration, from the environment as the workflow passes secrets and
// variables. Anything missing or malformed is a usage error naming the variable.
import { UsageError } from '../args.ts';

export interface EmailConfig {
  smtpUrl: URL;
  from: string;
  to: string[];
  /** Only papers of these topics; empty for all. */
  topics: string[];
  site: URL;
  base: string;
}

const ADDRESS = /^[^\s@<>,"]+@[^\s@<>,"]+\.[^\s@<>,"]+$/;
/** `Broadsheet <papers@example.org>` or a bare address. */
const MAILBOX = /^(?:[^<>"]+\s)?<([^\s<>]+)>$|^([^\s<>]+)$/;

function mailbox(variable: string, value: string): string {
  const match = value.trim().match(MAILBOX);
  const address = match?.[1] ?? match?.[2];
  if (!address || !ADDRESS.test(address)) throw new UsageError(`${variable}: "${value}" is not an email address`);
  return value.trim();
}

export function emailConfig(env: NodeJS.ProcessEnv, knownTopics: readonly string[]): EmailConfig {
  const need = (name: string) => {
    const value = env[name]?.trim();
    if (!value) throw new UsageError(`${name} is not set`);
    return value;
  };
  let smtpUrl: URL;
  try {
    smtpUrl = new URL(need('SMTP_URL'));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError('SMTP_URL is not a URL: expected smtp://user:pass@host:port or smtps://…');
  }
  if (!['smtp:', 'smtps:'].includes(smtpUrl.protocol) || !smtpUrl.hostname) {
    throw new UsageError(`SMTP_URL: expected smtp://user:pass@host:port or smtps://…, not ${smtpUrl.protocol}//${smtpUrl.host}`);
  }
  const from = mailbox('EMAIL_FROM', need('EMAIL_FROM'));
  const to = need('EMAIL_TO')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => mailbox('EMAIL_TO', part));
  if (to.length === 0) throw new UsageError('EMAIL_TO has no address');
  const topics = (env.EMAIL_TOPICS ?? '')
    .split(',')
    .map((slug) => slug.trim())
    .filter(Boolean);
  for (const slug of topics) if (!knownTopics.includes(slug)) throw new UsageError(`EMAIL_TOPICS: no topic "${slug}" (topics: ${knownTopics.join(', ')})`);
  let site: URL;
  try {
    site = new URL(need('SITE_URL'));
  } catch (error) {
    if (error instanceof UsageError) throw new UsageError('SITE_URL is not set: the email links to the site, so it needs its address');
    throw new UsageError(`SITE_URL: "${env.SITE_URL}" is not a URL`);
  }
  if (!/^https?:$/.test(site.protocol)) throw new UsageError(`SITE_URL: "${env.SITE_URL}" is not an http(s) URL`);
  return { smtpUrl, from, to, topics, site, base: env.BASE_PATH?.trim() || '/' };
}

/** The server as it may be printed: no user name, no password. */
export function describeServer(url: URL): string {
  return `${url.protocol}//${url.hostname}${url.port ? `:${url.port}` : ''}`;
}
