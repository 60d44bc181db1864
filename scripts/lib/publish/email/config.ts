// The email command's configuration, from the environment as the workflow passes secrets and
// variables. Anything missing or malformed is a usage error naming the variable.
import { UsageError } from '../../cli.ts';

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

function smtpUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError('SMTP_URL is not a URL: expected smtp://user:pass@host:port or smtps://…');
  }
  if (!['smtp:', 'smtps:'].includes(url.protocol) || !url.hostname) {
    throw new UsageError(`SMTP_URL: expected smtp://user:pass@host:port or smtps://…, not ${url.protocol}//${url.host}`);
  }
  return url;
}

function recipients(value: string): string[] {
  const list = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => mailbox('EMAIL_TO', part));
  if (list.length === 0) throw new UsageError('EMAIL_TO has no address');
  return list;
}

function siteUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`SITE_URL: "${value}" is not a URL`);
  }
  if (!/^https?:$/.test(url.protocol)) throw new UsageError(`SITE_URL: "${value}" is not an http(s) URL`);
  return url;
}

/**
 * The configuration, or one usage error naming everything wrong with it at once: every variable
 * that is not set, then each one that is set but malformed.
 */
export function emailConfig(env: NodeJS.ProcessEnv, knownTopics: readonly string[]): EmailConfig {
  const missing: string[] = [];
  const problems: string[] = [];
  /** A variable read and checked; one not set is noted as missing, a check's problem collected instead of stopping at it. */
  const read = <T>(name: string, check: (value: string) => T): T | undefined => {
    const value = env[name]?.trim() || undefined;
    if (!value) {
      missing.push(name);
      return undefined;
    }
    try {
      return check(value);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      problems.push(error.message);
      return undefined;
    }
  };
  const smtp = read('SMTP_URL', smtpUrl);
  const from = read('EMAIL_FROM', (value) => mailbox('EMAIL_FROM', value));
  const to = read('EMAIL_TO', recipients);
  const topics = (env.EMAIL_TOPICS ?? '')
    .split(',')
    .map((slug) => slug.trim())
    .filter(Boolean);
  for (const slug of topics) if (!knownTopics.includes(slug)) problems.push(`EMAIL_TOPICS: no topic "${slug}" (topics: ${knownTopics.join(', ')})`);
  const site = read('SITE_URL', siteUrl);
  if (missing.length) {
    // The email links to the site, so it needs its address too; the README lists every variable.
    const names = missing.length === 1 ? missing[0]! : `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)}`;
    problems.unshift(`${names} ${missing.length === 1 ? 'is' : 'are'} not set (see "Papers by email" in the README)`);
  }
  if (problems.length) throw new UsageError(problems.join('; '));
  return { smtpUrl: smtp!, from: from!, to: to!, topics, site: site!, base: env.BASE_PATH?.trim() || '/' };
}

/** The server as it may be printed: no user name, no password. */
export function describeServer(url: URL): string {
  return `${url.protocol}//${url.hostname}${url.port ? `:${url.port}` : ''}`;
}
