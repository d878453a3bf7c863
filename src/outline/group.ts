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
  /** Words of its best point alone, for a paragraph of several points: on a slide it shares, it may show just that one. */
  singleWords?: number;
}

/** Where each slide starts, and whether its paragraphs of several points show only their best one there. */
export interface Grouping {
  starts: number[];
  /** Per slide: its paragraphs of several points show one each, so that the slide is not split into one-point slides. */
  reduced: boolean[];
}

/** Paragraphs share a slide showing one point each only when each pair shares at least this much of the run's mean cohesion. */
const LINKED_SHARE = 0.5;
/** What putting paragraphs that do not share a topic on one slide costs: a slide of one point costs 4. */
const UNRELATED_JOIN_COST = 1.5;

/** Words of points a slide holds comfortably (its budget, `LayoutBudget.words`, is the most it may hold). */
const COMFORTABLE_WORDS = 22;

/** Returns the index of the first unit of each slide, and which slides show one point per paragraph. */
export function groupByTopic(units: GroupUnit[], lang: string, budget: LayoutBudget = BUDGET): Grouping {
  const n = units.length;
  if (n === 0) return { starts: [], reduced: [] };
  const totalPoints = units.reduce((sum, unit) => sum + unit.points, 0);
  const cohesion = neighbourCohesion(
    units.map((unit) => unit.text),
    lang,
  );
  const meanCohesion = cohesion.length === 0 ? 0 : cohesion.reduce((sum, value) => sum + value, 0) / cohesion.length;
  const best: number[] = [0];
  const from: number[] = [0];
  const reducedAt: boolean[] = [false];
  for (let end = 1; end <= n; end++) {
    best[end] = Number.POSITIVE_INFINITY;
    from[end] = end - 1;
    reducedAt[end] = false;
    let points = 0;
    let words = 0;
    // The same span with each paragraph of several points showing only its best one.
    let fewerPoints = 0;
    let fewerWords = 0;
    // The weakest link between neighbouring paragraphs inside the span.
    let weakestLink = Number.POSITIVE_INFINITY;
    for (let start = end - 1; start >= 0; start--) {
      if (start < end - 1) weakestLink = Math.min(weakestLink, cohesion[start] ?? 0);
      // Paragraphs that continue one topic: every neighbouring pair shares enough of the run's mean cohesion.
      const linked = weakestLink >= meanCohesion * LINKED_SHARE;
      const unit = units[start]!;
      points += unit.points;
      words += unit.words;
      const reducible = unit.points > 1 && unit.singleWords !== undefined;
      fewerPoints += reducible ? 1 : unit.points;
      fewerWords += reducible ? unit.singleWords! : unit.words;
      const span = end - start;
      if (span > 1 && (fewerPoints > budget.points || fewerWords > budget.words)) break;
      const boundary = start > 0 ? (cohesion[start - 1] ?? 0) * 2 : 0;
      const options: Array<{ cost: number; reduced: boolean }> = [];
      if (span === 1 || (points <= budget.points && words <= budget.words)) {
        // A paragraph alone on a slide shows a second point when it has one.
        const extra = span === 1 && points === 1 ? (unit.extraWords ?? 0) : 0;
        const shown = extra > 0 ? 2 : points;
        const unrelated = span > 1 && !linked ? UNRELATED_JOIN_COST : 0;
        options.push({ cost: sizeCost(shown, totalPoints, budget.points) + Math.max(0, words + extra - COMFORTABLE_WORDS) * 0.2 + unrelated, reduced: false });
      }
      // …and only for paragraphs that continue one topic: unrelated paragraphs keep their points on slides of their own.
      if (span > 1 && fewerPoints < points && linked) {
        // Showing fewer points is worth it only to keep paragraphs together; a small price keeps all when they fit.
        options.push({ cost: sizeCost(fewerPoints, totalPoints, budget.points) + Math.max(0, fewerWords - COMFORTABLE_WORDS) * 0.2 + 0.5, reduced: true });
      }
      for (const option of options) {
        const cost = (best[start] ?? 0) + option.cost + boundary;
        if (cost < best[end]!) {
          best[end] = cost;
          from[end] = start;
          reducedAt[end] = option.reduced;
        }
      }
    }
  }
  const starts: number[] = [];
  const reduced: boolean[] = [];
  for (let end = n; end > 0; end = from[end]!) {
    starts.unshift(from[end]!);
    reduced.unshift(reducedAt[end]!);
  }
  return { starts, reduced };
}

function sizeCost(points: number, totalPoints: number, maxPoints: number): number {
  if (points === 0) return 1;
  // One point on a slide is a slide mostly empty: only when the run has one point to make.
  if (points === 1) return totalPoints <= 1 ? 0 : 4;
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
