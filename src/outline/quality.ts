import { opensPoint, repeatsPoint, saysPoint } from './headline.js';
import { visibleText } from './outline.js';
import { countWords } from './sentences.js';
import type { Deck, Layout } from './types.js';

/** Slides that frame the talk rather than carry its content. */
const FRAME_LAYOUTS: ReadonlySet<Layout> = new Set<Layout>(['title', 'agenda', 'section', 'closing']);

/** How much a deck reads as a talk: the measures `npm run bench:quality` prints and the outline tests hold. Pure. */
export interface TalkQuality {
  contentSlides: number;
  /** Titles with a "(2/5)" counter. */
  counterTitles: number;
  /** Share of content slides whose title no other slide (and not their section) has, 0–1. */
  distinctTitleShare: number;
  /** Points ending in an ellipsis. */
  truncatedPoints: number;
  pointSlides: number;
  /** Share of points slides holding a single point, 0–1. */
  singlePointShare: number;
  medianPointsPerSlide: number;
  medianWordsPerPoint: number;
  maxWordsPerPoint: number;
  /** Visible words (title included) on content slides. */
  medianWordsPerSlide: number;
  maxWordsPerPointSlide: number;
  /**
   * Content slides whose title says one of their points again: the point whole, nearly whole, or its opening. The
   * audience reads those words twice. Measured, not yet a target.
   */
  titlesRepeatingPoints: number;
  layouts: Record<string, number>;
}

export function measureTalk(deck: Deck): TalkQuality {
  const lang = deck.meta.lang;
  const content = deck.slides.filter((slide) => !FRAME_LAYOUTS.has(slide.layout));
  const pointSlides = content.filter((slide) => slide.layout === 'points' && (slide.points?.length ?? 0) > 0);
  const titleCounts = new Map<string, number>();
  const key = (title: string | undefined): string => (title ?? '').trim().toLowerCase();
  for (const slide of deck.slides) titleCounts.set(key(slide.title), (titleCounts.get(key(slide.title)) ?? 0) + 1);
  const distinct = content.filter(
    (slide) => (titleCounts.get(key(slide.title)) ?? 0) === 1 && key(slide.title) !== key(slide.section) && key(slide.title) !== '',
  );
  const points = deck.slides.flatMap((slide) => (slide.layout === 'agenda' ? [] : (slide.points ?? [])));
  const pointWords = pointSlides.flatMap((slide) => (slide.points ?? []).map((point) => countWords(point.text, lang)));
  const slideWords = content.map((slide) => countWords(visibleText(slide), lang));
  const pointSlideWords = pointSlides.map((slide) => countWords(visibleText(slide), lang));
  const layouts: Record<string, number> = {};
  for (const slide of deck.slides) layouts[slide.layout] = (layouts[slide.layout] ?? 0) + 1;
  return {
    contentSlides: content.length,
    counterTitles: deck.slides.filter((slide) => /\(\d+\/\d+\)\s*$/.test(slide.title ?? '')).length,
    distinctTitleShare: content.length === 0 ? 1 : distinct.length / content.length,
    truncatedPoints: points.filter((point) => /(?:…|\.\.\.)\s*$/.test(point.text)).length,
    pointSlides: pointSlides.length,
    singlePointShare: pointSlides.length === 0 ? 0 : pointSlides.filter((slide) => slide.points?.length === 1).length / pointSlides.length,
    medianPointsPerSlide: median(pointSlides.map((slide) => slide.points?.length ?? 0)),
    medianWordsPerPoint: median(pointWords),
    maxWordsPerPoint: maxOf(pointWords),
    medianWordsPerSlide: median(slideWords),
    maxWordsPerPointSlide: maxOf(pointSlideWords),
    titlesRepeatingPoints: content.filter((slide) => titleRepeatsPoint(slide.title, slide.points, lang)).length,
    layouts,
  };
}

function titleRepeatsPoint(title: string | undefined, points: Deck['slides'][number]['points'], lang: string): boolean {
  if (!title) return false;
  return (points ?? []).some((point) => saysPoint(title, point.text) || repeatsPoint(title, point.text, lang) || opensPoint(title, point.text, lang));
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A loop, not Math.max(...values): a book-length deck has more values than a call may take arguments. */
function maxOf(values: number[]): number {
  let max = 0;
  for (const value of values) if (value > max) max = value;
  return max;
}
