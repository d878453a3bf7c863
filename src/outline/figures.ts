import type { Figure } from './types.js';

/** Money, percentages and large counts a sentence states, with a caption drawn from the sentence's own words. */

const SCALE = '(?:\\s?(?:million|billion|trillion|thousand|bn|m|k)\\b)?';
const MONEY = `[$€£¥]\\s?\\d[\\d,]*(?:\\.\\d+)?${SCALE}`;
// "$105–235 billion" has one currency sign for both ends.
const RANGE = new RegExp(`(?:between\\s+)?(${MONEY})\\s*(?:and|to|–|-)\\s*(${MONEY}|\\d[\\d,]*(?:\\.\\d+)?${SCALE})`, 'gi');
// A number starts only where no digit, comma or point precedes it: `\b\d` alone also matches after every comma of
// "1,1,1,…", and each of those starts scanned the rest of the run, quadratic in its length.
const NUMBER = '\\b(?<![\\d,.])\\d[\\d,]*(?:\\.\\d+)?';
const SINGLE = new RegExp(`${MONEY}|${NUMBER}\\s?(?:%|percent\\b)|${NUMBER}\\s(?:million|billion|trillion)\\b`, 'gi');

interface Found {
  value: string;
  rate?: string;
  start: number;
  end: number;
}

/** The figures of a paragraph, in order, at most `limit`. */
export function findFigures(paragraph: string, limit = 3): Figure[] {
  const found: Found[] = [];
  for (const match of paragraph.matchAll(RANGE)) {
    const [low, high] = [match[1] ?? '', match[2] ?? ''];
    found.push({ value: joinRange(low, high), start: match.index ?? 0, end: (match.index ?? 0) + match[0].length });
  }
  // Ranges come in order: one cursor through them finds the range a single figure falls in, in linear time.
  const ranges = found.length;
  let range = 0;
  for (const match of paragraph.matchAll(SINGLE)) {
    const start = match.index ?? 0;
    while (range < ranges && found[range]!.end <= start) range++;
    if (range < ranges && start >= found[range]!.start) continue;
    found.push({ value: match[0].trim(), start, end: start + match[0].length });
  }
  found.sort((a, b) => a.start - b.start);
  for (const figure of found) withRate(paragraph, figure);
  return found
    .slice(0, limit)
    .map((figure) => ({ value: figure.value, ...(figure.rate ? { rate: figure.rate } : {}), caption: captionFor(paragraph, figure) }));
}

/**
 * "a year", "a kilometre", "per household", "each": the rate a figure is stated at. Shown apart from its figure, "$1,200"
 * would claim a total where the article gives a price a metre.
 */
const RATE = /^\s+(?:(?:a|an|per)\s+(\p{L}+)|each|apiece)(?=[\s,.;:)]|$)(?!\s+(?:ago|earlier|later|before|after|or|and)\b)/u;
/** Words after "a" that make it the start of a phrase of its own, not a rate ("$5 million a company can …"). */
const NOT_UNITS = new Set(['company', 'firm', 'few', 'lot', 'little', 'bit', 'number', 'new', 'single', 'large', 'small', 'further', 'total']);

/** Takes the rate that follows a figure with it ("$1,200" at "a metre"), so its caption does not end on the rate. */
function withRate(paragraph: string, figure: Found): void {
  const rate = rateAt(paragraph.slice(figure.end, figure.end + 40));
  if (!rate) return;
  figure.rate = rate.text;
  figure.end += rate.length;
}

function rateAt(text: string): { text: string; length: number } | undefined {
  const match = RATE.exec(text);
  if (!match || (match[1] !== undefined && NOT_UNITS.has(match[1].toLowerCase()))) return undefined;
  return { text: match[0].trim(), length: match[0].length };
}

/** "$1,200 a metre" as written in an explicit figure list → value "$1,200", rate "a metre". */
export function splitRate(text: string): { value: string; rate?: string } {
  for (const match of text.matchAll(/\s(?=(?:a|an|per|each|apiece)\b)/g)) {
    const rate = rateAt(text.slice(match.index));
    const value = text.slice(0, match.index).trim();
    if (rate && match.index + rate.length === text.length && /\d/.test(value)) return { value, rate: rate.text };
  }
  return { value: text };
}

/** A figure's value as said: "$1,200 a metre". */
export function figureText(figure: Figure): string {
  return figure.rate ? `${figure.value} ${figure.rate}` : figure.value;
}

/** "$41 million" and "$78 million" → "$41–78 million". */
function joinRange(low: string, high: string): string {
  const unit = (value: string): string => /[a-z]+$/i.exec(value.trim())?.[0] ?? '';
  const lowUnit = unit(low);
  if (!lowUnit && unit(high)) return `${low.trim()}–${high.replace(/^[$€£¥]\s?/, '').trim()}`;
  if (lowUnit && lowUnit === unit(high)) return `${low.slice(0, -lowUnit.length).trim()}–${high.replace(/^[$€£¥]\s?/, '').trim()}`;
  return `${low.trim()}–${high.replace(/^[$€£¥]\s?/, '').trim()}`;
}

