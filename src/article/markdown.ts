import { decodeHTMLStrict } from 'entities';
import { Lexer, marked, type Token, type Tokens } from 'marked';
import { ArticleTokenizer } from './marked-tokenizer.js';
import { ExitCode, LecternError, type Warning } from '../errors.js';
import { EXPLICIT_LAYOUTS } from '../outline/types.js';
import { splitFrontMatter } from './front-matter.js';
import { markdownUrl, SafeUrlRenderer } from './link-url.js';
import { checkMarkdownNesting } from './nesting.js';
import { escapeHtml } from '../escape-html.js';
import { htmlToText, sanitizeHtml } from './sanitize.js';
import type { Block, ListBlock, ListItem, ParseResult, Section } from './types.js';

const NOTES_START = /^notes?:\s*/i;
/** `<!-- slide: points -->`: the form `lectern import` writes to make every slide explicit. */
const SLIDE_LAYOUTS: ReadonlySet<string> = new Set(EXPLICIT_LAYOUTS);
const DIRECTIVE = /^<!--\s*(slide)\s*:\s*([\w-]+)\s*-->$/i;
const ATTRIBUTION = /^\s*(?:—|–|--|~)\s*(.+)$/;

/** Headings an article may have: each is a slide, and 200,000 of them are a denial of service, not a talk. */
export const MAX_HEADINGS = 10_000;

/** Markdown (with optional YAML front matter) → Article. Pure. */
export function parseMarkdown(source: string, file: string): ParseResult {
  const { meta, body, bodyLineOffset, lines: metaLines, warnings } = splitFrontMatter(source, file);
  // The text fields of a Markdown article's front matter are read like its body: `&mdash;` is a dash, not six letters.
  for (const key of ['title', 'subtitle', 'author'] as const) {
    const value = meta[key];
    if (typeof value === 'string') meta[key] = decodeHTMLStrict(value);
  }
  if (!body.trim()) {
    warnings.push({ message: 'the article has front matter but no text after it: the deck has only its title', location: { file, line: bodyLineOffset } });
  }
  checkMarkdownNesting(body, file, bodyLineOffset);
  const tokens = new Lexer({ gfm: true, tokenizer: new ArticleTokenizer() }).lex(body);
  const positioned = joinDetails(withLines(tokens, body, bodyLineOffset));
  const headings = positioned.filter(({ token }) => token.type === 'heading') as Array<{ token: Tokens.Heading; line: number }>;
  if (headings.length > MAX_HEADINGS) {
    throw new LecternError(`more than ${MAX_HEADINGS.toLocaleString('en')} headings (each starts a slide)`, {
      exitCode: ExitCode.input,
      location: { file, line: headings[MAX_HEADINGS]!.line },
      hint: 'split the article into several decks',
    });
  }

  // The deck title is a lone leading `#` when the front matter has none; sections start at the shallowest remaining depth.
  let titleToken: Tokens.Heading | undefined;
  const firstHeading = headings[0];
  if (firstHeading && firstHeading.token.depth === 1 && headings.filter((h) => h.token.depth === 1).length === 1) {
    const text = inlineText(firstHeading.token.tokens);
    // A `#` line that differs from both front-matter title and subtitle stays in the body as a section, so no words are lost.
    if (!meta.title || meta.title === text || !meta.subtitle || meta.subtitle === text) titleToken = firstHeading.token;
    if (!meta.title) meta.title = text;
  }
  // A loop, not Math.min(...): spreading 200,000 headings into arguments overflows the stack.
  const sectionDepth = headings.reduce((min, h) => (h.token === titleToken ? min : Math.min(min, h.token.depth)), 7);

  const sections: Section[] = [];
  let current: Section = { title: undefined, line: bodyLineOffset + 1, blocks: [] };
  let inNotes = false;
  const pushCurrent = (): void => {
    if (current.title !== undefined || current.blocks.length > 0) sections.push(current);
  };

  for (const { token, line } of positioned) {
    if (token === titleToken) {
      // A title that differs from the front-matter title is still the author's text: keep it as the deck subtitle.
      if (meta.title !== inlineText(titleToken.tokens) && !meta.subtitle) meta.subtitle = inlineText(titleToken.tokens);
      continue;
    }
    if (token.type === 'heading') {
      const heading = token as Tokens.Heading;
      inNotes = false;
      if (heading.depth <= sectionDepth) {
        pushCurrent();
        current = { title: inlineText(heading.tokens), line, blocks: [] };
      } else {
        current.blocks.push({ kind: 'slide-heading', text: inlineText(heading.tokens), line });
      }
      continue;
    }
    if (token.type === 'hr') {
      inNotes = false;
      current.blocks.push({ kind: 'break', line });
      continue;
    }
    if (token.type === 'space' || token.type === 'def') continue;
    const directive = token.type === 'html' ? DIRECTIVE.exec(token.raw.trim()) : null;
    if (directive) {
      inNotes = false;
      const value = (directive[2] ?? '').trim().toLowerCase();
      if (!SLIDE_LAYOUTS.has(value)) {
        warnings.push({ message: `unknown slide layout \`${value}\` (layouts: ${[...SLIDE_LAYOUTS].join(', ')})`, location: { file, line } });
      }
      current.blocks.push({ kind: 'directive', name: (directive[1] ?? '').toLowerCase(), value, line });
      continue;
    }
    if (token.type === 'paragraph' && NOTES_START.test(token.raw)) {
      inNotes = true;
      const rest = (token as Tokens.Paragraph).raw.replace(NOTES_START, '').trim();
      if (rest) current.blocks.push({ kind: 'notes', text: plainOf(rest), line });
      continue;
    }
    if (inNotes) {
      const text = token.type === 'paragraph' ? plainOf(token.raw) : htmlToText(marked.parse(token.raw, { async: false, tokenizer: new ArticleTokenizer() }));
      if (text.trim()) current.blocks.push({ kind: 'notes', text: text.trim(), line });
      continue;
    }
    const block = toBlock(token, line, warnings, file);
    if (block) current.blocks.push(block);
  }
  pushCurrent();
  return { article: { file, format: 'markdown', meta, ...(Object.keys(metaLines).length > 0 ? { metaLines } : {}), sections }, warnings };
}

