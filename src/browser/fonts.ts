/**
 * Finds characters the system has no font for: drawn, they look exactly like an unassigned code point (the font's
 * empty box). `findMissingGlyphs` runs in the browser, so it must stay self-contained.
 */
import type { Page } from './cdp/page.js';
import type { Warning } from '../errors.js';

/** Scripts named in warnings; a character in none of them is named by its code point. */
export const SCRIPT_NAMES = [
  'Latin',
  'Greek',
  'Cyrillic',
  'Armenian',
  'Hebrew',
  'Arabic',
  'Syriac',
  'Thaana',
  'Nko',
  'Devanagari',
  'Bengali',
  'Gurmukhi',
  'Gujarati',
  'Oriya',
  'Tamil',
  'Telugu',
  'Kannada',
  'Malayalam',
  'Sinhala',
  'Thai',
  'Lao',
  'Tibetan',
  'Myanmar',
  'Georgian',
  'Hangul',
  'Ethiopic',
  'Cherokee',
  'Canadian_Aboriginal',
  'Khmer',
  'Mongolian',
  'Hiragana',
  'Katakana',
  'Bopomofo',
  'Han',
  'Yi',
  'Tifinagh',
  'Vai',
  'Javanese',
  'Balinese',
  'Adlam',
  'Khitan_Small_Script',
  'Tangut',
  'Common',
];

export interface MissingGlyphs {
  script: string;
  /** A few of the characters, for the message. */
  sample: string;
  count: number;
}

/** A character with no font, and its script (or its code point, in none of `SCRIPT_NAMES`). */
export interface MissingCharacter {
  char: string;
  script: string;
}

/**
 * Browser side: the characters in the page's slides and notes that render as the missing-glyph box, each once, in
 * the order they first appear; `limit` different characters are looked at at most.
 */
export function findMissingGlyphs(input: { scripts: string[]; limit: number }): MissingCharacter[] {
  const root = document.querySelector('.reveal');
  const slides = document.querySelector('.reveal .slides');
  const canvas = document.createElement('canvas');
  canvas.width = 56;
  canvas.height = 56;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!root || !slides || !context) return [];
  context.font = `40px ${getComputedStyle(root).fontFamily}`;
  context.textBaseline = 'top';
  const draw = (text: string): Uint8ClampedArray => {
    context.clearRect(0, 0, 56, 56);
    context.fillText(text, 6, 6);
    return context.getImageData(0, 0, 56, 56).data;
  };
  const box = draw('\u0378');
  const looksLikeBox = (pixels: Uint8ClampedArray): boolean => {
    for (let index = 3; index < pixels.length; index += 4) if (pixels[index] !== box[index]) return false;
    return true;
  };
  const patterns = input.scripts.map((name) => ({ name, pattern: new RegExp(`\\p{Script=${name}}`, 'u') }));
  const skip = /[\p{White_Space}\p{C}\p{M}\u0000-\u007f]/u;
  const seen = new Set<string>();
  const missing: MissingCharacter[] = [];
  for (const char of slides.textContent ?? '') {
    if (seen.has(char) || skip.test(char)) continue;
    seen.add(char);
    if (seen.size > input.limit) break;
    if (!looksLikeBox(draw(char))) continue;
    const code = char.codePointAt(0) ?? 0;
    const script = patterns.find(({ pattern }) => pattern.test(char))?.name ?? `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    missing.push({ char, script });
  }
  return missing;
}

/**
 * Characters found missing in pages that each hold part of the deck, taken in deck order, grouped by script: each
 * character counted once, the first five of a script kept as its sample.
 */
export function groupMissingGlyphs(found: MissingCharacter[][]): MissingGlyphs[] {
  const seen = new Set<string>();
  const missing = new Map<string, MissingGlyphs>();
  for (const { char, script } of found.flat()) {
    if (seen.has(char)) continue;
    seen.add(char);
    const entry = missing.get(script) ?? { script, sample: '', count: 0 };
    entry.count += 1;
    if (entry.count <= 5) entry.sample += char;
    missing.set(script, entry);
  }
  return [...missing.values()];
}

/** A warning for each script with no font, e.g. `no font for Khitan_Small_Script (3 characters, e.g. 𘬀𘬁)`. */
export function missingGlyphWarnings(missing: MissingGlyphs[]): string[] {
  return missing.map(
    ({ script, sample, count }) =>
      `no font for ${script.replace(/_/g, ' ')} text (${count} character${count === 1 ? '' : 's'}, e.g. ${sample}): ` +
      'it shows as empty boxes; install a font for it (Debian: fonts-noto-core, fonts-noto-cjk, fonts-noto-extra)',
  );
}

/** The characters of the open page that no installed font covers (see `findMissingGlyphs`). */
export function missingGlyphs(page: Page): Promise<MissingCharacter[]> {
  return page.evaluate(findMissingGlyphs, { scripts: SCRIPT_NAMES, limit: GLYPH_LIMIT });
}

/** Different characters looked at in one page: drawing each costs the browser a little. */
const GLYPH_LIMIT = 4000;

/** Warnings for scripts in the open deck that no installed font covers. */
export async function glyphWarnings(page: Page, file: string): Promise<Warning[]> {
  return glyphWarningsFrom([await missingGlyphs(page)], file);
}

/** Warnings for the characters found missing in pages that each hold part of the deck, in deck order. */
export function glyphWarningsFrom(found: MissingCharacter[][], file: string): Warning[] {
  return missingGlyphWarnings(groupMissingGlyphs(found)).map((message) => ({ message, location: { file } }));
}
