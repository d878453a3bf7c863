/**
 * Resolving a deck's settings, once, in one order: command line (or the API's arguments) > front matter > config
 * file > the table's defaults. `labels:`, `reveal:` and `brand:` merge key by key in the same order.
 */
import { isAbsolute, resolve } from 'node:path';
import type { Brand } from '../brand.js';
import type { Warning } from '../errors.js';
import type { SlideSize } from '../slide-size.js';
import { unknownLabelKeys } from './labels.js';
import { checkRevealOptions } from './reveal.js';
import { DECK_SETTINGS, type DeckSettingKey, type DeckSettingValues, type Origin, type SettingSpec, type Transition } from './table.js';

/** Settings written in one place. */
export interface SettingLayer {
  values: DeckSettingValues;
  /** The file they were written in (the article, the config file); none for the command line. */
  file?: string;
  /** The line of each key in that file. */
  lines?: Partial<Record<string, number>>;
}

/** A deck's settings, every one decided. */
export interface ResolvedSettings {
  theme: string;
  templates?: string;
  wpm: number;
  duration?: number;
  transition: Transition;
  fragments: boolean;
  /** Unset when nothing names the language: the outline detects it from the text. */
  lang?: string;
  labels: Record<string, string>;
  /** Only the allowed options. */
  reveal: Record<string, unknown>;
  size: SlideSize;
  /** An absolute path, or (front matter) relative to the article. */
  logo?: string;
  /** Merged colour by colour. */
  brand?: Brand;
  /** A missing local image is an error. */
  strict: boolean;
  /** Where each setting that was written came from. */
  origin: Partial<Record<DeckSettingKey, Origin>>;
  /** Unknown labels and refused Reveal.js options, naming the file and key. */
  warnings: Warning[];
}

const ORDER: readonly Origin[] = ['cli', 'frontMatter', 'config'];

export function resolveSettings(layers: Partial<Record<Origin, SettingLayer>>): ResolvedSettings {
  const origin: ResolvedSettings['origin'] = {};
  const pick = <K extends DeckSettingKey>(key: K): DeckSettingValues[K] => {
    for (const name of ORDER) {
      const value = layers[name]?.values[key];
      if (value !== undefined) {
        origin[key] = name;
        return value;
      }
    }
    return (DECK_SETTINGS[key] as SettingSpec<unknown>).default as DeckSettingValues[K];
  };
  const warnings: Warning[] = [];
  const labels: Record<string, string> = {};
  const reveal: Record<string, unknown> = {};
  const brand: Brand = {};
  // Lowest precedence first, so later layers overwrite single keys.
  for (const name of [...ORDER].reverse()) {
    const layer = layers[name];
    if (!layer) continue;
    const where = (key: string): Warning['location'] => (layer.file === undefined ? undefined : { file: layer.file, line: layer.lines?.[key] });
    if (layer.values.labels) {
      for (const key of unknownLabelKeys(layer.values.labels))
        warnings.push({ message: `unknown label \`${key}\` in \`labels:\` ignored`, location: where('labels') });
      Object.assign(labels, layer.values.labels);
      origin.labels = name;
    }
    if (layer.values.reveal) {
      const checked = checkRevealOptions(layer.values.reveal, where('reveal'));
      warnings.push(...checked.warnings);
      Object.assign(reveal, checked.options);
      origin.reveal = name;
    }
    if (layer.values.brand) {
      Object.assign(brand, layer.values.brand);
      origin.brand = name;
    }
  }
  const size = pick('size') as SlideSize;
  return {
    theme: pick('theme') as string,
    templates: pick('templates'),
    wpm: pick('wpm') as number,
    duration: pick('duration'),
    transition: pick('transition') as Transition,
    fragments: pick('fragments') as boolean,
    lang: pick('lang'),
    labels,
    reveal,
    size: { ...size },
    logo: pick('logo'),
    ...(Object.keys(brand).length > 0 ? { brand } : {}),
    strict: pick('strict') as boolean,
    origin,
    warnings,
  };
}

/**
 * Raw `key: value` settings → typed values, checked against the table. `fail` reports a value of the wrong kind
 * (and throws); keys the origin may not set or the table does not know are returned for the caller to warn about.
 */
export function parseSettings(
  raw: Readonly<Record<string, unknown>>,
  origin: Origin,
  fail: (key: string, expected: string) => never,
): { values: DeckSettingValues; unknown: string[] } {
  const values: Record<string, unknown> = {};
  const unknown: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    const spec = Object.hasOwn(DECK_SETTINGS, key) ? (DECK_SETTINGS[key as DeckSettingKey] as SettingSpec<unknown>) : undefined;
    if (!spec || !spec.origins.includes(origin)) {
      unknown.push(key);
      continue;
    }
    const parsed = spec.parse(value);
    if (parsed === undefined) fail(key, spec.explain?.(value) ?? spec.expected);
    values[key] = parsed;
  }
  return { values: values, unknown };
}

/** Relative paths among the values made absolute against `base` (the working folder, or the config file's folder). */
export function resolvePaths(values: DeckSettingValues, base: string): DeckSettingValues {
  const result: Record<string, unknown> = { ...values };
  for (const [key, value] of Object.entries(values)) {
    const spec = DECK_SETTINGS[key as DeckSettingKey] as SettingSpec<unknown> | undefined;
    if (typeof value !== 'string' || !spec?.path || isAbsolute(value)) continue;
    if (spec.path !== 'css' || /\.css$/i.test(value)) result[key] = resolve(base, value);
  }
  return result;
}
