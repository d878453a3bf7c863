/**
 * What a one-page brief says, drawn from the deck alone (pure): the title, author and date, one line of context, each
 * section's takeaway with its strongest figure and its minutes, and the talk's length. `condenseBrief` shortens it.
 */
import { figureText, findFigures } from '../outline/figures.js';
import type { Deck, Point, Slide } from '../outline/types.js';

export interface BriefFigure {
  value: string;
  caption: string;
}

export interface BriefItem {
  /** The section's title; undefined for a deck with no sections, whose key points stand alone. */
  title?: string;
  takeaway: string;
  figure?: BriefFigure;
  /** Planned minutes of the section (its slides' timings). */
  minutes?: number;
}

export interface Brief {
  title: string;
  /** Author and date, as the deck has them. */
  byline: string[];
  /** One line of context: the subtitle, else the deck's first point. */
  context?: string;
  /** Planned length of the talk in minutes, and its slide count. */
  minutes: number;
  slides: number;
  /** True when `items` are the talk's sections (the agenda), false when the deck has none and they are key points. */
  sectioned: boolean;
  items: BriefItem[];
  /** Sections left out of `items` to fit the page, named only (the rest of the agenda). */
  more: string[];
  /** Sections neither shown nor named, counted. */
  unnamed: number;
  lang: string;
  dir: 'ltr' | 'rtl';
}

/** Key points shown for a deck without sections. */
const KEY_POINTS = 6;

/** The brief at its fullest. */
export function briefOf(deck: Deck): Brief {
  const { meta } = deck;
  const titleSlide = deck.slides.find((slide) => slide.layout === 'title');
  const firstPoint = deck.slides.find((slide) => slide.layout === 'points' && (slide.points?.length ?? 0) > 0)?.points?.[0]?.text;
  const byline = [meta.author, meta.date].filter((value): value is string => Boolean(value?.trim()));
  const context = meta.subtitle?.trim() || firstPoint || titleSlide?.subtitle;
  return {
    title: meta.title,
    byline,
    ...(context ? { context } : {}),
    minutes: minutesOf(meta.duration ?? meta.totalTime),
    slides: deck.slides.length,
    sectioned: deck.sections.length > 0,
    items: deck.sections.length > 0 ? sectionItems(deck) : keyPoints(deck, context),
    more: [],
    unnamed: 0,
    lang: meta.lang,
    dir: meta.dir,
  };
}

/** Each section's takeaway: the conclusion the closing slide states for it, else the section's first point. */
export function sectionTakeaways(deck: Deck): string[] {
  return sectionItems(deck).map((item) => item.takeaway);
}

function sectionItems(deck: Deck): BriefItem[] {
  const closing = deck.slides.filter((slide) => slide.layout === 'closing').flatMap((slide) => (slide.points ?? []).map((point) => point.text));
  const firstClosing = deck.slides.findIndex((slide) => slide.layout === 'closing');
  const contentEnd = firstClosing >= 0 ? firstClosing : deck.slides.length;
  return deck.sections.map((section, index) => {
    const end = deck.sections[index + 1]?.slideIndex ?? Math.max(contentEnd, section.slideIndex + 1);
    const slides = deck.slides.slice(section.slideIndex, end);
    const texts = new Set(slides.flatMap((slide) => flatten(slide.points ?? [])));
    // The closing slide holds one conclusion per section: the one the outline chose for it, else one of its own points.
    const chosen = section.takeaway !== undefined && closing.includes(section.takeaway) ? section.takeaway : undefined;
    const takeaway = chosen ?? closing.find((text) => texts.has(text)) ?? firstStatement(slides) ?? section.title;
    const figure = strongestFigure(slides, takeaway);
    return {
      title: section.title,
      takeaway,
      ...(figure ? { figure } : {}),
      minutes: minutesOf(slides.reduce((sum, slide) => sum + slide.timing, 0)),
    };
  });
}

/** A deck with no sections: its points in order (a slide without points: what it states first), after the context's. */
function keyPoints(deck: Deck, context: string | undefined): BriefItem[] {
  const items: BriefItem[] = [];
  for (const slide of deck.slides) {
    if (slide.layout === 'title' || slide.layout === 'agenda' || slide.layout === 'section' || slide.layout === 'closing') continue;
    const texts = slide.points?.length ? slide.points.map((point) => point.text) : [firstStatement([slide]) ?? ''];
    for (const takeaway of texts) {
      if (items.length >= KEY_POINTS) return items;
      if (!takeaway.trim() || takeaway === context || items.some((item) => item.takeaway === takeaway)) continue;
      items.push({ takeaway });
    }
  }
  return items;
}

function flatten(points: Point[]): string[] {
  return points.flatMap((point) => [point.text, ...flatten(point.children ?? [])]);
}

