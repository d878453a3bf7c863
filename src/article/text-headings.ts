/** Line-level tests for plain text: does a line read as a heading, a title, a byline, a list item? */
import { endsWithListedAbbreviation } from './abbreviations.js';

export type HeadingKind = 'setext-1' | 'setext-2' | 'numbered' | 'roman' | 'caps' | 'plain';

export interface HeadingInfo {
  kind: HeadingKind;
  /** Numbering depth: `2.1` is 2; 1 for everything unnumbered. */
  depth: number;
  /** The heading text as it should be shown: numbering removed, ALL CAPS turned into Title Case. */
  title: string;
}

const MAX_HEADING_CHARS = 80;
const MAX_HEADING_WORDS = 10;
const CLOSERS = /["'’”»)\]]+$/u;
const FINAL_PUNCTUATION = /[.!?:;,…。！？；：，]$/u;
const STOP_WORDS = new Set('a an and as at but by for from in into nor of on or per the to via vs vs. with without'.split(' '));
/** Short all-caps words that are acronyms, kept as capitals when a heading is converted to Title Case. */
const ACRONYMS = new Set('AI US UK EU UN USA NATO NASA CEO CFO CTO GDP API IT HR PR TV UI UX CPU GPU PhD IPO NGO'.split(' '));

const BULLET = /^\s*(?:[-*•‣◦–]\s+)(\S.*)$/u;
const NUMBERED = /^\s*\d{1,3}(?:\.\d{1,3})*[.)]\s+\S/;
const NUMBER_PREFIX = /^\s*(\d{1,3}(?:\.\d{1,3})*)(\.|\))?\s+(\S.*)$/;
const ROMAN_PREFIX = /^\s*([IVXLC]{1,6})\.\s+(\S.*)$/;
const ROMAN_VALID = /^(?:C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;
const BYLINE = /^(?:(?:written|prepared|compiled|edited|reported|posted|authored|published)\s+by|by)\s+(\S.*)$/i;
const DASH_SIGNATURE = /^(?:[—―]|--|–)\s*(\p{Lu}.*)$/u;

export function wordCount(text: string): number {
  const t = text.trim();
  return t === '' ? 0 : t.split(/\s+/).length;
}

/** True if the text ends like a sentence (final punctuation, possibly inside quotes), unless it ends in an abbreviation. */
export function endsLikeSentence(text: string): boolean {
  const t = text.trim().replace(CLOSERS, '');
  if (!FINAL_PUNCTUATION.test(t)) return false;
  return !endsWithListedAbbreviation(t);
}

/** A full stop, question or exclamation mark followed by a capital, not explained by an abbreviation. */
function hasSentenceBreak(text: string): boolean {
  for (const m of text.matchAll(/[.!?]["'’”)]*\s+(?=\p{Lu})/gu)) {
    const before = text.slice(0, (m.index ?? 0) + 1);
    if (before.endsWith('.') && endsWithListedAbbreviation(before)) continue;
    return true;
  }
  return false;
}

/** True if a line ending in an abbreviation still reads as a title: most words after the first are capitalised. */
function titleCased(words: string[]): boolean {
  const significant = words.slice(1).filter((w) => !STOP_WORDS.has(w.toLowerCase()));
  if (significant.length === 0) return true;
  const capitals = significant.filter((w) => /^\P{L}*\p{Lu}/u.test(w)).length;
  return capitals / significant.length > 0.5;
}

/** The shape tests every heading shares: short, starts with a capital or digit, no sentence punctuation. */
function headingShaped(text: string, maxWords = MAX_HEADING_WORDS): boolean {
  if (text.length === 0 || text.length > MAX_HEADING_CHARS) return false;
  if (!/\p{L}/u.test(text) || /^\P{L}*\p{Ll}/u.test(text)) return false;
  const words = text.split(/\s+/);
  if (words.length > maxWords) return false;
  if (endsLikeSentence(text) || hasSentenceBreak(text)) return false;
  const stripped = text.replace(CLOSERS, '');
  if (stripped.endsWith('.') && !titleCased(words)) return false;
  // Any "Written by …" or "— Name" line is a signature, whoever it names.
  return !BULLET.test(text) && !BYLINE.test(text) && !DASH_SIGNATURE.test(text);
}

function isAllCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase() && /\p{Lu}{2,}/u.test(text);
}

/** "WHY THE SLEEPERS DISAPPEARED" → "Why the Sleepers Disappeared"; known acronyms stay in capitals. */
export function titleCase(text: string): string {
  let first = true;
  return text.replace(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu, (word) => {
    const isFirst = first;
    first = false;
    const bare = word.replace(/[.'’]+$/u, '');
    if (ACRONYMS.has(bare) || /^(?:\p{L}\.){2,}$/u.test(word)) return word;
    const lower = word.toLowerCase();
    if (!isFirst && STOP_WORDS.has(lower)) return lower;
    return lower.replace(/(^|-)(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());
  });
}

/** Classifies one line as a heading, or returns undefined. Context (position, neighbours) is judged by the caller. */
export function headingInfo(text: string, setext?: 1 | 2): HeadingInfo | undefined {
  const t = text.trim().replace(/\s+/g, ' ');
  if (setext !== undefined) {
    if (t.length === 0 || t.length > 120) return undefined;
    return { kind: setext === 1 ? 'setext-1' : 'setext-2', depth: 1, title: isAllCaps(t) ? titleCase(t) : t };
  }
  const numbered = NUMBER_PREFIX.exec(t);
  if (numbered && (numbered[2] !== undefined || numbered[1]!.includes('.'))) {
    const rest = numbered[3]!;
    if (!headingShaped(rest, MAX_HEADING_WORDS + 2)) return undefined;
    return {
      kind: 'numbered',
      depth: numbered[1]!.split('.').length,
      title: isAllCaps(rest) ? titleCase(rest) : rest,
    };
  }
  const roman = ROMAN_PREFIX.exec(t);
  if (roman && ROMAN_VALID.test(roman[1]!) && headingShaped(roman[2]!)) {
    const rest = roman[2]!;
    return { kind: 'roman', depth: 1, title: isAllCaps(rest) ? titleCase(rest) : rest };
  }
  if (!headingShaped(t)) return undefined;
  if (isAllCaps(t)) return { kind: 'caps', depth: 1, title: titleCase(t) };
  return { kind: 'plain', depth: 1, title: t };
}

/** The first line of a document reads as its title: short and not a sentence. */
export function titleInfo(text: string, setext?: 1 | 2): string | undefined {
  const t = text.trim().replace(/\s+/g, ' ');
  if (setext !== undefined) return isAllCaps(t) ? titleCase(t) : t;
  if (t.length > 90 || wordCount(t) > 12 || !/\p{L}/u.test(t) || /^\P{L}*\p{Ll}/u.test(t)) return undefined;
  if (endsLikeSentence(t) || hasSentenceBreak(t) || BULLET.test(t) || isByline(t) || NUMBER_PREFIX.test(t)) {
    return undefined;
  }
  return isAllCaps(t) ? titleCase(t) : t;
}

/** "By Ada Lovelace", "Prepared by M. Okafor", "— Grace Hopper": returns the name, or undefined. */
export function bylineName(text: string): string | undefined {
  const t = text.trim().replace(/\s+/g, ' ');
  const m = BYLINE.exec(t) ?? DASH_SIGNATURE.exec(t);
  if (!m) return undefined;
  const name = m[1]!.trim();
  if (wordCount(name) > 8 || !/^\P{L}*\p{Lu}/u.test(name) || endsLikeSentence(name) || hasSentenceBreak(name)) {
    return undefined;
  }
  return name;
}

export function isByline(text: string): boolean {
  return bylineName(text) !== undefined;
}

/** A bulleted or numbered list item: its marker, the number it starts with, and its text. */
export function listItem(text: string): { ordered: boolean; start?: number; text: string } | undefined {
  const bullet = BULLET.exec(text);
  if (bullet) return { ordered: false, text: bullet[1]! };
  const m = /^\s*(\d{1,3})[.)]\s+(\S.*)$/.exec(text);
  if (m) return { ordered: true, start: Number(m[1]), text: m[2]! };
  return undefined;
}

/** Lines that start a new block inside hard-wrapped text: list markers. */
export function startsListItem(text: string): boolean {
  return BULLET.test(text) || NUMBERED.test(text);
}

/** A line made of one repeated rule character: `----`, `====`, `* * *`. */
export function ruleChar(text: string): string | undefined {
  const m = /^\s*([-=_*~#•·])(?:\s*\1){2,}\s*$/u.exec(text);
  return m ? m[1] : undefined;
}
