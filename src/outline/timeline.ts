/**
 * A run of dated events ("2019: …", "In March 2021 …", "On January 20th …") for a timeline slide: the dates the
 * text names, the date each sentence or list item is anchored on, and whether a run of them reads in order. Pure.
 */
import type { LayoutBudget } from './budget.js';
import { shortenSentence } from './condense.js';
import { countWords, hasAtMostWords, splitSentences } from './sentences.js';
import type { TimelineEvent } from './types.js';

/** A date the text names, where it stands, and a key that sorts dates in time. */
export interface DateMention {
  /** The date as written ("March 2021", "January 20th", "2019"). */
  label: string;
  /** A machine-readable form for `<time datetime>` ("2021-03", "2025-01-20", "2019", "01-20"), when one can be given. */
  datetime?: string;
  year?: number;
  month?: number;
  day?: number;
  start: number;
  end: number;
}

/** Events a timeline shows at least: two dates are a comparison, not a run. */
export const MIN_EVENTS = 3;

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
// Month names are capitalised ("May", not the verb "may").
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December)';
const DAY = '([12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
const YEAR = '(1[5-9]\\d\\d|20\\d\\d)';
// A number that is a year only where nothing numeric or a word joins it ("1,500", "2019.5", "2019km" are not years).
const BEFORE = '(?<![\\p{L}\\d$€£¥#.,/-])';
const AFTER = '(?![\\p{L}\\d%]|[.,]\\d|-\\d)';
// A bare year is a date only after a word that sets a time ("in 2019", "by 2030", "since 1998").
const TIME_WORD =
  '(?<=\\b(?:[Ii]n|[Bb]y|[Ss]ince|[Uu]ntil|[Tt]ill|[Ff]rom|[Dd]uring|[Oo]f|[Aa]round|[Bb]efore|[Aa]fter|[Ee]arly|[Ll]ate|[Tt]hrough|[Yy]ear)\\s)';

const PATTERNS: Array<{ pattern: RegExp; read: (match: RegExpExecArray) => Omit<DateMention, 'label' | 'start' | 'end'> }> = [
  {
    // 2021-03-04
    pattern: new RegExp(`${BEFORE}${YEAR}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])${AFTER}`, 'gu'),
    read: (m) => ({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }),
  },
  {
    // January 20, 2025 · January 20th
    pattern: new RegExp(`\\b${MONTH}\\s+${DAY}(?:,?\\s+${YEAR})?${AFTER}`, 'gu'),
    read: (m) => ({ month: monthOf(m[1]), day: Number(m[2]), ...(m[3] ? { year: Number(m[3]) } : {}) }),
  },
  {
    // 20 January 2025 · 3rd of May
    pattern: new RegExp(`${BEFORE}${DAY}\\s+(?:of\\s+)?${MONTH}(?:,?\\s+${YEAR})?${AFTER}`, 'gu'),
    read: (m) => ({ day: Number(m[1]), month: monthOf(m[2]), ...(m[3] ? { year: Number(m[3]) } : {}) }),
  },
  {
    // March 2021
    pattern: new RegExp(`\\b${MONTH},?\\s+${YEAR}${AFTER}`, 'gu'),
    read: (m) => ({ month: monthOf(m[1]), year: Number(m[2]) }),
  },
  {
    // the 1990s
    pattern: new RegExp(`${BEFORE}(1[5-9]\\d0|20\\d0)[’']?s\\b`, 'gu'),
    read: (m) => ({ year: Number(m[1]) }),
  },
  {
    // 2019: … at the start of an item, or "in 2019"
    pattern: new RegExp(`(?:^|${TIME_WORD})${BEFORE}${YEAR}${AFTER}`, 'gu'),
    read: (m) => ({ year: Number(m[1]) }),
  },
];

function monthOf(name: string | undefined): number {
  return MONTH_NAMES.indexOf((name ?? '').toLowerCase()) + 1;
}

/** Every date a text names, in order; where two readings overlap ("20 January 2025" and "January 2025") the first and longest stands. */
export function findDates(text: string): DateMention[] {
  const candidates: DateMention[] = [];
  for (const { pattern, read } of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const parts = read(match);
      const label = match[0];
      const start = match.index;
      candidates.push({ label: label.charAt(0).toUpperCase() + label.slice(1), ...parts, ...datetimeOf(parts, label), start, end: start + label.length });
    }
  }
  // One sweep over the readings sorted by place, longest first: linear after the sort, however many dates a text names.
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const found: DateMention[] = [];
  let reached = 0;
  for (const candidate of candidates) {
    if (candidate.start < reached) continue;
    found.push(candidate);
    reached = candidate.end;
  }
  return found;
}

