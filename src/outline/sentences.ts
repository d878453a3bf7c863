import { ABBREVIATIONS } from '../article/abbreviations.js';
import { isSpaceless } from './language.js';
import { remembered } from './text-memo.js';

const segmenters = new Map<string, Intl.Segmenter>();
const wordSegmenters = new Map<string, Intl.Segmenter>();

/** A segmenter for `lang`, made once; a tag ICU does not take (`zh - Tide.`, from hand-written front matter) gets English's. */
export function segmenterFor(lang: string, granularity: 'sentence' | 'word'): Intl.Segmenter {
  const cache = granularity === 'sentence' ? segmenters : wordSegmenters;
  let segmenter = cache.get(lang);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(safeLocale(lang), { granularity });
    cache.set(lang, segmenter);
  }
  return segmenter;
}

function safeLocale(lang: string): string {
  try {
    return Intl.Segmenter.supportedLocalesOf([lang]).length > 0 ? lang : 'en';
  } catch {
    return 'en';
  }
}

/**
 * Intl.Segmenter's iteration is quadratic in the length of the text it was given (Node 20: 4,000 sentences in one
 * paragraph 7 s, 8,000 35 s), so long text is segmented in pieces of about PIECE characters, each cut just after a
 * sentence end and its spaces (or, for words, at a space or a CJK mark), where the segmenter breaks anyway.
 */
const PIECE = 2_000;
const SENTENCE_CUT = /[.!?。！？]\s+/g;
const WORD_CUT = /[\s。！？、，]+/g;

function pieces(text: string, cut: RegExp): string[] {
  const result: string[] = [];
  let start = 0;
  while (text.length - start > 2 * PIECE) {
    cut.lastIndex = start + PIECE;
    const match = cut.exec(text);
    if (!match) break;
    const end = match.index + match[0].length;
    result.push(text.slice(start, end));
    start = end;
  }
  result.push(text.slice(start));
  return result;
}

/** Splits text into sentences with the language's rules, re-joining splits after common abbreviations. */
export function splitSentences(text: string, lang = 'en'): string[] {
  return remembered('sentences', text, lang, splitSentencesOnce);
}

function splitSentencesOnce(text: string, lang: string): string[] {
  return oneSentence(text) ?? segmentSentences(text, lang);
}

/**
 * Characters that may end a sentence somewhere in a text, for `oneSentence`: every character Unicode's sentence rules
 * (UAX #29) break after (terminal punctuation, of the category Po, and line and paragraph separators) is one, though
 * most Po are not (an exhaustive test holds this to ICU, for English and for Greek, where ";" asks a question).
 */