/** Attaches each top-level token to the 1-based source line where it starts. */
function withLines(tokens: Token[], body: string, lineOffset: number): Array<{ token: Token; line: number }> {
  const result: Array<{ token: Token; line: number }> = [];
  let cursor = 0;
  let line = lineOffset + 1;
  for (const token of tokens) {
    const found = token.raw ? body.indexOf(token.raw, cursor) : -1;
    const start = found >= 0 ? found : cursor;
    line += countNewlines(body, cursor, start);
    // Leading blank lines inside a token's raw text do not belong to its first visible line.
    const leading = /^\s*\n/.exec(token.raw ?? '')?.[0] ?? '';
    result.push({ token, line: line + countNewlines(leading, 0, leading.length) });
    const end = start + (token.raw?.length ?? 0);
    line += countNewlines(body, start, end);
    cursor = end;
  }
  return result;
}

/**
 * A `<details>` block written GitHub's way (`<summary>`, a blank line, Markdown, `</details>`) lexes as an opening tag,
 * separate blocks and a closing tag. Its parts become one HTML block, so the summary stays with the text it introduces;
 * a heading inside, or no closing tag, leaves the tokens as they were.
 */
function joinDetails(positioned: Array<{ token: Token; line: number }>): Array<{ token: Token; line: number }> {
  const balance = (token: Token): number =>
    token.type === 'html' ? (token.raw.match(/<details[\s>]/gi) ?? []).length - (token.raw.match(/<\/details\s*>/gi) ?? []).length : 0;
  // The block a `<details>` opens ends at the first later token where the running balance falls back to where it
  // stood before it. Found for every token in one pass with a stack (scanning forward from each of 20,000 unclosed
  // tags is quadratic); a heading in between, or a balance that drops below, leaves the tokens as they were.
  const count = positioned.length;
  const level = new Array<number>(count + 1);
  level[0] = 0;
  for (let index = 0; index < count; index++) level[index + 1] = level[index]! + balance(positioned[index]!.token);
  /** For each token, the first later token whose level falls to the level before it, or -1. */
  const closer = new Array<number>(count).fill(-1);
  const waiting: number[] = [];
  for (let index = 0; index < count; index++) {
    while (waiting.length > 0 && level[index + 1]! <= level[waiting[waiting.length - 1]!]!) closer[waiting.pop()!] = index;
    if (level[index + 1]! > level[index]!) waiting.push(index);
  }
  const nextHeading = new Array<number>(count + 1).fill(count);
  for (let index = count - 1; index >= 0; index--) nextHeading[index] = positioned[index]!.token.type === 'heading' ? index : nextHeading[index + 1]!;
  const result: Array<{ token: Token; line: number }> = [];
  for (let index = 0; index < count; index++) {
    const start = positioned[index]!;
    const end = closer[index]!;
    if (end < 0 || level[end + 1] !== level[index] || nextHeading[index + 1]! <= end) {
      result.push(start);
      continue;
    }
    const raw = positioned
      .slice(index, end + 1)
      .map(({ token }) => token.raw)
      .join('');
    const html = marked.parse(raw, { async: false, gfm: true, tokenizer: new ArticleTokenizer() });
    result.push({ token: { type: 'html', block: true, pre: false, raw: html, text: html }, line: start.line });
    index = end;
  }
  return result;
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = text.indexOf('\n', from); index >= 0 && index < to; index = text.indexOf('\n', index + 1)) count++;
  return count;
}

