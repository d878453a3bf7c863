/** Exit codes Lectern returns; documented in the README. */
export const ExitCode = {
  ok: 0,
  /** Unexpected internal failure (a bug). */
  internal: 1,
  /** Wrong command-line usage. */
  usage: 2,
  /** The source article (or a file it names) could not be read or parsed. */
  input: 3,
  /** A template or theme is broken or unknown. */
  template: 4,
  /** The output location could not be written. */
  output: 5,
  /** No browser could be found for a command that needs one. */
  noBrowser: 6,
  /** The browser failed while rendering or exporting. */
  browser: 7,
  /** `lectern check` found overflowing slides or missing sentences. */
  checkFailed: 8,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** Where in a file something went wrong; line and column are 1-based. */
export interface Location {
  file: string;
  line?: number;
  column?: number;
}

/** The one error type Lectern throws; the CLI edge turns it into a message and an exit code. */
export class LecternError extends Error {
  readonly exitCode: ExitCodeValue;
  readonly location?: Location;
  readonly hint?: string;

  constructor(message: string, options: { exitCode: ExitCodeValue; location?: Location; hint?: string; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'LecternError';
    this.exitCode = options.exitCode;
    this.location = options.location;
    this.hint = options.hint;
  }

  /** One line: `file:line:column: message (hint)`. */
  format(): string {
    const where = this.location ? formatLocation(this.location) + ': ' : '';
    const hint = this.hint ? ` (${this.hint})` : '';
    return `${where}${this.message}${hint}`;
  }
}

export function formatLocation(location: Location): string {
  let text = location.file;
  if (location.line !== undefined) text += `:${location.line}`;
  if (location.line !== undefined && location.column !== undefined) text += `:${location.column}`;
  return text;
}

/** A non-fatal problem worth telling the user about. */
export interface Warning {
  message: string;
  location?: Location;
}

export function formatWarning(warning: Warning): string {
  return (warning.location ? formatLocation(warning.location) + ': ' : '') + 'warning: ' + warning.message;
}
