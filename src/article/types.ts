/** Article: what the author wrote, before any decision about the talk. */
import type { DeckSettingValues } from '../settings/table.js';

/** Input formats Lectern reads. */
export type SourceFormat = 'markdown' | 'text' | 'html';

/** Front-matter / metadata keys a source may set. */
/** Front matter: the article's own facts, plus the deck settings it may set (types and ranges in src/settings/table.ts). */
export interface ArticleMeta extends DeckSettingValues {
  title?: string;
  subtitle?: string;
  author?: string;
  date?: string;
}

/** A run of list items; items may nest. */
export interface ListItem {
  /** Plain text of the item (no markup), used for coverage and sizing. */
  text: string;
  /** Sanitised inline HTML of the item. */
  html: string;
  children?: ListBlock;
}

interface BlockBase {
  /** 1-based line in the source file where the block starts. */
  line: number;
}

export interface ParagraphBlock extends BlockBase {
  kind: 'paragraph';
  /** Plain text, whitespace collapsed. */
  text: string;
  /** Sanitised inline HTML (for Markdown and HTML sources); equals escaped text for plain text. */
  html: string;
}
export interface ListBlock extends BlockBase {
  kind: 'list';
  ordered: boolean;
  start?: number;
  items: ListItem[];
}
export interface QuoteBlock extends BlockBase {
  kind: 'quote';
  text: string;
  html: string;
  attribution?: string;
}
export interface CodeBlock extends BlockBase {
  kind: 'code';
  code: string;
  lang?: string;
}
export interface TableBlock extends BlockBase {
  kind: 'table';
  header: string[];
  rows: string[][];
  align: Array<'left' | 'center' | 'right' | null>;
}
export interface ImageBlock extends BlockBase {
  kind: 'image';
  src: string;
  alt: string;
  title?: string;
}
/** Raw HTML from the source, already sanitised. */
export interface HtmlBlock extends BlockBase {
  kind: 'html';
  html: string;
  /** Visible text of the HTML, for coverage. */
  text: string;
}
/** Speaker notes the author wrote explicitly (`Note:` in Markdown). */
export interface NotesBlock extends BlockBase {
  kind: 'notes';
  text: string;
}
/** An explicitly titled slide (`###` in Markdown). */
export interface SlideHeadingBlock extends BlockBase {
  kind: 'slide-heading';
  text: string;
}
/** A forced slide break (`---` in Markdown). */
export interface BreakBlock extends BlockBase {
  kind: 'break';
}

/** A Lectern directive written as an HTML comment (`<!-- slide: points -->`): fixes the next slide's layout. */
export interface DirectiveBlock extends BlockBase {
  kind: 'directive';
  name: string;
  value: string;
}

export type Block =
  DirectiveBlock | ParagraphBlock | ListBlock | QuoteBlock | CodeBlock | TableBlock | ImageBlock | HtmlBlock | NotesBlock | SlideHeadingBlock | BreakBlock;

export interface Section {
  /** Heading text; undefined for the introduction before the first heading. */
  title?: string;
  /** 1-based line of the heading (or of the first block for the introduction). */
  line: number;
  blocks: Block[];
}

export interface Article {
  /** Path of the source as the user gave it; `<stdin>` when it was read from standard input (the `-` argument). */
  file: string;
  format: SourceFormat;
  meta: ArticleMeta;
  /** 1-based line of each front-matter key, so a warning about a setting can point at it. */
  metaLines?: Partial<Record<keyof ArticleMeta, number>>;
  sections: Section[];
}

/** What a pure parser returns: the article and anything worth warning about. */
export interface ParseResult {
  article: Article;
  warnings: import('../errors.js').Warning[];
}
