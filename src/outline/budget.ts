import type { SlideSize } from '../slide-size.js';

/** How much one slide may show before the rest continues on the next. */
export interface LayoutBudget {
  /** Points on a points slide. */
  points: number;
  /** Words of the points on a points slide (a title of up to nine words comes on top). */
  words: number;
  /** Words of each side of a two-column comparison. */
  comparisonWords: number;
  /** Events on a timeline slide, words of each event's text, and of all its events' texts. */
  timelineEvents: number;
  timelineWords: number;
  timelineSlideWords: number;
  /** Top-level items on a list slide, and words across them. */
  listItems: number;
  listWords: number;
  /** Lines of a code block on one slide, and characters a line may have before it wraps. */
  codeLines: number;
  codeColumns: number;
  /** Body rows of a table on one slide. */
  tableRows: number;
  /** Words of a quotation on one slide. */
  quoteWords: number;
  /** Characters of visible text in an HTML block on one slide. */
  htmlChars: number;
}

/** The frame the budget below was tuned on (the `4:3` size): at this size no fixture overflows. */
export const BUDGET_FRAME: SlideSize = { width: 960, height: 700 };

/** The budget of a 960×700 slide, tuned so that no fixture overflows. */
export const BUDGET: LayoutBudget = {
  points: 4,
  // At most 50 visible words with the title.
  words: 41,
  comparisonWords: 22,
  timelineEvents: 6,
  timelineWords: 16,
  timelineSlideWords: 64,
  listItems: 6,
  listWords: 48,
  codeLines: 14,
  codeColumns: 64,
  tableRows: 6,
  quoteWords: 55,
  htmlChars: 420,
};

/**
 * The budget of a slide of `size`. Themes set text in pixels, so a smaller frame holds less: rows shrink with the
 * height, line length with the width, and amounts of text with both. A larger frame holds more, but what a slide
 * asks an audience to read is kept to the tuned amounts; only code, which does not reflow, gets longer lines on a
 * wider slide and more lines on a taller one.
 */
export function budgetFor(size: SlideSize): LayoutBudget {
  const wide = size.width / BUDGET_FRAME.width;
  const tall = size.height / BUDGET_FRAME.height;
  const upTo1 = (ratio: number): number => Math.min(1, ratio);
  const scaled = (value: number, ratio: number): number => Math.max(1, Math.floor(value * ratio + 1e-9));
  const area = upTo1(wide) * upTo1(tall);
  return {
    points: scaled(BUDGET.points, upTo1(tall)),
    words: scaled(BUDGET.words, area),
    comparisonWords: scaled(BUDGET.comparisonWords, area),
    timelineEvents: scaled(BUDGET.timelineEvents, upTo1(tall)),
    timelineWords: scaled(BUDGET.timelineWords, upTo1(wide)),
    timelineSlideWords: scaled(BUDGET.timelineSlideWords, area),
    listItems: scaled(BUDGET.listItems, upTo1(tall)),
    listWords: scaled(BUDGET.listWords, area),
    codeLines: scaled(BUDGET.codeLines, tall),
    codeColumns: scaled(BUDGET.codeColumns, wide),
    tableRows: scaled(BUDGET.tableRows, upTo1(tall)),
    quoteWords: scaled(BUDGET.quoteWords, area),
    htmlChars: scaled(BUDGET.htmlChars, area),
  };
}