const MAY_END_SENTENCE = /[^\P{Po},:'"%&*/@#\\]|[^\P{Cc}\t]|[\p{Zl}\p{Zp}]/u;

/**
 * Where the text's final stop begins: a run of full stops, question or exclamation marks, then only closing quotes or
 * brackets and spaces to the end. The text's length when it has none. Read backwards, in one pass (a pattern anchored
 * at the end would be tried from every one of a long run of dots).
 */
function finalStopAt(text: string): number {
  let end = text.length;
  while (end > 0 && ' \t'.includes(text[end - 1]!)) end--;
  while (end > 0 && '”’"\')]'.includes(text[end - 1]!)) end--;
  let start = end;
  while (start > 0 && '.!?'.includes(text[start - 1]!)) start--;
  return start === end ? text.length : start;
}

/**
 * The text as its one sentence, when nothing in it but its final stop can end one: a sentence can end only after
 * terminal punctuation or a line break (UAX #29), so the segmenter would find just this one. Most points, headings and
 * list items are such a text, and ICU's segmenter costs several microseconds even for those. Undefined otherwise.
 */
export function oneSentence(text: string): string[] | undefined {
  if (text.length > PIECE) return undefined;
  if (MAY_END_SENTENCE.test(text.slice(0, finalStopAt(text)))) return undefined;
  const trimmed = text.trim();
  return trimmed ? [trimmed] : [];
}

/** The sentences ICU's segmenter finds, re-joined after abbreviations and before a lower-case start. */
export function segmentSentences(text: string, lang: string): string[] {
  const sentences: string[] = [];
  // The last sentence as written, untrimmed: a re-joined split keeps the text between its parts exactly ("a!b",
  // "etc.…"), so the sentence can still be found in the article.
  let written = '';
  for (const { segment } of pieces(text, SENTENCE_CUT).flatMap((piece) => Array.from(segmenterFor(lang, 'sentence').segment(piece)))) {
    const trimmed = segment.trim();
    if (!trimmed) {
      written += segment;
      continue;
    }
    const previous = sentences[sentences.length - 1];
    if (previous !== undefined && (endsWithAbbreviation(previous) || startsLowercase(trimmed))) {
      written += segment;
      sentences[sentences.length - 1] = written.trim();
    } else {
      sentences.push(trimmed);
      written = segment;
    }
  }
  return sentences;
}

function endsWithAbbreviation(sentence: string): boolean {
  const match = /(?:^|[\s(“"‘'])([\p{L}.]+)\.$/u.exec(sentence);
  if (!match?.[1]) return false;
  const word = match[1].toLowerCase();
  // A lone capital initial ("J. Smith") is an abbreviation too.
  return ABBREVIATIONS.has(word) || /^\p{Lu}$/u.test(match[1]);
}

function startsLowercase(sentence: string): boolean {
  return /^\p{Ll}/u.test(sentence);
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Whether `text[start, end)`, a run of non-space characters, is a word: it holds a letter or digit. */
function isWordAt(text: string, start: number, end: number): boolean {
  const code = text.charCodeAt(start);
  // An ASCII word is told without the Unicode regular expression (a hot path).
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)) return true;
  return LETTER_OR_DIGIT.test(text.slice(start, end));
}

/** ECMAScript's white space, `\s` (what the words of spaced languages are split at), told by its code. */
export function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * The words of a text in a spaced language, as `text.split(/\s+/)` would give them, dropping runs with no letter or
 * digit: each is passed to `visit` as its start and end until `visit` returns false. Scanned by character codes, so
 * counting the words of a whole article allocates nothing.
 */
function scanSpacedWords(text: string, visit: (start: number, end: number) => boolean): void {
  let start = -1;
  for (let index = 0; index <= text.length; index++) {
    if (index === text.length || isSpace(text.charCodeAt(index))) {
      if (start >= 0 && isWordAt(text, start, index) && !visit(start, index)) return;
      start = -1;
    } else if (start < 0) start = index;
  }
}

/**
 * Recent word counts by language and text. Outlining counts the same point many times (budgets, grouping, titles); a
 * point that cannot be shortened may be a whole hostile paragraph, and each count of it reads every character.
 */
const recentCounts = new Map<string, Map<string, number>>();
const RECENT_COUNTS = 2_000;

/** Counts words the way a reader sees them; for languages without spaces, each segmenter word counts. */
export function countWords(text: string, lang = 'en'): number {
  let counts = recentCounts.get(lang);
  if (!counts) recentCounts.set(lang, (counts = new Map<string, number>()));
  const known = counts.get(text);
  if (known !== undefined) return known;
  if (counts.size >= RECENT_COUNTS) counts.clear();
  const count = countWordsOnce(text, lang);
  counts.set(text, count);
  return count;
}

function countWordsOnce(text: string, lang: string): number {
  if (!isSpaceless(lang)) {
    let count = 0;
    scanSpacedWords(text, () => ++count > 0);
    return count;
  }
  let count = 0;
  for (const piece of pieces(text, WORD_CUT)) for (const segment of segmenterFor(lang, 'word').segment(piece)) if (segment.isWordLike) count++;
  return count;
}

/** Whether a text has at most `limit` words (as `countWords` counts them), reading only as far as it must. */
export function hasAtMostWords(text: string, limit: number, lang = 'en'): boolean {
  let count = 0;
  if (!isSpaceless(lang)) {
    scanSpacedWords(text, () => ++count <= limit);
    return count <= limit;
  }
  for (const piece of pieces(text, WORD_CUT))
    for (const segment of segmenterFor(lang, 'word').segment(piece)) if (segment.isWordLike && ++count > limit) return false;
  return true;
}

/** Visible "length" for budgets: CJK characters count as roughly half a word each. */
export function wordsOf(text: string, lang = 'en'): string[] {
  const words: string[] = [];
  if (!isSpaceless(lang)) {
    scanSpacedWords(text, (start, end) => words.push(text.slice(start, end)) > 0);
    return words;
  }
  for (const piece of pieces(text, WORD_CUT))
    for (const segment of segmenterFor(lang, 'word').segment(piece)) if (segment.isWordLike) words.push(segment.segment);
  return words;
}
