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
  return found.slice(0, limit).map((figure) => ({ value: figure.value, caption: captionFor(paragraph, figure) }));
}

/** "$41 million" and "$78 million" → "$41–78 million". */
function joinRange(low: string, high: string): string {
  const unit = (value: string): string => /[a-z]+$/i.exec(value.trim())?.[0] ?? '';
  const lowUnit = unit(low);
  if (!lowUnit && unit(high)) return `${low.trim()}–${high.replace(/^[$€£¥]\s?/, '').trim()}`;
  if (lowUnit && lowUnit === unit(high)) return `${low.slice(0, -lowUnit.length).trim()}–${high.replace(/^[$€£¥]\s?/, '').trim()}`;
  return `${low.trim()}–${high.replace(/^[$€£¥]\s?/, '').trim()}`;
}

/** The clause around a figure: who, and what for, in the paragraph's own words. */
function captionFor(paragraph: string, figure: Found): string {
  const clauseStart = Math.max(paragraph.lastIndexOf(',', figure.start), paragraph.lastIndexOf('.', figure.start), paragraph.lastIndexOf(';', figure.start)) + 1;
  const afterStops = [',', '.', ';', '('].map((stop) => paragraph.indexOf(stop, figure.end)).filter((index) => index >= 0);
  const clauseEnd = afterStops.length > 0 ? Math.min(...afterStops) : paragraph.length;
  const before = paragraph.slice(clauseStart, figure.start).replace(/\b(?:between|of|about|around|just|only|nearly|almost)\s*$/i, '').trim();
  // Start the caption at the subject: the last capitalised name before the figure, when there is one.
  const names = [...before.matchAll(/(?<![\p{L}\d])\p{Lu}[\p{L}\d-]*(?:\s\p{Lu}[\p{L}\d-]*)*/gu)];
  const subject = names.pop();
  let beforeWords: string[];
  if (subject?.index !== undefined) {
    beforeWords = before.slice(subject.index).split(/\s+/).filter(Boolean).slice(0, 6);
  } else {
    // No name in the clause: name the sentence's subject, then the words leading up to the figure.
    const sentenceStart = Math.max(paragraph.lastIndexOf('. ', figure.start) + 2, 0);
    const sentenceSubject = /^\p{Lu}[\p{L}\d-]*/u.exec(paragraph.slice(sentenceStart))?.[0];
    const lead = before.split(/\s+/).filter(Boolean).slice(-5);
    beforeWords = sentenceSubject && !lead.includes(sentenceSubject) ? [sentenceSubject, ...lead] : lead;
  }
  // The clause after the figure ends at the next figure or at a new subject ("… and OpenAI invested").
  let after = paragraph.slice(figure.end, clauseEnd);
  const nextFigure = after.search(/[$€£¥]\s?\d/);
  if (nextFigure >= 0) after = after.slice(0, nextFigure);
  after = after.split(/\s(?:and|but|while|whereas)\s(?=\p{Lu})/u)[0] ?? after;
  const afterWords = after.trim().split(/\s+/).filter(Boolean).slice(0, 6);
  // The words either side of the figure, read as one phrase ("Google invested to train Gemini"): no "…" fragments.
  const caption = [...beforeWords, ...afterWords].join(' ');
  return caption.replace(/^[\s,;:]+|[\s,;:]+$/g, '').replace(/(?:\s+(?:a|an|the|of|to|with|for|by|and|or|in|on|at|just|only))+$/i, '');
}