function toBlock(token: Token, line: number, warnings: Warning[], file: string): Block | undefined {
  // A link whose URL could run code keeps its text and loses its target, with a warning: nothing is dropped silently.
  const refused = (href: string): void => {
    warnings.push({ message: `link to "${href}" removed (its text stays): only http(s), mailto and relative links are allowed`, location: { file, line } });
  };
  switch (token.type) {
    case 'paragraph': {
      const paragraph = token as Tokens.Paragraph;
      const only = paragraph.tokens.filter((t) => !(t.type === 'text' && !t.raw.trim()));
      if (only.length === 1 && only[0]?.type === 'image') {
        const image = only[0] as Tokens.Image;
        // Same rule as the web-page reader: an image whose URL could run code (javascript:, data:text/html…) is dropped.
        if (markdownUrl(image.href, true) === undefined) {
          const alt = imageAlt(image);
          warnings.push({ message: `image "${alt || image.href}" dropped: its URL is not allowed`, location: { file, line } });
          return alt ? { kind: 'paragraph', text: alt, html: escapeHtml(alt), line } : undefined;
        }
        // The path, alt text and title as the author meant them (entities decoded); the template escapes them and
        // media.ts resolves the path.
        const title = image.title ? decodeHTMLStrict(image.title) : undefined;
        return { kind: 'image', src: decodeHTMLStrict(image.href), alt: imageAlt(image), title, line };
      }
      return { kind: 'paragraph', text: inlineText(paragraph.tokens), html: inlineHtml(paragraph.tokens, refused), line };
    }
    case 'text': {
      const text = token as Tokens.Text;
      return { kind: 'paragraph', text: inlineText(text.tokens ?? [text]), html: inlineHtml(text.tokens ?? [text], refused), line };
    }
    case 'list':
      return toList(token as Tokens.List, line, refused);
    case 'blockquote':
      return toQuote(token as Tokens.Blockquote, line, refused);
    case 'code': {
      const code = token as Tokens.Code;
      return { kind: 'code', code: code.text, lang: code.lang?.split(/\s/)[0] || undefined, line };
    }
    case 'table': {
      const table = token as Tokens.Table;
      return {
        kind: 'table',
        header: table.header.map((cell) => inlineText(cell.tokens)),
        rows: table.rows.map((row) => row.map((cell) => inlineText(cell.tokens))),
        align: table.align.map((align) => align ?? null),
        line,
      };
    }
    case 'html': {
      const html = sanitizeHtml(token.raw);
      const text = htmlToText(html);
      const originalText = htmlToText(token.raw);
      if (text.length < originalText.length) {
        warnings.push({ message: 'removed unsafe HTML (scripts, frames or event handlers) from the article', location: { file, line } });
      }
      return text.trim() || /<img/i.test(html) ? { kind: 'html', html, text, line } : undefined;
    }
    default: {
      const text = plainOf(token.raw);
      return { kind: 'paragraph', text, html: escapeHtml(text), line };
    }
  }
}

function toList(list: Tokens.List, line: number, refused: (href: string) => void): ListBlock {
  const items: ListItem[] = list.items.map((item) => {
    const nested = item.tokens.find((t) => t.type === 'list') as Tokens.List | undefined;
    const inline = itemInline(item.tokens);
    const prefix = item.task ? (item.checked ? '☑ ' : '☐ ') : '';
    const entry: ListItem = { text: prefix + inlineText(inline), html: escapeHtml(prefix) + inlineHtml(inline, refused) };
    if (nested) entry.children = toList(nested, line, refused);
    return entry;
  });
  const block: ListBlock = { kind: 'list', ordered: list.ordered, items, line };
  if (list.ordered && typeof list.start === 'number' && list.start !== 1) block.start = list.start;
  return block;
}

const SPACE: Tokens.Text = { type: 'text', raw: ' ', text: ' ' };

/**
 * A list item's own content as inline tokens. Items may hold whole blocks (a second paragraph, a quote, code, a table):
 * the inline renderer accepts none of them, so each block contributes its inline text, blocks separated by a space.
 */
