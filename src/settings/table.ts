/**
 * Every setting of a deck and of exports, each stated once: its type (as a parser), range, default, where it may be
 * written (command line, front matter, config file) and its line in `--help`. Everything else (the front-matter reader,
 * the config loader, the CLI's flags and help, the API) reads this table. Kept free of heavy imports: the CLI loads it
 * before any command runs.
 */
import { readBrand, type Brand } from '../brand.js';
import { EXPORT_FORMATS, type ExportFormat } from '../export/formats.js';
import { PAPER_NAMES, type PaperName } from '../export/paper.js';
import { TRANSITIONS } from '../present/config.js';
import { DEFAULT_SLIDE_SIZE, parseSlideSize, SLIDE_SIZE_FORMS, SLIDE_SIZE_PRESETS, type SlideSize } from '../slide-size.js';
import { parseDuration } from './duration.js';

export { EXPORT_FORMATS, TRANSITIONS, type ExportFormat };
export type Transition = (typeof TRANSITIONS)[number];

/** Where a setting may be written. */
export type Origin = 'cli' | 'frontMatter' | 'config';

export interface SettingSpec<T> {
  /** What a value must be, for error messages ("a number from 40 to 400"). */
  expected: string;
  /** The value, or undefined when it is not one. Command-line values arrive as text. */
  parse: (value: unknown) => T | undefined;
  default?: T;
  /** Where it may be written. */
  origins: readonly Origin[];
  /** What is wrong with a value `parse` refused, when it can say more than `expected` (brand: which colour). */
  explain?: (value: unknown) => string | undefined;
  /** A command-line flag `--<name> ARG` (a switch without `arg`) and its help, one line per entry. */
  flag?: { arg?: string; help: string | readonly string[] };
  /**
   * A relative path in the value resolves against where it was written (the working folder, the article, the config
   * file): `folder` and `file` always, `css` only when the value names a .css file.
   */
  path?: 'folder' | 'file' | 'css';
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : typeof value === 'number' ? String(value) : undefined;
const boolean = (value: unknown): boolean | undefined => (typeof value === 'boolean' ? value : value === 'true' ? true : value === 'false' ? false : undefined);
const numberIn =
  (min: number, max: number) =>
  (value: unknown): number | undefined => {
    const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
    return Number.isFinite(number) && number >= min && number <= max ? number : undefined;
  };
const oneOf =
  <T extends string>(choices: readonly T[]) =>
  (value: unknown): T | undefined => {
    const name = typeof value === 'string' ? value.trim().toLowerCase() : '';
    return (choices as readonly string[]).includes(name) ? (name as T) : undefined;
  };
const plainObject = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) ? { ...(value as Record<string, unknown>) } : undefined;
const textRecord = (value: unknown): Record<string, string> | undefined => {
  const object = plainObject(value);
  if (!object) return undefined;
  const result: Record<string, string> = {};
  for (const [key, entry] of Object.entries(object)) {
    const words = text(entry);
    if (words === undefined) return undefined;
    result[key] = words;
  }
  return result;
};
/**
 * A language tag as people write them (`fr`, `pt-BR`, `zh-Hant`), canonicalised when it is a valid BCP 47 tag. Any
 * other text is kept as written: it only labels the page (`<html lang>`, escaped) and Intl falls back from it.
 */
const languageTag = (value: unknown): string | undefined => {
  const tag = text(value);
  if (tag === undefined) return undefined;
  try {
    return Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0] ?? tag;
  } catch {
    return tag;
  }
};

/** `16:9`, `4:3`, `16:10` or `WIDTHxHEIGHT` (src/slide-size.ts); YAML may hand over a number. */
const slideSize = (value: unknown): SlideSize | undefined => parseSlideSize(typeof value === 'number' ? String(value) : value);
const brandColours = (value: unknown): Brand | undefined => {
  const read = readBrand(value);
  return 'brand' in read ? read.brand : undefined;
};
const brandProblem = (value: unknown): string | undefined => {
  const read = readBrand(value);
  return 'error' in read ? read.error : undefined;
};

/** Speaking rates Lectern accepts, words a minute. */
export const WPM_RANGE = { min: 40, max: 400 } as const;
/** PNG export: pixels per slide pixel. */
export const SCALE_RANGE = { min: 0.25, max: 4 } as const;

const EVERYWHERE: readonly Origin[] = ['cli', 'frontMatter', 'config'];
const FILES: readonly Origin[] = ['frontMatter', 'config'];

