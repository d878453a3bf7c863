import type { Slide } from './types.js';
import { countWords } from './sentences.js';

const MINIMUM_SECONDS: Record<string, number> = { title: 15, section: 8, agenda: 15, closing: 20 };

/** Seconds a slide takes: its notes (or, with none, its visible text) read at the speaking rate. */
export function slideSeconds(slide: Slide, visibleText: string, wpm: number, lang: string): number {
  const spoken = slide.notes.length > 0 ? slide.notes.join(' ') : visibleText;
  const seconds = (countWords(spoken, lang) / wpm) * 60;
  return Math.max(MINIMUM_SECONDS[slide.layout] ?? 10, Math.round(seconds));
}

/** Scales whole-second timings so that they add up to exactly `total` seconds, keeping every slide at least 3 s. */
export function scaleTimings(timings: number[], total: number): number[] {
  const sum = timings.reduce((a, b) => a + b, 0);
  if (sum === 0 || timings.length === 0) return timings;
  const exact = timings.map((t) => (t * total) / sum);
  const scaled = exact.map((t) => Math.max(3, Math.floor(t)));
  let remainder = total - scaled.reduce((a, b) => a + b, 0);
  // Hand out (or take back) the rounding remainder one second at a time, largest fractional parts first.
  const order = exact.map((t, index) => ({ index, fraction: t - Math.floor(t) })).sort((a, b) => b.fraction - a.fraction || a.index - b.index);
  for (let step = 0; remainder !== 0 && step < order.length * 4; step++) {
    const entry = order[step % order.length];
    if (!entry) break;
    const current = scaled[entry.index] ?? 0;
    if (remainder > 0) {
      scaled[entry.index] = current + 1;
      remainder--;
    } else if (current > 3) {
      scaled[entry.index] = current - 1;
      remainder++;
    }
  }
  return scaled;
}