function itemInline(tokens: Token[]): Token[] {
  const parts: Token[][] = [];
  for (const token of tokens) {
    switch (token.type) {
      // Nested lists become children; the checkbox is shown by the ☐/☑ prefix; blank lines and rules carry no words.
      case 'list':
      case 'checkbox':
      case 'space':
      case 'hr':
      case 'def':
        continue;
      case 'blockquote':
        parts.push(itemInline((token as Tokens.Blockquote).tokens));
        continue;
      case 'code':
        parts.push([{ type: 'codespan', raw: token.raw, text: (token as Tokens.Code).text }]);
        continue;
      case 'table': {
        const table = token as Tokens.Table;
        const cells = [table.header, ...table.rows].flat().map((cell) => inlineText(cell.tokens));
        parts.push([{ type: 'text', raw: token.raw, text: cells.filter(Boolean).join(' ') }]);
        continue;
      }
      case 'html':
        parts.push([{ ...(token as Tokens.HTML), block: false }]);
        continue;
      default:
        // A loose task item keeps its checkbox inside the first paragraph.
        parts.push('tokens' in token && Array.isArray(token.tokens) ? token.tokens.filter((t) => t.type !== 'checkbox') : [token]);
    }
  }
  return parts.filter((part) => part.length > 0).flatMap((part, index) => (index > 0 ? [SPACE, ...part] : part));
}

const CALLOUT = /^\[!(note|tip|important|warning|caution)\][ \t]*\n?/i;

function toQuote(quote: Tokens.Blockquote, line: number, refused: (href: string) => void): Block {
  // A GitHub-style callout ("> [!NOTE]") is the author's own aside, not a quotation: it reads as a labelled paragraph.
  const callout = CALLOUT.exec(quote.text);
  if (callout) {
    const label = (callout[1] ?? '').charAt(0).toUpperCase() + (callout[1] ?? '').slice(1).toLowerCase();
    const tokens = inlineTokensOf(quote.text.slice(callout[0].length));
    const body = inlineText(tokens);
    return { kind: 'paragraph', text: body ? `${label}: ${body}` : label, html: `<strong>${label}:</strong> ${inlineHtml(tokens, refused)}`, line };
  }
  const lines = quote.text.split('\n');
  const last = lines[lines.length - 1] ?? '';
  const attribution = lines.length > 1 ? ATTRIBUTION.exec(last)?.[1] : undefined;
  const body = attribution ? lines.slice(0, -1).join('\n') : quote.text;
  const tokens = inlineTokensOf(body);
  const block: Block = { kind: 'quote', text: inlineText(tokens), html: inlineHtml(tokens, refused), line };
  if (attribution) block.attribution = plainOf(attribution);
  return block;
}

/** The visible text of inline tokens, whitespace collapsed. */
export function inlineText(tokens: Token[]): string {
  return collapse(tokens.map(tokenText).join(''));
}

function tokenText(token: Token): string {
  switch (token.type) {
    case 'br':
      return ' ';
    case 'image':
      return imageAlt(token as Tokens.Image);
    case 'html':
      return htmlToText(token.raw);
    case 'codespan':
      return (token as Tokens.Codespan).text;
    case 'escape':
      return (token as Tokens.Escape).text;
    default:
      if ('tokens' in token && Array.isArray(token.tokens) && token.tokens.length > 0) return token.tokens.map(tokenText).join('');
      return 'text' in token && typeof token.text === 'string' ? decodeHTMLStrict(token.text) : '';
  }
}

/** An image's alt text as CommonMark defines it: the plain text of its description, entities decoded. */
function imageAlt(image: Tokens.Image): string {
  return image.tokens && image.tokens.length > 0 ? inlineText(image.tokens) : collapse(decodeHTMLStrict(image.text));
}

function inlineHtml(tokens: Token[], refused: (href: string) => void): string {
  const renderer = new SafeUrlRenderer(refused);
  const html = marked.parser([{ type: 'paragraph', raw: '', text: '', tokens }], { renderer }).replace(/^<p>|<\/p>\n?$/g, '');
  // marked escapes text and the renderer prints only checked, fully escaped URLs; raw HTML needs the (slow to load)
  // DOM sanitiser, which decodes attributes as a browser does before it checks them.
  return containsHtml(tokens) ? sanitizeHtml(html) : html;
}

function containsHtml(tokens: Token[]): boolean {
  return tokens.some((token) => token.type === 'html' || ('tokens' in token && Array.isArray(token.tokens) && containsHtml(token.tokens)));
}

function plainOf(markdown: string): string {
  return inlineText(inlineTokensOf(markdown));
}

/** Inline Markdown (its line breaks as spaces) → marked's inline tokens. */
function inlineTokensOf(markdown: string): Token[] {
  return new Lexer({ gfm: true, tokenizer: new ArticleTokenizer() }).inlineTokens(markdown.replace(/\n+/g, ' '));
}

/**
 * Runs of white space become one space; a no-break space (`&nbsp;`) is the author's choice and stays. The single
 * spaces between words are left alone rather than each replaced by itself (a hot path on long articles).
 */
function collapse(text: string): string {
  return text.replace(/[^\S\u00a0]{2,}|[^\S \u00a0]/g, ' ').trim();
}
