import { formatWarning, type Warning } from '../errors.js';

let quiet = false;

/** `-q, --quiet`: every command takes it; errors (and the data on stdout) still show. */
export const QUIET_OPTION = { quiet: { type: 'boolean', short: 'q' } } as const;
export const QUIET_HELP = '  -q, --quiet           no progress, summary or warnings on stderr (errors still show)';

/** Set once per command from its `--quiet`. */
export function setQuiet(value: boolean): void {
  quiet = value;
}

export function isQuiet(): boolean {
  return quiet;
}

/** Human messages go to stderr, so stdout stays free for data. */
export function say(message: string): void {
  if (!quiet) process.stderr.write(`${message}\n`);
}

export function warn(warnings: Warning[]): void {
  for (const warning of warnings) say(formatWarning(warning));
}

/** `12:30` from seconds. */
export function formatMinutes(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(Math.round(seconds % 60)).padStart(2, '0')}`;
}
