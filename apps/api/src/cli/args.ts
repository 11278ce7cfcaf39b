import type { INestApplicationContext } from '@nestjs/common';

/** Minimal `--name value` / `--flag` parser; the CLI has few options, a library would be overkill. */
export interface ParsedArgs {
  readonly positional: string[];
  readonly options: Record<string, string | true>;
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const next = argv[i + 1];
    if (inline !== undefined) options[name] = inline;
    else if (next !== undefined && !next.startsWith('--')) {
      options[name] = next;
      i += 1;
    } else options[name] = true;
  }
  return { positional, options };
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.options[name];
  return typeof value === 'string' ? value : undefined;
}

/** One `npm run admin -- <name>` command; resolves to the process exit code. */
export interface Command {
  readonly summary: string;
  run(context: INestApplicationContext, args: ParsedArgs): Promise<number>;
}
