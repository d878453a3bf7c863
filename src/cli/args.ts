import { parseArgs, type ParseArgsConfig } from 'node:util';
import { editDistance } from '../article/front-matter.js';
import { ExitCode, LecternError } from '../errors.js';

export type Options = NonNullable<ParseArgsConfig['options']>;

export interface ParsedCommand {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** Parses a command's arguments, turning unknown flags into a usage error that names the command's help. */
export function parseCommand(command: string, argv: string[], options: Options): ParsedCommand {
  try {
    const parsed = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    return { values: parsed.values, positionals: parsed.positionals };
  } catch (error) {
    throw new LecternError(describeArgumentError(error as Error & { code?: string }, options), {
      exitCode: ExitCode.usage,
      hint: `see \`lectern ${command} --help\``,
    });
  }
}

/** Node's parseArgs messages, rephrased; an unknown option names the closest known one. */
function describeArgumentError(error: Error & { code?: string }, options: Options): string {
  const unknown = /^Unknown option '([^']+)'/.exec(error.message);
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown?.[1]) {
    const suggestion = closestOption(unknown[1], options);
    return `unknown option \`${unknown[1]}\`` + (suggestion ? ` (did you mean \`${suggestion}\`?)` : '');
  }
  return error.message.split('\n')[0] ?? 'bad arguments';
}

/** The option a mistyped flag most likely meant, when it is close enough to be a typo. */
export function closestOption(flag: string, options: Options): string | undefined {
  const typed = flag.replace(/^-+/, '').split('=')[0] ?? '';
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of [...Object.keys(options), 'help']) {
    const distance = editDistance(typed.toLowerCase(), name);
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best !== undefined && typed.length > 1 && bestDistance <= Math.max(1, Math.floor(typed.length / 3)) ? `--${best}` : undefined;
}

/** Parses a numeric option (`--wpm`, `--port`), refusing values outside [min, max]. */
export function numberOption(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number < min || number > max) {
    throw new LecternError(`--${name} must be a number from ${min} to ${max}`, { exitCode: ExitCode.usage });
  }
  return number;
}