/** `<time datetime>`: a year, a year and month, a date, or a month and day; a decade has no such form. */
function datetimeOf(parts: { year?: number; month?: number; day?: number }, label: string): { datetime?: string } {
  const two = (value: number): string => String(value).padStart(2, '0');
  if (/s$/.test(label)) return {};
  if (parts.year !== undefined && parts.month !== undefined && parts.day !== undefined)
    return { datetime: `${parts.year}-${two(parts.month)}-${two(parts.day)}` };
  if (parts.year !== undefined && parts.month !== undefined) return { datetime: `${parts.year}-${two(parts.month)}` };
  if (parts.year !== undefined) return { datetime: String(parts.year) };
  if (parts.month !== undefined && parts.day !== undefined) return { datetime: `${two(parts.month)}-${two(parts.day)}` };
  return {};
}

/** Words a sentence may run before its date still opens it ("Two years later, in 2021, …"). */
const LEADING_WORDS = 4;
/** A date that only places the event: it goes from the event's text, the date shows beside it. */
const LOCATOR = /(?:^|\s)(?:in|on|at|during|circa)\s+(?:early\s+|late\s+|mid-|the\s+)?$/i;

/** The date a sentence or item is anchored on: the date that opens it, else the only date it names. */
export function anchorOf(text: string): DateMention | undefined {
  const dates = findDates(text);
  const first = dates[0];
  if (!first) return undefined;
  if (countWords(text.slice(0, first.start)) <= LEADING_WORDS) return first;
  return dates.length === 1 ? first : undefined;
}

/**
 * The event's text: the sentence without the date that places it, when that date opens the sentence ("In March 2021
 * the ferry began" → "the ferry began") or closes it as "in/on DATE"; otherwise the sentence as it is.
 */
export function withoutDate(text: string, date: DateMention): string {
  const before = text.slice(0, date.start);
  const after = text.slice(date.end);
  const placed = /^\s*(?:in|on|at|during|circa)\s+(?:early\s+|late\s+|mid-|the\s+)?$/i.test(before);
  // "2019: …", "In 2019, …", "In March 2021 the …": the date opens the sentence and the event follows it. A date that
  // is the subject ("2019 was …", "January 20th's vote") stays in the sentence.
  const separated = /^\s*[,:;—–-]\s*\S/.test(after);
  if ((/^\s*$/.test(before) && separated) || (placed && (separated || /^\s+\p{L}/u.test(after)))) return after.replace(/^\s*[,:;—–-]?\s*/, '').trim();
  if (LOCATOR.test(before) && /^\s*[.!?]?\s*$/.test(after)) return (before.replace(LOCATOR, '') + after).trim();
  return text.trim();
}

/** The event's text shortened to a whole clause of at most `limit` words, or undefined when it cannot be. */
export function eventText(text: string, date: DateMention, lang: string, limit: number): string | undefined {
  const rest = withoutDate(text, date);
  if (countWords(rest, lang) < 2) return undefined;
  const shortened = shortenSentence(rest, lang, limit);
  return shortened !== undefined && hasAtMostWords(shortened, limit, lang) ? shortened : undefined;
}

/** A key that sorts dates in time; a yearless date ("January 20th") falls in `year`, the year of the date before it. */
function keyOf(date: DateMention, year: number): number {
  return (date.year ?? year) * 10_000 + (date.month ?? 0) * 100 + (date.day ?? 0);
}

function keysOf(dates: DateMention[]): number[] {
  let year = 0;
  return dates.map((date) => {
    const key = keyOf(date, year);
    if (date.year !== undefined) year = date.year;
    return key;
  });
}

/** Whether dates read in time order, each later than the one before. */
export function inOrder(dates: DateMention[]): boolean {
  const keys = keysOf(dates);
  return keys.every((key, index) => index === 0 || key > keys[index - 1]!);
}

/** One event as a slide shows it. */
export function toEvent(date: DateMention, text: string): TimelineEvent {
  return date.datetime !== undefined ? { date: date.label, datetime: date.datetime, text } : { date: date.label, text };
}

/** The events of list items that are each dated, in order: undefined unless every item is one. */
export function timelineOfItems(items: string[], lang: string, limit: number): TimelineEvent[] | undefined {
  if (items.length < MIN_EVENTS) return undefined;
  // The first undated item ends the look: a long list of plain items costs one date search.
  const anchors: DateMention[] = [];
  for (const item of items) {
    const anchor = anchorOf(item);
    if (anchor === undefined) return undefined;
    anchors.push(anchor);
  }
  if (!inOrder(anchors)) return undefined;
  const events: TimelineEvent[] = [];
  for (const [index, item] of items.entries()) {
    const anchor = anchors[index]!;
    // An item of several sentences shows the one its date stands in.
    const sentence = sentenceAt(item, anchor.start, lang);
    const text = eventText(sentence.text, { ...anchor, start: anchor.start - sentence.start, end: anchor.end - sentence.start }, lang, limit);
    if (text === undefined) return undefined;
    events.push(toEvent(anchor, text));
  }
  return events;
}