/** Comma-enclosed asides that sit between a subject and its verb. */
const ASIDE = /,\s+(?:by contrast|in contrast|however|in turn|for example|for instance|of course|in fact|too|meanwhile|instead|at least|so far),(?=\s)/gi;

/** Words a caption keeps before its figure's place, and after it. */
const CAPTION_BEFORE = 8;
const CAPTION_AFTER = 8;

/**
 * The clause around a figure, the figure taken out: who, and what for, in the paragraph's own words ("The proposed
 * Eastmouth barrier would cost a kilometre" under "$41–78 million"). Read from the clause's start, so it is one phrase,
 * never fragments; long clauses keep the words nearest the figure.
 */
function captionFor(original: string, figure: Found): string {
  // A comma-enclosed aside ("DeepSeek, by contrast, claims …") does not end the clause: it is blanked out, same length,
  // so that the figure's place stays where it was found.
  const paragraph = original.replace(ASIDE, (aside) => ' '.repeat(aside.length));
  const clauseStart =
    Math.max(paragraph.lastIndexOf(',', figure.start), paragraph.lastIndexOf('.', figure.start), paragraph.lastIndexOf(';', figure.start)) + 1;
  const afterStops = [',', '.', ';', '('].map((stop) => paragraph.indexOf(stop, figure.end)).filter((index) => index >= 0);
  const clauseEnd = afterStops.length > 0 ? Math.min(...afterStops) : paragraph.length;
  // A quantifier that only qualifies the number goes with it ("costs about $1,200" → "costs").
  const before = paragraph
    .slice(clauseStart, figure.start)
    .replace(/\s*\b(?:between|from|about|around|roughly|nearly|almost|some|just|only|over|under)\s*$/i, '');
  // The clause after the figure ends at the next figure or at a new subject ("… and OpenAI invested").
  let after = paragraph.slice(figure.end, clauseEnd);
  const nextFigure = after.search(/[$€£¥]\s?\d/);
  if (nextFigure >= 0) after = after.slice(0, nextFigure);
  after = after.split(/\s(?:and|but|while|whereas)\s(?=\p{Lu})/u)[0] ?? after;
  const beforeWords = before
    .replace(/^\s*(?:and|but|or|while|whereas)\s+/i, '')
    .split(/\s+/)
    .filter(Boolean);
  const afterWords = after.split(/\s+/).filter(Boolean).slice(0, CAPTION_AFTER);
  // Start at the subject: the last name before the figure ("… Gemini and OpenAI invested" → "OpenAI invested"), else
  // the clause's start, at most a few words back.
  let start = Math.max(0, beforeWords.length - CAPTION_BEFORE);
  const capital = (index: number): boolean => /^\p{Lu}/u.test(beforeWords[index] ?? '');
  let named = false;
  for (let index = beforeWords.length - 1; index > start; index--) {
    if (capital(index) && !capital(index - 1)) {
      start = index;
      named = true;
      break;
    }
  }
  // A window that opens on a pronoun ("it was able to …") reaches back to the name it stands for, with the claim's
  // verb: "DeepSeek claims that it was able to …", never a caption whose subject is on another line.
  if (!named && !capital(start) && /^(?:it|they|he|she|we|that|which|who)$/i.test(beforeWords[start] ?? '')) {
    for (let index = start - 1; index >= Math.max(0, start - CAPTION_BEFORE); index--) {
      if (capital(index) && !capital(index - 1)) {
        start = index;
        break;
      }
    }
  }
  // The figure leaves its caption only where a phrase of its own follows ("invested … to train Gemini") or nothing does.
  // At the head of its phrase ("adds roughly 2% of the building cost", "save up to 40 million litres") it stays, with
  // its qualifier: taken out, the phrase would read "adds of the building cost".
  const needsFigure = !/^\s*(?:$|[,.;:)]|(?:to|in|on|for|from|into|by|at|with|and|or|but|than)\b)/i.test(after);
  const kept = needsFigure
    ? [
        ...paragraph
          .slice(clauseStart, figure.start)
          .replace(/^\s*(?:and|but|or|while|whereas)\s+/i, '')
          .split(/\s+/)
          .filter(Boolean)
          .slice(start),
        original.slice(figure.start, figure.end).trim(),
      ]
    : beforeWords.slice(start);
  const words = [...kept, ...afterWords].filter((word, index, all) => index === 0 || word.toLowerCase() !== all[index - 1]!.toLowerCase());
  // "…, of which $3.5 million came from …": the caption starts at the figure, not at the relative pronoun.
  const caption = words
    .join(' ')
    .replace(/^[\s,;:]+|[\s,;:]+$/g, '')
    .replace(/^(?:of which|of whom|which|who|whose)\s+/i, '');
  const trimmed = caption.replace(/(?:\s+(?:a|an|the|of|to|with|for|by|and|or|in|on|at|just|only|we|they|it|he|she|you|i|who|which|that))+$/i, '');
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}
