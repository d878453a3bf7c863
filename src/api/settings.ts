/** The settings the API takes, and how they become the pipeline's options. */
import { resolve } from 'node:path';
import { parseDuration } from '../article/front-matter.js';
import { readBrand, type Brand } from '../brand.js';
import { ExitCode, LecternError } from '../errors.js';
import { WPM_RANGE } from '../outline/timing.js';
import type { ExportFormat } from '../export/formats.js';
import type { PrepareOptions } from '../pipeline.js';
import { parseSlideSize, SLIDE_SIZE_FORMS } from '../slide-size.js';

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
  /** Slide size: `16:9` (default, 1280×720), `4:3` (960×700), `16:10` (1280×800) or `WIDTHxHEIGHT`. */
  size?: string;
  /**
   * An image shown in a corner of every slide, relative to the working folder. Like the article's images it must lie
   * in the article's folder or an `allowRoots` folder and be a real image.
   */
  logo?: string;
  /** Brand colours (CSS colours), applied through the theme's variables; each wins over the front matter's. */
  brand?: Brand;
  /** Folders beyond the article's own that it may read images and theme files from (`--allow-root`). */
  allowRoots?: string[];
  /** Let the article's front matter choose templates from inside its folder (`--trust-article`). */
  trustArticle?: boolean;
  /** A local image the article names but that does not exist stops the build (`--strict`) instead of a warning. */
  strict?: boolean;
}

/** Defaults for exports. */
export interface ExportSettings {
  /**
   * `pdf`, `png`, `html`, `pptx` (editable PowerPoint with speaker notes), `txt` or `md` (the talk as text: titles,
   * points, notes and timings), or `brief`: one portrait page with the title, author, date, context, each section's
   * takeaway and strongest figure, the agenda and length, condensed until it fits (HTML when `out` ends in `.html` or
   * `.htm`, else PDF). Default: from the output's name (`.pptx`, `.txt`, …, a folder `dir/` for png), else pdf.
   */
  format?: ExportFormat;
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
  if (settings.size !== undefined) {
    const size = parseSlideSize(settings.size);
    if (size === undefined) throw usage(`size must be ${SLIDE_SIZE_FORMS}, not ${JSON.stringify(settings.size).slice(0, 60)}`);
    options.size = size;
  }
  if (settings.theme !== undefined) options.theme = settings.theme;
  if (settings.logo !== undefined) options.logo = resolve(settings.logo);
  if (settings.brand !== undefined) {
    const read = readBrand(settings.brand);
    if ('error' in read) throw usage(`brand must be ${read.error}`);
    options.brand = read.brand;
  }
  if (settings.templates !== undefined) options.templates = settings.templates;
  if (settings.allowRoots !== undefined) options.allowRoots = [...settings.allowRoots];
  if (settings.trustArticle === true) options.trustArticle = true;
  if (settings.strict === true) options.strict = true;
  return options;
}

function usage(message: string): LecternError {
  return new LecternError(message, { exitCode: ExitCode.usage });
}