/** The sentence of `text` that holds the character at `offset`, and where it starts. */
function sentenceAt(text: string, offset: number, lang: string): { text: string; start: number } {
  let cursor = 0;
  for (const sentence of splitSentences(text, lang)) {
    const start = text.indexOf(sentence, cursor);
    if (start < 0) break;
    cursor = start + sentence.length;
    if (offset < cursor) return { text: sentence, start };
  }
  return { text, start: 0 };
}

const DATE_HINT = new RegExp(`${MONTH}|(?<!\\d)(?:1[5-9]|20)\\d\\d(?!\\d)`, 'g');

/** Whether a text has at least `count` words that may be dates (a year, a month), counting no further. */
function namesDates(text: string, count: number): boolean {
  let found = 0;
  for (const _match of text.matchAll(DATE_HINT)) if (++found >= count) return true;
  return false;
}

/** The run of a paragraph's sentences that makes a timeline, with the sentences it came from. */
export interface SentenceTimeline {
  events: TimelineEvent[];
  /** The sentences the events came from, as written. */
  sentences: string[];
  /** The paragraph's sentences before the run (a lead-in may come from them). */
  before: string[];
}

/**
 * A paragraph whose consecutive sentences are each anchored on a distinct date, in time order: at least three of
 * them, and at least half of the paragraph, else a paragraph that merely mentions dates would become a timeline.
 */
export function timelineOfSentences(paragraph: string, lang: string, budget: LayoutBudget): SentenceTimeline | undefined {
  // Most paragraphs name fewer than three dates: a cheap look before splitting sentences, which every paragraph pays.
  if (!namesDates(paragraph, MIN_EVENTS)) return undefined;
  const sentences = splitSentences(paragraph, lang);
  if (sentences.length < MIN_EVENTS) return undefined;
  const anchors = sentences.map((sentence) => anchorOf(sentence));
  // The longest run of dated sentences, each later than the one before (a yearless date takes the year before it).
  let best: { start: number; end: number } | undefined;
  let start = 0;
  let previous = -1;
  let year = 0;
  for (const [index, anchor] of anchors.entries()) {
    if (anchor === undefined) {
      start = index + 1;
      previous = -1;
      continue;
    }
    let key = keyOf(anchor, year);
    if (previous >= 0 && key <= previous) {
      start = index;
      year = 0;
      key = keyOf(anchor, year);
    }
    if (anchor.year !== undefined) year = anchor.year;
    previous = key;
    if (!best || index + 1 - start > best.end - best.start) best = { start, end: index + 1 };
  }
  if (!best) return undefined;
  const run = sentences.slice(best.start, best.end);
  const dates = anchors.slice(best.start, best.end) as DateMention[];
  if (run.length < MIN_EVENTS || run.length * 2 < sentences.length || !inOrder(dates)) return undefined;
  const events: TimelineEvent[] = [];
  for (const [index, sentence] of run.entries()) {
    const text = eventText(sentence, dates[index]!, lang, budget.timelineWords);
    if (text === undefined) return undefined;
    events.push(toEvent(dates[index]!, text));
  }
  // A paragraph is one slide: a run too long for one is left to the points.
  if (timelinePages(events, budget, lang)?.length !== 1) return undefined;
  return { events, sentences: run, before: sentences.slice(0, best.start) };
}

/**
 * Events split into as few slides as the budget allows, as even as can be (seven → four and three, not six and one),
 * each of at least three events. Undefined when no split fits.
 */
export function timelinePages(events: TimelineEvent[], budget: LayoutBudget, lang: string): TimelineEvent[][] | undefined {
  const words = (page: TimelineEvent[]): number => page.reduce((sum, event) => sum + countWords(event.text, lang), 0);
  for (let count = Math.ceil(events.length / budget.timelineEvents); count * MIN_EVENTS <= events.length; count++) {
    const pages: TimelineEvent[][] = [];
    let start = 0;
    for (let page = 0; page < count; page++) {
      const length = Math.ceil((events.length - start) / (count - page));
      pages.push(events.slice(start, start + length));
      start += length;
    }
    if (pages.every((page) => page.length <= budget.timelineEvents && words(page) <= budget.timelineSlideWords)) return pages;
  }
  return undefined;
}
