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

/**
 * The configuration, or one usage error naming everything wrong with it at once: every variable
 * that is not set, then each one that is set but malformed.
 */
export function emailConfig(env: NodeJS.ProcessEnv, knownTopics: readonly string[]): EmailConfig {
  const missing: string[] = [];
  const problems: string[] = [];
  const read = (name: string) => {
    const value = env[name]?.trim() || undefined;
    if (!value) missing.push(name);
    return value;
  };
  /** Run a check of a variable that is set; collect its problem instead of stopping at it. */
  const check = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      problems.push(error.message);
      return undefined;
    }
  };

  const smtp = read('SMTP_URL');
  const smtpUrl =
    smtp === undefined
      ? undefined
      : check(() => {
          let url: URL;
          try {
            url = new URL(smtp);
          } catch {
            throw new UsageError('SMTP_URL is not a URL: expected smtp://user:pass@host:port or smtps://…');
          }
          if (!['smtp:', 'smtps:'].includes(url.protocol) || !url.hostname) {
            throw new UsageError(`SMTP_URL: expected smtp://user:pass@host:port or smtps://…, not ${url.protocol}//${url.host}`);
          }
          return url;
        });
  const fromValue = read('EMAIL_FROM');
  const from = fromValue === undefined ? undefined : check(() => mailbox('EMAIL_FROM', fromValue));
  const toValue = read('EMAIL_TO');
  const to =
    toValue === undefined
      ? undefined
      : check(() => {
          const list = toValue
            .split(',')
            .map((part) => part.trim())
            .filter(Boolean)
            .map((part) => mailbox('EMAIL_TO', part));
          if (list.length === 0) throw new UsageError('EMAIL_TO has no address');
          return list;
        });
  const topics = (env.EMAIL_TOPICS ?? '')
    .split(',')
    .map((slug) => slug.trim())
    .filter(Boolean);
  for (const slug of topics) if (!knownTopics.includes(slug)) problems.push(`EMAIL_TOPICS: no topic "${slug}" (topics: ${knownTopics.join(', ')})`);
  const siteValue = read('SITE_URL');
  const site =
    siteValue === undefined
      ? undefined
      : check(() => {
          let url: URL;
          try {
            url = new URL(siteValue);
          } catch {
            throw new UsageError(`SITE_URL: "${siteValue}" is not a URL`);
          }
          if (!/^https?:$/.test(url.protocol)) throw new UsageError(`SITE_URL: "${siteValue}" is not an http(s) URL`);
          return url;
        });

  if (missing.length) {
    // The email links to the site, so it needs its address too; the README lists every variable.
    const names = missing.length === 1 ? missing[0]! : `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)}`;
    problems.unshift(`${names} ${missing.length === 1 ? 'is' : 'are'} not set (see "Papers by email" in the README)`);
  }
  if (problems.length) throw new UsageError(problems.join('; '));
  return { smtpUrl: smtpUrl!, from: from!, to: to!, topics, site: site!, base: env.BASE_PATH?.trim() || '/' };
}

/** The server as it may be printed: no user name, no password. */
export function describeServer(url: URL): string {
  return `${url.protocol}//${url.hostname}${url.port ? `:${url.port}` : ''}`;
}
