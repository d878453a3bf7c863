import { parseArgs, type ParseArgsConfig } from 'node:util';
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
    return { values: parsed.values as ParsedCommand['values'], positionals: parsed.positionals };
  } catch (error) {
    throw new LecternError((error as Error).message.split('\n')[0] ?? 'bad arguments', {
      exitCode: ExitCode.usage,
      hint: `see \`lectern ${command} --help\``,
    });
  }
}

/** Parses `--duration` the same way as front matter. */
export function numberOption(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number < min || number > max) {
    throw new LecternError(`--${name} must be a number from ${min} to ${max}`, { exitCode: ExitCode.usage });
  }
  return number;
}
