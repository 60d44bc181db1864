// Every command is one `Command`: a table of its options, each with its help line, and a main that
// gets them parsed. The same table parses the command line and writes `--help`, so the two never
// drift. A usage error prints one line and exits 2; any other failure one line and exits 1.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** What the value looks like in the help: `--date YYYY-MM-DD`. */
  value?: string;
  /** What the option does, as the help says it (may span lines). */
  help: string;
}

type Options = Record<string, OptionSpec>;

/** The parsed options: a string (or undefined when not given) or a boolean, by name. */
export type Values<O extends Options> = { [K in keyof O]: O[K]['type'] extends 'boolean' ? boolean : string | undefined };

export interface Command<O extends Options> {
  name: string;
  /** How it is started, for the usage line (default `npm run <name> --`). */
  run?: string;
  /** One paragraph: what the command does. */
  summary: string;
  options: O;
  /** Sections after the options: environment, exit codes. */
  more?: string;
  /** How a failure reads in its one line (default: the error's message). */
  describe?: (error: Error) => string;
}

export function defineCommand<const O extends Options>(command: Command<O>): Command<O> {
  return command;
}

const HELP: OptionSpec = { type: 'boolean', short: 'h', help: 'show this help' };

/** The command's `--help`: usage line, summary, one line an option (aligned), then the rest. */
export function usage(command: Command<Options>): string {
  const rows = Object.entries({ ...command.options, help: HELP }).map(([name, spec]) => [
    `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.value ? ` ${spec.value}` : ''}`,
    spec.help,
  ]);
  const width = Math.max(...rows.map(([flag]) => flag!.length)) + 2;
  const indent = ' '.repeat(width + 2);
  const lines = rows.map(([flag, help]) => `  ${flag!.padEnd(width)}${help!.split('\n').join(`\n${indent}`)}`);
  const run = command.run ?? `npm run ${command.name} --`;
  return [`Usage: ${run} [options]`, '', command.summary, '', 'Options:', ...lines, ...(command.more ? ['', command.more] : [])].join('\n');
}

/**
 * Parse a command line strictly against a table. `--budget -5` reaches the checks as "-5" (node:util
 * would call it ambiguous), and an empty value is no value: the scheduled workflow passes its
 * optional inputs through as they are.
 */
export function parseOptions<const O extends Options>(argv: readonly string[], options: O): Values<O> & { help: boolean } {
  const all: Options = { ...options, help: HELP };
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i]!.match(/^--([^=]+)$/)?.[1];
    const next = argv[i + 1];
    if (name && all[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) joined.push(`--${name}=${argv[++i]}`);
    else joined.push(argv[i]!);
  }
  const config: NonNullable<ParseArgsConfig['options']> = {};
  for (const [name, spec] of Object.entries(all)) config[name] = { type: spec.type, ...(spec.short ? { short: spec.short } : {}) };
  let values: Record<string, string | boolean | undefined>;
  try {
    // No option is `multiple`, so no value is a list.
    values = parseArgs({ args: joined, options: config, strict: true, allowPositionals: false }).values as Record<string, string | boolean | undefined>;
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  for (const [name, spec] of Object.entries(all)) {
    if (spec.type === 'boolean') values[name] ??= false;
    else if (values[name] === '') delete values[name];
  }
  return values as Values<O> & { help: boolean };
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
export const usageLine = (name: string, error: UsageError) => `${name}: ${error.message} (npm run ${name} -- --help lists the options)`;

/**
 * Run a command: `--help` prints its usage and exits 0; otherwise main gets the parsed options and
 * its number is the exit code. A UsageError prints one line naming the problem and where the
 * options are listed, and exits 2; any other error prints one line and exits 1.
 */
export function runCommand<const O extends Options>(command: Command<O>, main: (values: Values<O>) => Promise<number>, argv = process.argv.slice(2)): void {
  const started = (async () => {
    const values = parseOptions(argv, command.options);
    if (values.help) {
      console.log(usage(command));
      return 0;
    }
    return main(values);
  })();
  started.then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof UsageError) {
        console.error(usageLine(command.name, error));
        process.exit(2);
      }
      const describe = command.describe ?? ((e: Error) => e.message);
      console.error(`${command.name}: ${describe(error as Error)}`);
      process.exit(1);
    },
  );
}
