import { formatWarning, type Warning } from '../errors.js';

/** Human messages go to stderr, so stdout stays free for data. */
export function say(message: string): void {
  process.stderr.write(`${message}\n`);
}

export function warn(warnings: Warning[]): void {
  for (const warning of warnings) say(formatWarning(warning));
}

/** `12:30` from seconds. */
export function formatMinutes(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(Math.round(seconds % 60)).padStart(2, '0')}`;
}
