// What every command shares: its options parsed with node:util (negative numbers included), and
// one way to end: `--help` prints the usage, a usage error one line and exit 2, a failure one line
// and exit 1.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parse a command's options strictly. `--budget -5` reaches the checks as "-5" (node:util would
 * call it ambiguous), and an empty value is no value: the scheduled workflow passes its optional
 * inputs through as they are.
 */
export function parseOptions<const O extends Options>(argv: readonly string[], options: O) {
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i]!.match(/^--([^=]+)$/)?.[1];
    const next = argv[i + 1];
    if (name && options[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) joined.push(`--${name}=${argv[++i]}`);
    else joined.push(argv[i]!);
  }
  let values;
  try {
    ({ values } = parseArgs({ args: joined, options, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  for (const key of Object.keys(values)) if (values[key as keyof typeof values] === '') delete values[key as keyof typeof values];
  return values;
}

/** A whole number of 0 or more (seconds, days, milliseconds), or undefined when not given. */
export function wholeNumber(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} ${value}: expected a whole number of 0 or more`);
  return Number(value);
}

/** A positive whole number, or undefined when not given. */
export function positiveNumber(flag: string, value: string | undefined): number | undefined {
  const number = wholeNumber(flag, value);
  if (number === 0) throw new UsageError(`${flag} 0: expected a whole number of 1 or more`);
  return number;
}

/** The one line a usage error prints. */
const usageLine = (name: string, error: UsageError) => `${name}: ${error.message} (npm run ${name} -- --help lists the options)`;

/**
 * For a script that runs at the top level rather than through runCommand: its options, checked by
 * `check`; or, on --help, the usage and exit 0; or one usage line and exit 2.
 */
export function commandOptions<const O extends Options, T>(
  name: string,
  usage: string,
  options: O,
  check: (values: ReturnType<typeof parseOptions<O>>) => T,
  argv: readonly string[] = process.argv.slice(2),
): T {
  try {
    const values = parseOptions(argv, { ...options, help: { type: 'boolean', short: 'h', default: false } });
    if ((values as { help?: boolean }).help) {
      console.log(usage);
      process.exit(0);
    }
    return check(values as ReturnType<typeof parseOptions<O>>);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(usageLine(name, error));
    process.exit(2);
  }
}

/**
 * Run a command's main and exit with its code. A UsageError prints one line naming the problem and
 * where the options are listed, and exits 2; any other error prints one line and exits 1.
 */
export function runCommand(name: string, main: () => Promise<number>, describe: (error: Error) => string = (error) => error.message): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof UsageError) {
        console.error(usageLine(name, error));
        process.exit(2);
      }
      console.error(`${name}: ${describe(error as Error)}`);
      process.exit(1);
    },
  );
}
