import { contentWords } from './condense.js';
import { countWords } from './sentences.js';
import { BUDGET, type LayoutBudget } from './budget.js';

/**
 * Groups a run of paragraphs into slides by topic, in the spirit of TextTiling: a slide boundary costs more where
 * neighbouring paragraphs share more words, and slides of three points cost least (two to four are fine; one only when
 * the run has one point to make). Solved exactly by dynamic programming, so the grouping is deterministic.
 */

export interface GroupUnit {
  /** Points the paragraph puts on a slide (0 for a paragraph shown only in the notes). */
  points: number;
  /** Words of those points. */
  words: number;
  /** The paragraph's text, for cohesion. */
  text: string;
  /** Words of a second point the paragraph can give when it stands alone on a slide (0 when it has none). */
  extraWords?: number;
}

/** Words of points a slide holds comfortably (its budget, `LayoutBudget.words`, is the most it may hold). */
const COMFORTABLE_WORDS = 22;

/** Returns the index of the first unit of each slide. */
export function groupByTopic(units: GroupUnit[], lang: string, budget: LayoutBudget = BUDGET): number[] {
  const n = units.length;
  if (n === 0) return [];
  const totalPoints = units.reduce((sum, unit) => sum + unit.points, 0);
  const cohesion = neighbourCohesion(
    units.map((unit) => unit.text),
    lang,
  );
  const best: number[] = [0];
  const from: number[] = [0];
  for (let end = 1; end <= n; end++) {
    best[end] = Number.POSITIVE_INFINITY;
    from[end] = end - 1;
    let points = 0;
    let words = 0;
    for (let start = end - 1; start >= 0; start--) {
      points += units[start]!.points;
      words += units[start]!.words;
      const span = end - start;
      if (span > 1 && (points > budget.points || words > budget.words)) break;
      // A paragraph alone on a slide shows a second point when it has one.
      const extra = span === 1 && points === 1 ? (units[start]!.extraWords ?? 0) : 0;
      const shown = extra > 0 ? 2 : points;
      const cost =
        (best[start] ?? 0) +
        sizeCost(shown, totalPoints, budget.points) +
        Math.max(0, words + extra - COMFORTABLE_WORDS) * 0.2 +
        (start > 0 ? (cohesion[start - 1] ?? 0) * 2 : 0);
      if (cost < best[end]!) {
        best[end] = cost;
        from[end] = start;
      }
    }
  }
  const starts: number[] = [];
  for (let end = n; end > 0; end = from[end]!) starts.unshift(from[end]!);
  return starts;
}

function sizeCost(points: number, totalPoints: number, maxPoints: number): number {
  if (points === 0) return 1;
  if (points === 1) return totalPoints <= 1 ? 0 : 2.5;
  if (points === 2) return 0;
  if (points === 3) return 0.3;
  return 0.8 + (points > maxPoints ? 5 : 0);
}

/** Cosine similarity of each paragraph's content words with the next paragraph's, 0–1. */
export function neighbourCohesion(texts: string[], lang: string): number[] {
  const vectors = texts.map((text) => {
    const counts = new Map<string, number>();
    for (const word of contentWords(text, lang)) counts.set(word, (counts.get(word) ?? 0) + 1);
    return counts;
  });
  const result: number[] = [];
  for (let index = 0; index + 1 < vectors.length; index++) result.push(cosine(vectors[index]!, vectors[index + 1]!));
  return result;
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let left = 0;
  let right = 0;
  for (const [word, count] of a) {
    left += count * count;
    dot += count * (b.get(word) ?? 0);
  }
  for (const count of b.values()) right += count * count;
  return left === 0 || right === 0 ? 0 : dot / Math.sqrt(left * right);
}

/** Words of a point, as budgets count them. */
export function pointWords(text: string, lang: string): number {
  return countWords(text, lang);
}
