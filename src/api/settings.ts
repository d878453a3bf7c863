/** The settings the API takes, and how they become the pipeline's options (through src/settings, as the CLI's flags do). */
import { ExitCode, LecternError } from '../errors.js';
import type { PrepareOptions } from '../pipeline.js';
import { loadConfig } from '../settings/config-file.js';
import { parseSettings, resolvePaths } from '../settings/resolve.js';
import type { ExportSettingValues, Transition } from '../settings/table.js';
import type { Brand } from '../brand.js';

/**
 * Settings of one deck; each wins over the article's front matter, as the CLI's flags do, which win over the config
 * file. Types, ranges and defaults: src/settings/table.ts.
 */
export interface DeckSettings {
  /** `lectern` (default), a Reveal.js theme name, or a path to a CSS file (relative to the working folder). */
  theme?: string;
  /** A folder of template overrides (relative to the working folder). */
  templates?: string;
  /** Speaking rate in words a minute, 40 to 400 (default 140). */
  wpm?: number;
  /** Planned talk length: `20m`, `1h30m`, `90s`, or a number of minutes, as in front matter. */
  duration?: string | number;
  /** Reveal.js transition between slides. */
  transition?: Transition;
  /** The article's language (a BCP 47 tag); detected from the text when nothing sets it. */
  lang?: string;
  /** Overrides of the generated labels (`agenda`, `keyTakeaways`, …). */
  labels?: Record<string, string>;
  /** Reveal.js options from the allowed list (`controls`, `progress`, `slideNumber`, …). */
  reveal?: Record<string, unknown>;
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
  /**
   * Threads that outline an article of 1 MB or more (`--jobs`): 1 outlines on the calling thread only; 2 or more adds
   * one helper thread. Default: 2 on a machine with two or more cores. The deck is the same either way.
   */
  jobs?: number;
  /** A local image the article names but that does not exist stops the build (`--strict`) instead of a warning. */
  strict?: boolean;
  /**
   * The config file to use (`--config FILE`), or `false` for none (`--no-config`). By default, the
   * `lectern.config.{ts,mjs,js,json}` or package.json `"lectern"` key found from the working folder up to the project root.
   */
  config?: string | false;
}

/**
 * Defaults for exports (a config file's `export:`):
 * `format`: `pdf`, `png`, `html`, `pptx` (editable PowerPoint with speaker notes), `txt` or `md` (the talk as text:
 * titles, points, notes and timings), or `brief`: one portrait page with the title, author, date, context, each
 * section's takeaway and strongest figure, the agenda and length, condensed until it fits (HTML when `out` ends in
 * `.html` or `.htm`, else PDF); default from the output's name (`.pptx`, `.txt`, …, a folder `dir/` for png), else
 * pdf. `notes`, `handout` (portrait pages, three slides each with their notes beside them) and `fragments` are for
 * PDF; `paper` (a4, letter) for the handout and the brief, default Letter when the deck's language names a region
 * that uses it, else A4; `scale` for PNG; `browser` for PDF, PNG, the brief and `check`.
 */
export type ExportSettings = Omit<ExportSettingValues, 'slides'>;

/** A project's Lectern settings (a config file): deck settings plus export defaults. */
export interface LecternConfig extends Omit<DeckSettings, 'config' | 'allowRoots' | 'trustArticle' | 'jobs'> {
  /** Points and list items appear one at a time. */
  fragments?: boolean;
  export?: ExportSettings;
}

/** Returns its argument: lets a config file be type-checked (`export default defineConfig({ … })`). */
export function defineConfig(config: LecternConfig): LecternConfig {
  return config;
}

/** Deck settings → the pipeline's options: values checked against the settings table, paths made absolute, config loaded. */
export async function prepareOptionsOf(settings: DeckSettings, flagPrefix = ''): Promise<PrepareOptions> {
  const { allowRoots, trustArticle, jobs, config, ...raw } = settings;
  const fail = (key: string, expected: string): never => {
    throw new LecternError(`${flagPrefix}${key} must be ${expected}`, { exitCode: ExitCode.usage });
  };
  const { values } = parseSettings(raw, 'cli', fail);
  const options: PrepareOptions = { ...resolvePaths(values, process.cwd()) };
  // Settings only files may set (labels, reveal, lang, transition) come from the API's caller too.
  for (const key of ['transition', 'lang', 'labels', 'reveal'] as const) {
    if (raw[key] !== undefined) Object.assign(options, parseSettings({ [key]: raw[key] }, 'config', fail).values);
  }
  const loaded = await loadConfig({ config });
  if (loaded) options.config = loaded;
  if (allowRoots !== undefined) options.allowRoots = [...allowRoots];
  if (trustArticle === true) options.trustArticle = true;
  if (jobs !== undefined) options.jobs = Number.isInteger(jobs) && jobs >= 1 ? jobs : fail('jobs', 'a whole number of threads, 1 or more');
  return options;
}
