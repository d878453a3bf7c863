/** The settings the API takes, and how they become the pipeline's options. */
import { parseDuration } from '../article/front-matter.js';
import { ExitCode, LecternError } from '../errors.js';
import { WPM_RANGE } from '../outline/timing.js';
import type { PrepareOptions } from '../pipeline.js';

/** Settings of one deck; each wins over the article's front matter, as the CLI's flags do. */
export interface DeckSettings {
  /** `lectern`, a Reveal.js theme name, or a path to a CSS file. */
  theme?: string;
  /** A folder of template overrides. */
  templates?: string;
  /** Speaking rate in words a minute, 40 to 400 (default 140). */
  wpm?: number;
  /** Planned talk length: `20m`, `1h30m`, `90s`, or a number of minutes, as in front matter. */
  duration?: string | number;
  /** Folders beyond the article's own that it may read images and theme files from (`--allow-root`). */
  allowRoots?: string[];
  /** Let the article's front matter choose templates from inside its folder (`--trust-article`). */
  trustArticle?: boolean;
}

/** Defaults for exports. */
export interface ExportSettings {
  /**
   * `pdf` (default), `png`, `html`, or `brief`: one portrait page with the title, author, date, context, each
   * section's takeaway and strongest figure, the agenda and length, condensed until it fits (HTML when `out` ends in
   * `.html` or `.htm`, else PDF).
   */
  format?: 'pdf' | 'png' | 'html' | 'brief';
  /** PDF: a page of speaker notes after each slide. */
  notes?: boolean;
  /** PDF: portrait pages, three slides each with their notes beside them (ruled lines where there are none). */
  handout?: boolean;
  /** Paper of the handout and the brief; default Letter when the deck's language names a region that uses it, else A4. */
  paper?: 'a4' | 'letter';
  /** PDF: one page per fragment step. */
  fragments?: boolean;
  /** PNG: pixels per slide pixel, 0.25 to 4 (default 2). */
  scale?: number;
  /** The browser executable for PDF, PNG and `check`. */
  browser?: string;
}

/** A project's Lectern settings: deck settings plus export defaults. */
export interface LecternConfig extends DeckSettings {
  export?: ExportSettings;
}

/** Returns its argument: lets a config file be type-checked (`export default defineConfig({ … })`). */
export function defineConfig(config: LecternConfig): LecternConfig {
  return config;
}

/** Deck settings → the pipeline's options, refusing values out of range with a usage error. */
export function prepareOptionsOf(settings: DeckSettings): PrepareOptions {
  const options: PrepareOptions = {};
  if (settings.duration !== undefined) {
    const seconds = parseDuration(settings.duration);
    if (seconds === undefined) throw usage('duration must be a length such as 20m, 1h30m or 90s, or a number of minutes');
    options.duration = seconds;
  }
  if (settings.wpm !== undefined) {
    const { wpm } = settings;
    if (!Number.isFinite(wpm) || wpm < WPM_RANGE.min || wpm > WPM_RANGE.max) throw usage(`wpm must be a number from ${WPM_RANGE.min} to ${WPM_RANGE.max}`);
    options.wpm = wpm;
  }
  if (settings.theme !== undefined) options.theme = settings.theme;
  if (settings.templates !== undefined) options.templates = settings.templates;
  if (settings.allowRoots !== undefined) options.allowRoots = [...settings.allowRoots];
  if (settings.trustArticle === true) options.trustArticle = true;
  return options;
}

function usage(message: string): LecternError {
  return new LecternError(message, { exitCode: ExitCode.usage });
}
