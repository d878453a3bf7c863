/** Deck: every decision about the talk, as plain serialisable data. */
import type { Brand } from '../brand.js';
import type { Labels } from '../settings/labels.js';
import type { SlideSize } from '../slide-size.js';

/** The layouts an article may ask for by name (`<!-- slide: LAYOUT -->`). */
export const EXPLICIT_LAYOUTS = ['agenda', 'points', 'comparison', 'quote', 'figure', 'timeline', 'list', 'code', 'table', 'image', 'html', 'closing'] as const;

/** Every layout: the explicit ones, plus the title and section slides the outline makes. */
export type Layout = 'title' | 'section' | (typeof EXPLICIT_LAYOUTS)[number];

/** One visible point on a slide: plain text, or sanitised inline HTML when the author wrote markup. */
export interface Point {
  text: string;
  html?: string;
  /** Nested points (Markdown lists). */
  children?: Point[];
}

/** A large number with its caption, for figure slides. */
export interface Figure {
  value: string;
  /** The rate the value is stated at ("a metre", "a year", "each"), shown with it in smaller type. */
  rate?: string;
  caption: string;
}

/** One event of a timeline slide: its date as written, and what happened, in the article's words. */
export interface TimelineEvent {
  date: string;
  /** The date in machine-readable form (`<time datetime>`: "2019", "2021-03", "2025-01-20", "01-20"), when one exists. */
  datetime?: string;
  text: string;
}

export interface Slide {
  /** Stable, unique id (used for the HTML id and URL hash), always `s-` and a slug of the title. */
  id: string;
  layout: Layout;
  title?: string;
  subtitle?: string;
  /** Title of the article section this slide belongs to. */
  section?: string;
  points?: Point[];
  ordered?: boolean;
  quote?: { text: string; attribution?: string };
  figures?: Figure[];
  /** Dated events, in time order, for timeline slides. */
  events?: TimelineEvent[];
  code?: { code: string; lang?: string };
  table?: { header: string[]; rows: string[][]; align: Array<'left' | 'center' | 'right' | null> };
  image?: { src: string; alt: string; title?: string };
  /** Sanitised HTML block shown as it is. */
  html?: string;
  /** Speaker notes, one string per paragraph, plain text. */
  notes: string[];
  /** The sentences of the notes the slide's points were drawn from (shown in bold in the notes). */
  sources?: string[];
  /** Pacing time in seconds (`data-timing`). */
  timing: number;
  /** 1-based source lines this slide came from. */
  lines: [number, number];
}

export interface DeckSection {
  title: string;
  /** Index into `slides` of the section's first slide. */
  slideIndex: number;
  /** The conclusion the closing slide states for the section, when it has one. */
  takeaway?: string;
}

export interface DeckMeta {
  title: string;
  subtitle?: string;
  author?: string;
  date?: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  theme: string;
  transition: string;
  /** Speaking rate used for timings. */
  wpm: number;
  /** Planned talk length in seconds, when the source set one. */
  duration?: number;
  /** Points and list items appear one at a time, as Reveal fragments. */
  fragments: boolean;
  /** Sum of slide timings in seconds. */
  totalTime: number;
  /** The words Lectern puts on slides and printed pages, in the deck's language (src/settings/labels.ts). */
  labels: Labels;
  /** Reveal.js options the article or config file set, already held to the allow-list. */
  reveal: Record<string, unknown>;
  /** Slide size in CSS pixels: Reveal's width and height, the layout budget, and every export's page. */
  size: SlideSize;
  /** The logo's image as the source names it (after checking, the published copy's path). */
  logo?: string;
  /** Brand colours, applied through the theme's CSS variables. */
  brand?: Brand;
}

export interface Deck {
  /** The source file the deck came from. */
  file: string;
  meta: DeckMeta;
  sections: DeckSection[];
  slides: Slide[];
}