/** A deck's settings. Resolved in one order: command line > front matter > config file > default. */
export const DECK_SETTINGS = {
  theme: {
    expected: 'lectern, a Reveal.js theme name, or a path to a .css file',
    parse: text,
    default: 'lectern',
    origins: EVERYWHERE,
    flag: { arg: 'NAME', help: 'theme: lectern, a Reveal.js theme name, or a .css path' },
    path: 'css',
  } satisfies SettingSpec<string>,
  templates: {
    expected: 'a folder of template overrides',
    parse: text,
    origins: EVERYWHERE,
    flag: { arg: 'DIR', help: 'folder of template overrides' },
    path: 'folder',
  } satisfies SettingSpec<string>,
  wpm: {
    expected: `a speaking rate in words a minute from ${WPM_RANGE.min} to ${WPM_RANGE.max}`,
    parse: numberIn(WPM_RANGE.min, WPM_RANGE.max),
    default: 140,
    origins: EVERYWHERE,
    flag: { arg: 'N', help: `speaking rate in words a minute, ${WPM_RANGE.min} to ${WPM_RANGE.max} (default 140)` },
  } satisfies SettingSpec<number>,
  duration: {
    expected: 'a length such as 20m, 1h30m or 90s, or a number of minutes',
    parse: parseDuration,
    origins: EVERYWHERE,
    flag: { arg: 'TIME', help: 'planned talk length, e.g. 20m' },
  } satisfies SettingSpec<number>,
  transition: {
    expected: `one of ${TRANSITIONS.join(', ')}`,
    parse: oneOf(TRANSITIONS),
    default: 'slide',
    origins: FILES,
  } satisfies SettingSpec<Transition>,
  fragments: {
    expected: 'true or false',
    parse: boolean,
    default: false,
    origins: FILES,
  } satisfies SettingSpec<boolean>,
  /** No default: a text's language is detected when nothing sets it. */
  lang: {
    expected: 'text, a language tag such as en, fr or pt-BR',
    parse: languageTag,
    origins: FILES,
  } satisfies SettingSpec<string>,
  /** Overrides of the generated labels (src/settings/labels.ts), merged key by key. */
  labels: {
    expected: 'a set of `label: text` pairs',
    parse: textRecord,
    default: {},
    origins: FILES,
  } satisfies SettingSpec<Record<string, string>>,
  /** Reveal.js options, merged key by key and held to the allow-list in src/present/config.ts. */
  reveal: {
    expected: 'a set of Reveal.js `option: value` pairs',
    parse: plainObject,
    default: {},
    origins: FILES,
  } satisfies SettingSpec<Record<string, unknown>>,
  /** The logical frame every layout, the overflow budget, fitting and every export use. */
  size: {
    expected: `a slide size: ${SLIDE_SIZE_FORMS}`,
    parse: slideSize,
    default: parseSlideSize(DEFAULT_SLIDE_SIZE)!,
    origins: EVERYWHERE,
    flag: {
      arg: 'SIZE',
      help: [
        `slide size: ${Object.entries(SLIDE_SIZE_PRESETS)
          .map(([name, size]) => `${name} (${size.width}x${size.height})`)
          .join(', ')}`,
        `or WIDTHxHEIGHT; default ${DEFAULT_SLIDE_SIZE}`,
      ],
    },
  } satisfies SettingSpec<SlideSize>,
  /** An image in a corner of every slide; checked like the article's images (inside the allowed roots, real image bytes). */
  logo: {
    expected: 'the path of an image file',
    parse: text,
    origins: EVERYWHERE,
    path: 'file',
  } satisfies SettingSpec<string>,
  /** Brand colours (src/brand.ts), merged colour by colour (src/settings/resolve.ts). */
  brand: {
    expected: 'a set of colours: accent, background, text',
    parse: brandColours,
    explain: brandProblem,
    origins: EVERYWHERE,
  } satisfies SettingSpec<Brand>,
  /** A local image the article names but that does not exist stops the build instead of a warning and a placeholder. */
  strict: {
    expected: 'true or false',
    parse: boolean,
    default: false,
    origins: ['cli', 'config'],
    flag: {
      help: ['a local image the article names but that does not exist is', 'an error (exit 3, nothing written) instead of a warning and a', 'placeholder'],
    },
  } satisfies SettingSpec<boolean>,
} as const;

export type DeckSettingKey = keyof typeof DECK_SETTINGS;

/** Export defaults, written under `export:` in a config file; the command line's flags win. */
export const EXPORT_SETTINGS = {
  /** Without one, the output's name decides (src/export/formats.ts), then this default. */
  format: {
    expected: `one of ${EXPORT_FORMATS.join(', ')}`,
    parse: oneOf(EXPORT_FORMATS),
    default: 'pdf',
    origins: ['cli', 'config'],
  } satisfies SettingSpec<ExportFormat>,
  notes: { expected: 'true or false', parse: boolean, default: false, origins: ['cli', 'config'] } satisfies SettingSpec<boolean>,
  handout: { expected: 'true or false', parse: boolean, default: false, origins: ['cli', 'config'] } satisfies SettingSpec<boolean>,
  fragments: { expected: 'true or false', parse: boolean, default: false, origins: ['cli', 'config'] } satisfies SettingSpec<boolean>,
  scale: {
    expected: `a number from ${SCALE_RANGE.min} to ${SCALE_RANGE.max}`,
    parse: numberIn(SCALE_RANGE.min, SCALE_RANGE.max),
    default: 2,
    origins: ['cli', 'config'],
  } satisfies SettingSpec<number>,
  browser: { expected: 'the path of a browser executable', parse: text, origins: ['cli', 'config'] } satisfies SettingSpec<string>,
  /** Handout and brief paper; no default here: it follows the deck's language (src/export/paper.ts). */
  paper: { expected: `one of ${PAPER_NAMES.join(', ')}`, parse: oneOf(PAPER_NAMES), origins: ['cli', 'config'] } satisfies SettingSpec<PaperName>,
  /** Slides to export, 1-based (`3-5,8`); checked against the deck's length when it is read (src/export/png.ts). */
  slides: { expected: 'slide numbers such as 3-5,8', parse: text, origins: ['cli'] } satisfies SettingSpec<string>,
} as const;

export type ExportSettingKey = keyof typeof EXPORT_SETTINGS;

type ValueOf<S> = S extends SettingSpec<infer T> ? T : never;

/** A deck's settings with their types, as parsed. */
export type DeckSettingValues = { -readonly [K in DeckSettingKey]?: ValueOf<(typeof DECK_SETTINGS)[K]> };
export type ExportSettingValues = { -readonly [K in ExportSettingKey]?: ValueOf<(typeof EXPORT_SETTINGS)[K]> };

/** The default of a setting, from the table. */
export const DEFAULT_THEME = DECK_SETTINGS.theme.default;
export const DEFAULT_WPM = DECK_SETTINGS.wpm.default;
