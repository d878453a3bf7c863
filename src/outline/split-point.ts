import { finishPoint } from './condense.js';
import { countWords } from './sentences.js';

/** Words each half of a split point may take: together they stay near a slide's comfortable load. */
const HALF_MAX_WORDS = 20;
const HALF_MIN_WORDS = 5;

/**
 * A point too long to stand alone, as two points read in order: "A: B", "A; B", "A — B", and in English "A, a/an B"
 * (an appositive that describes what A names). Both halves are the author's words, each of at least five words; the
 * split at the most even boundary is taken. Undefined when no boundary gives two such halves.
 */
export function splitPoint(text: string, lang: string): [string, string] | undefined {
  const boundaries = /^en\b/i.test(lang) ? /:\s|;\s|\s[—–]\s|,\s+(?=(?:a|an)\s)/g : /:\s|;\s|\s[—–]\s/g;
  let best: { halves: [string, string]; imbalance: number } | undefined;
  for (let match = boundaries.exec(text); match; match = boundaries.exec(text)) {
    const before = text.slice(0, match.index).trim();
    const after = text.slice(match.index + match[0].length).trim();
    // A boundary inside brackets or quotation marks would leave both halves unbalanced.
    if (unclosed(before)) continue;
    const left = countWords(before, lang);
    const right = countWords(after, lang);
    if (left < HALF_MIN_WORDS || right < HALF_MIN_WORDS || left > HALF_MAX_WORDS || right > HALF_MAX_WORDS) continue;
    const imbalance = Math.abs(left - right);
    if (!best || imbalance < best.imbalance) best = { halves: [finishPoint(before), finishPoint(after)], imbalance };
  }
  return best?.halves;
}

function unclosed(text: string): boolean {
  const count = (pattern: RegExp): number => (text.match(pattern) ?? []).length;
  return count(/\(/g) > count(/\)/g) || count(/“/g) > count(/”/g) || count(/"/g) % 2 === 1;
}
