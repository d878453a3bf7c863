/** How much one slide may show before the rest continues on the next: tuned so that 960×700 slides never overflow. */
export const BUDGET = {
  /** Points on a points slide. */
  points: 4,
  /** Words of the points on a points slide (a title of up to nine words comes on top: at most 50 visible). */
  words: 41,
  /** Words of each side of a two-column comparison. */
  comparisonWords: 22,
  /** Top-level items on a list slide, and words across them. */
  listItems: 6,
  listWords: 48,
  /** Lines of a code block on one slide, and characters a line may have before it wraps. */
  codeLines: 14,
  codeColumns: 64,
  /** Body rows of a table on one slide. */
  tableRows: 6,
  /** Words of a quotation on one slide. */
  quoteWords: 55,
  /** Characters of visible text in an HTML block on one slide. */
  htmlChars: 420,
} as const;
