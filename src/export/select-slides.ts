/** `--slides` for the formats that write one file: the deck cut down to the chosen slides. */
import type { PreparedDeck } from '../pipeline.js';

/**
 * The prepared deck with only the slides at `indexes` (0-based, sorted), its sections pointing at their new first
 * slides (a section whose first slide is left out starts at its next chosen slide, or is dropped).
 */
export function selectSlides(prepared: PreparedDeck, indexes: readonly number[] | undefined): PreparedDeck {
  if (indexes === undefined) return prepared;
  const { deck } = prepared;
  const kept = new Set(indexes);
  const slides = deck.slides.filter((_slide, index) => kept.has(index));
  const newIndex = (old: number): number => indexes.findIndex((index) => index >= old);
  const sections = deck.sections.flatMap((section, position) => {
    const end = deck.sections[position + 1]?.slideIndex ?? deck.slides.length;
    const first = newIndex(section.slideIndex);
    return first >= 0 && (indexes[first] as number) < end ? [{ ...section, slideIndex: first }] : [];
  });
  const totalTime = slides.reduce((sum, slide) => sum + slide.timing, 0);
  return { ...prepared, deck: { ...deck, meta: { ...deck.meta, totalTime }, sections, slides } };
}