/** What a run of slides states first: a point, a quote, a figure's caption, an event, or the first sentence of its notes. */
function firstStatement(slides: Slide[]): string | undefined {
  for (const slide of slides) {
    if (slide.layout === 'section' || slide.layout === 'closing') continue;
    const point = slide.points?.[0]?.text ?? slide.quote?.text ?? slide.figures?.[0]?.caption ?? slide.events?.[0]?.text;
    if (point?.trim()) return point.trim();
  }
  for (const slide of slides) {
    const note = slide.notes.find((text) => text.trim().length > 0);
    if (note) return firstSentence(note);
  }
  return undefined;
}

/** The sentence of `text` that holds `value` (the whole text when it cannot be told). */
function sentenceWith(text: string, value: string): string {
  const sentences = text.match(/[^.!?\u3002\uff01\uff1f]+(?:[.!?\u3002\uff01\uff1f]+|$)/gu) ?? [text];
  return (sentences.find((sentence) => sentence.includes(value)) ?? text).trim();
}

function firstSentence(text: string): string {
  const match = /^.+?[.!?\u3002\uff01\uff1f](?=\s|$)/su.exec(text.trim());
  return (match?.[0] ?? text).trim();
}

/**
 * The section's strongest number: a figure slide's, else money, a percentage or a large count stated in its points,
 * then in its notes, else another number in its points (not a year). A number the takeaway already states is passed
 * over, and a caption that repeats the takeaway is left out.
 */
function strongestFigure(slides: Slide[], takeaway: string): BriefFigure | undefined {
  const points = slides.flatMap((slide) => flatten(slide.points ?? []));
  const candidates = function* (): Generator<BriefFigure> {
    for (const slide of slides) for (const figure of slide.figures ?? []) yield { value: figureText(figure), caption: figure.caption };
    // A figure found in running text is shown with its own sentence: the caption findFigures makes is for a slide.
    for (const text of [...points, ...slides.flatMap((slide) => slide.notes)]) {
      for (const figure of findFigures(text)) yield { value: figureText(figure), caption: sentenceWith(text, figure.value) };
    }
    for (const text of points) {
      for (const match of text.matchAll(/(?<![\p{L}\d,.])\d[\d,]*(?:\.\d+)?(?![\p{L}\d])/gu)) {
        const value = match[0].replace(/[,.]+$/, '');
        if (!/^(1[5-9]|20)\d\d$/.test(value) && (value.replace(/\D/g, '').length > 1 || Number(value) > 1)) yield { value, caption: text };
      }
    }
  };
  for (const figure of candidates()) {
    if (takeaway.includes(figure.value)) continue;
    return { value: figure.value, caption: figure.caption.trim() === takeaway.trim() ? '' : figure.caption };
  }
  return undefined;
}

function minutesOf(seconds: number): number {
  return Math.max(1, Math.round(seconds / 60));
}

/** How far a brief is condensed: each setting shortens or drops something. */
export interface Condensing {
  /** Longest takeaway and context, in words (Infinity: whole). */
  words: number;
  /** Figures with their caption, their value alone, or none. */
  figures: 'caption' | 'value' | 'none';
  /** Items shown in full; the rest of the sections are named only. */
  items: number;
  /** Sections named only; the rest are counted. */
  named: number;
}

export const FULL: Condensing = { words: Infinity, figures: 'caption', items: Infinity, named: Infinity };

/** The brief condensed as `settings` say. */
export function condenseBrief(brief: Brief, settings: Condensing): Brief {
  const shown = brief.items.slice(0, settings.items);
  const rest = brief.items.slice(settings.items);
  const named = brief.sectioned ? rest.slice(0, settings.named).map((item) => item.title ?? '') : [];
  return {
    ...brief,
    // A title of a hundred words would not leave room for anything else.
    title: clip(brief.title, settings.words + 10),
    ...(brief.context ? { context: clip(brief.context, settings.words) } : {}),
    items: shown.map((item) => {
      const { figure, ...rest } = item;
      const kept: BriefItem = { ...rest, takeaway: clip(item.takeaway, settings.words) };
      if (figure && settings.figures !== 'none')
        kept.figure = settings.figures === 'value' ? { value: figure.value, caption: '' } : { value: figure.value, caption: clip(figure.caption, 12) };
      return kept;
    }),
    more: named,
    unnamed: brief.sectioned ? rest.length - named.length : 0,
  };
}

/** The first `words` words of a text, with an ellipsis when cut (scripts without spaces: by characters). */
export function clip(text: string, words: number): string {
  if (!Number.isFinite(words)) return text;
  const parts = text.split(/\s+/).filter(Boolean);
  if (parts.length <= 1 && text.length > words * 3) return `${text.slice(0, words * 3).trimEnd()}…`;
  if (parts.length <= words) return text;
  return `${parts
    .slice(0, words)
    .join(' ')
    .replace(/[,;:]$/, '')}…`;
}
