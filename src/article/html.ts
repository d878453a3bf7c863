/** HTML reader: a saved web page → Article, through a Readability extraction. */
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { ExitCode, LecternError, type Warning } from '../errors.js';
import { checkHtmlNesting } from './nesting.js';
import { isSafeUrl, sanitizeWithText } from './sanitize.js';
import type { ArticleMeta, Block, ListBlock, ListItem, ParseResult, Section } from './types.js';
import { blockText } from './block-text.js';

/** Less extracted text than this is a page without an article (a login wall, an index, an error page). */
const MIN_ARTICLE_CHARS = 20;

// Inline content gathers into an implicit paragraph when it sits loose in a container.
const INLINE = new Set(
  ('a abbr b bdi bdo br cite code data dfn em font i img kbd mark q s samp small span strong sub sup time u var ' + 'del ins wbr').split(' '),
);
// Never slide material, even if the extraction kept them.
const SKIP = new Set(
  (
    'script style noscript template iframe object embed button input select textarea svg math video audio ' + 'canvas nav aside header footer hr link meta'
  ).split(' '),
);

// Back-matter sections: lists of sources and links, not something to present.
const BACK_MATTER = new Set(
  [
    'references',
    'notes',
    'citations',
    'sources',
    'external links',
    'see also',
    'further reading',
    'bibliography',
    'footnotes',
    'works cited',
    'notes and references',
    'references and notes',
    'related articles',
    'links',
    'einzelnachweise',
    'anmerkungen',
    'literatur',
    'weblinks',
    'siehe auch',
    'quellen',
    'belege',
    'références',
    'notes et références',
    'voir aussi',
    'liens externes',
    'bibliographie',
    'articles connexes',
    'referencias',
    'notas',
    'véase también',
    'enlaces externos',
    'bibliografía',
    'fuentes',
    'note',
    'bibliografia',
    'voci correlate',
    'collegamenti esterni',
    'referências',
    'ver também',
    'ligações externas',
    'fontes',
    'bronnen',
    'referenties',
    'zie ook',
    'externe links',
    'noten',
    'literatuur',
    'przypisy',
    'zobacz też',
    'linki zewnętrzne',
    'примечания',
    'литература',
    'ссылки',
    'см. также',
    'источники',
    '参考文献',
    '参考资料',
    '注释',
    '外部链接',
    '参见',
    '延伸阅读',
    '脚注',
    '関連項目',
    '外部リンク',
    '出典',
  ].map((t) => t.normalize('NFC')),
);

const collapse = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();
/** A word as it may appear in HTML source: special characters possibly written as entities. */
const sourceWord = (word: string): string =>
  word
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/&/g, '(?:&|&amp;|&#0*38;)')
    .replace(/"/g, '(?:"|&quot;|&#0*34;)')
    .replace(/'/g, "(?:'|&#0*39;|&apos;)")
    .replace(/</g, '(?:<|&lt;)')
    .replace(/>/g, '(?:>|&gt;)');

/** Approximates source lines by finding each block's first words in the raw HTML, moving forward. */
class LineFinder {
  private readonly newlines: number[] = [];
  private cursor: number;
  private lastLine = 1;

  constructor(private readonly source: string) {
    for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) this.newlines.push(i);
    // The head repeats the opening paragraph in meta descriptions; start looking in the body.
    const body = source.search(/<body[\s>]/i);
    this.cursor = body === -1 ? 0 : body;
  }

  /** Line of `text`; a heading is looked for as the start of an <hN> first (tables of contents repeat it). */
  find(text: string, heading = false): number {
    const words = collapse(text).slice(0, 30).split(' ').filter(Boolean);
    const prefixes = heading ? ['<h[1-6]\\b[^>]*>(?:\\s|<[^>]*>)*', ''] : [''];
    for (const prefix of prefixes) {
      for (const count of [5, 2, 1]) {
        // One word alone is too common to trust unless it is long or anchored to a heading tag.
        if (words.length < count || (count === 1 && !prefix && (words[0]?.length ?? 0) < 6)) continue;
        const pattern = new RegExp(prefix + words.slice(0, count).map(sourceWord).join('(?:\\s|<[^>]*>)+'), 'g');
        pattern.lastIndex = this.cursor;
        const match = pattern.exec(this.source);
        if (match) {
          this.cursor = match.index;
          this.lastLine = this.lineAt(match.index);
          return this.lastLine;
        }
      }
    }
    return this.lastLine;
  }

  private lineAt(offset: number): number {
    let low = 0;
    let high = this.newlines.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.newlines[mid]! < offset) low = mid + 1;
      else high = mid;
    }
    return low + 1;
  }
}

/** Walks the extracted content in document order, building sections and blocks. */
class ArticleBuilder {
  readonly sections: Section[] = [];
  readonly warnings: Warning[] = [];
  private current: Section | undefined;
  /** Level of the back-matter heading being skipped; 0 when not skipping. */
  private skipLevel = 0;

  constructor(
    private readonly lines: LineFinder,
    private readonly file: string,
    private readonly title: string | undefined,
  ) {}

  container(parent: Element): void {
    let run: Node[] = [];
    const flush = (): void => {
      if (run.length > 0) this.inline(run);
      run = [];
    };
    for (const node of Array.from(parent.childNodes)) {
      if (node.nodeType === 3) run.push(node);
      else if (node.nodeType === 1 && INLINE.has((node as Element).localName)) run.push(node);
      else if (node.nodeType === 1) {
        flush();
        this.element(node as Element);
      }
    }
    flush();
  }

  private element(el: Element): void {
    const tag = el.localName;
    if (SKIP.has(tag)) return;
    const heading = /^h([1-6])$/.exec(tag);
    if (heading) return this.heading(el, Number(heading[1]));
    // Readability turns a <div> holding only a heading into a <p>; such a <p> is a container, not a paragraph.
    if (tag === 'p' && Array.from(el.children).every((c) => INLINE.has(c.localName))) {
      return this.inline(Array.from(el.childNodes));
    }
    if (tag === 'ul' || tag === 'ol') return this.add(this.list(el));
    if (tag === 'blockquote') return this.quote(el);
    if (tag === 'pre') return this.code(el);
    if (tag === 'table') return el.querySelector('table') ? this.container(el) : this.table(el);
    if (tag === 'figure') return el.querySelector('img') ? this.images(el) : this.container(el);
    if (tag === 'details' || tag === 'dl') {
      const { html, text } = sanitizeWithText(el.outerHTML);
      if (text) this.add({ kind: 'html', html, text, line: this.lines.find(text) });
      return;
    }
    this.container(el);
  }

  private heading(el: Element, level: number): void {
    const text = collapse(el.textContent);
    if (!text) return;
    if (this.skipLevel > 0 && level > this.skipLevel) return;
    this.skipLevel = 0;
    if (BACK_MATTER.has(text.replace(/[:.]$/, '').toLowerCase().normalize('NFC'))) {
      this.skipLevel = level;
      return;
    }
    const line = this.lines.find(text, true);
    if (level > 2) return this.add({ kind: 'slide-heading', text, line });
    // The page title repeated as the first heading is not a section of its own.
    if (text === this.title && this.sections.every((s) => s.blocks.length === 0)) return;
    this.current = { title: text, line, blocks: [] };
    this.sections.push(this.current);
  }

  private inline(nodes: Node[]): void {
    if (this.skipLevel > 0) return;
    const holder = nodes[0]!.ownerDocument!.createElement('div');
    for (const node of nodes) holder.appendChild(node.cloneNode(true));
    const { html, text } = sanitizeWithText(holder.innerHTML);
    if (text) this.add({ kind: 'paragraph', text, html, line: this.lines.find(text) });
    else if (holder.querySelector('img')) this.images(holder);
  }

  private list(el: Element): ListBlock {
    const items: ListItem[] = [];
    let firstLine: number | undefined;
    for (const li of Array.from(el.children).filter((c) => c.localName === 'li')) {
      const nested = Array.from(li.children).filter((c) => c.localName === 'ul' || c.localName === 'ol');
      const own = li.cloneNode(true) as Element;
      for (const sub of Array.from(own.children)) if (sub.localName === 'ul' || sub.localName === 'ol') sub.remove();
      const { html, text } = sanitizeWithText(own.innerHTML);
      if (text) firstLine ??= this.lines.find(text);
      const item: ListItem = { text, html };
      if (nested.length > 0) {
        // Several sub-lists under one item read as one continued sub-list.
        const children = nested.map((sub) => this.list(sub));
        item.children = { ...children[0]!, items: children.flatMap((c) => c.items) };
      }
      if (text || item.children) items.push(item);
    }
    const block: ListBlock = { kind: 'list', ordered: el.localName === 'ol', items, line: firstLine ?? this.lines.find('') };
    const start = Number.parseInt(el.getAttribute('start') ?? '', 10);
    if (block.ordered && Number.isFinite(start) && start !== 1) block.start = start;
    return block;
  }

  private quote(el: Element): void {
    const body = el.cloneNode(true) as Element;
    const attribution = takeAttribution(body);
    const { html, text } = sanitizeWithText(body.innerHTML);
    if (!text) return;
    this.add({ kind: 'quote', text, html, line: this.lines.find(text), ...(attribution ? { attribution } : {}) });
  }

  private code(el: Element): void {
    const code = (el.textContent ?? '').replace(/\n$/, '');
    if (!code.trim()) return;
    const classes = [el, el.querySelector('code'), el.parentElement].map((e) => e?.getAttribute('class') ?? '').join(' ');
    const lang = /(?:^|\s)(?:language-|lang-|mw-highlight-lang-)([\w+#.-]+)/.exec(classes)?.[1] ?? el.getAttribute('data-lang') ?? undefined;
    this.add({ kind: 'code', code, line: this.lines.find(code.split('\n')[0] ?? ''), ...(lang ? { lang } : {}) });
  }

  private table(el: Element): void {
    const rows = Array.from((el as HTMLTableElement).rows);
    const cells = (tr: HTMLTableRowElement): string[] => Array.from(tr.cells).map((c) => collapse(c.textContent));
    const first = rows[0];
    if (!first) return;
    const hasHeader = first.parentElement?.localName === 'thead' || Array.from(first.cells).every((c) => c.localName === 'th');
    const header = hasHeader ? cells(first) : [];
    const body = (hasHeader ? rows.slice(1) : rows).map(cells).filter((r) => r.some(Boolean));
    if (header.length === 0 && body.length === 0) return;
    const align = Array.from(first.cells).map((c) => {
      const value = (c.getAttribute('align') ?? /text-align:\s*(\w+)/i.exec(c.getAttribute('style') ?? '')?.[1] ?? '').toLowerCase();
      return value === 'left' || value === 'center' || value === 'right' ? value : null;
    });
    this.add({ kind: 'table', header, rows: body, align, line: this.lines.find((header.length > 0 ? header : (body[0] ?? [])).join(' ')) });
  }

  private images(el: Element): void {
    const caption = collapse(el.querySelector('figcaption')?.textContent);
    for (const img of Array.from(el.querySelectorAll('img'))) {
      // Saved pages keep protocol-relative URLs, which would resolve to file: when opened locally.
      const src = (img.getAttribute('src') ?? '').trim().replace(/^\/\//, 'https://');
      const alt = collapse(img.getAttribute('alt'));
      if (!src || !isSafeUrl(src, true)) {
        this.warnings.push({ message: `image "${alt || src}" dropped: its URL is not allowed`, location: { file: this.file } });
        continue;
      }
      const title = caption || collapse(img.getAttribute('title')) || undefined;
      this.add({ kind: 'image', src, alt, line: this.lines.find(alt || caption), ...(title ? { title } : {}) });
    }
  }

  private add(block: Block): void {
    if (this.skipLevel > 0) return;
    if (block.kind === 'list' && block.items.length === 0) return;
    if (!this.current) {
      this.current = { line: block.line, blocks: [] };
      this.sections.push(this.current);
    }
    this.current.blocks.push(block);
  }
}

const DASH = /^\s*(?:—|–|―|--?)\s*/;

/** Removes and returns a quote's attribution: a trailing <cite>/<footer>, or a last line starting with a dash. */
function takeAttribution(quote: Element): string | undefined {
  const last = quote.lastElementChild;
  const trailingText = (el: Element): string =>
    Array.from(el.parentNode!.childNodes)
      .slice(Array.from(el.parentNode!.childNodes).indexOf(el as ChildNode) + 1)
      .map((n) => n.textContent ?? '')
      .join('')
      .trim();
  if (last && (last.localName === 'footer' || last.localName === 'cite') && !trailingText(last)) {
    last.remove();
    return collapse(last.textContent).replace(DASH, '') || undefined;
  }
  if (last && last.localName === 'p' && DASH.test(last.textContent ?? '') && quote.children.length > 1) {
    last.remove();
    return collapse(last.textContent).replace(DASH, '') || undefined;
  }
  // "…quoted words<br>— Someone": the text after the last line break.
  const holder = last && last.localName === 'p' ? last : quote;
  const breaks = holder.querySelectorAll(':scope > br');
  const lastBreak = breaks[breaks.length - 1];
  if (!lastBreak) return undefined;
  const tail = trailingText(lastBreak);
  if (!DASH.test(tail)) return undefined;
  while (lastBreak.nextSibling) lastBreak.nextSibling.remove();
  lastBreak.remove();
  return collapse(tail).replace(DASH, '') || undefined;
}

// Page chrome, matched on class tokens and ids (exact, so `vector-body` or `mw-content-text` survive).
const CLUTTER_CLASSES = new Set(
  (
    'navbox vertical-navbox infobox sidebar toc reflist references mw-references-wrap mw-editsection mw-jump-link ' +
    'catlinks printfooter noprint metadata hatnote shortdescription ambox navigation-not-searchable sistersitebox ' +
    'authority-control mw-indicators site-header site-footer breadcrumb breadcrumbs share sharing social newsletter ' +
    'advert advertisement ads promo related-posts skip-link'
  ).split(' '),
);
const CLUTTER_IDS = new Set('toc mw-navigation mw-head mw-panel footer sitenotice sitesub contentsub catlinks p-lang jump-to-nav'.split(' '));
const CLUTTER_WORDS = /cookie|consent|gdpr/i;
const CLUTTER_SELECTOR = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'form',
  'button',
  'input',
  'select',
  'textarea',
  'nav',
  'aside',
  'dialog',
  '[role=navigation]',
  '[role=banner]',
  '[role=contentinfo]',
  '[role=complementary]',
  '[role=search]',
  '[role=dialog]',
  '[role=alertdialog]',
  '[aria-hidden=true]',
  '[hidden]',
  'sup.reference',
  'sup.noprint',
  'span.mw-editsection',
  'link',
  'meta',
].join(',');
// A <form> this long is a whole-page wrapper (ASP.NET pages), not a search box.
const PAGE_FORM_CHARS = 200;
// Citation and edit marks left in running text: [1], [12], [citation needed], [edit].
const CITATION_TEXT = /\[(?:\d{1,3}|citation needed|edit)\]/gi;

/** Strips navigation, banners, infoboxes, reference lists, citation marks and hidden nodes before extraction. */
function removeClutter(doc: Document): void {
  const body = doc.body;
  if (!body) return;
  for (const el of Array.from(body.querySelectorAll('*'))) {
    if (!el.isConnected) continue;
    const tag = el.localName;
    const classes = Array.from(el.classList);
    const id = el.id.toLowerCase();
    const hidden = /display\s*:\s*none|visibility\s*:\s*hidden/i.test(el.getAttribute('style') ?? '');
    const pageChrome = (tag === 'header' && !el.closest('article, main')) || (tag === 'footer' && !el.closest('blockquote, figure'));
    const citation = tag === 'sup' && /^\[[^\]]{1,24}\]$/.test(collapse(el.textContent));
    if (tag === 'form' && collapse(el.textContent).length > PAGE_FORM_CHARS) continue;
    if (
      el.matches(CLUTTER_SELECTOR) ||
      hidden ||
      pageChrome ||
      citation ||
      CLUTTER_IDS.has(id) ||
      classes.some((c) => CLUTTER_CLASSES.has(c) || CLUTTER_WORDS.test(c)) ||
      CLUTTER_WORDS.test(id)
    ) {
      el.remove();
    }
  }
  // "[edit]" marks inside headings. Looked for from the headings down: asking every element of a deep tree for its
  // text or its heading ancestor is quadratic in the depth.
  for (const heading of Array.from(body.querySelectorAll('h1, h2, h3, h4, h5, h6, .mw-heading'))) {
    for (const el of [heading, ...Array.from(heading.querySelectorAll('*'))]) {
      if (el.isConnected && /^\[?edit\]?$/i.test(collapse(el.textContent))) el.remove();
    }
  }
  // Readability drops every <footer>, including a quote's attribution: keep it as a <cite>.
  for (const footer of Array.from(body.querySelectorAll('blockquote > footer'))) {
    const cite = doc.createElement('cite');
    while (footer.firstChild) cite.appendChild(footer.firstChild);
    footer.replaceWith(cite);
  }
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const value = node.nodeValue ?? '';
    // The cheap test first: an ancestor search per text node is quadratic in a deep tree.
    if (CITATION_TEXT.test(value) && !node.parentElement?.closest('pre, code')) node.nodeValue = value.replace(CITATION_TEXT, '');
    CITATION_TEXT.lastIndex = 0;
  }
}

const TITLE_SEPARATOR = /\s+[-|–—·»]\s+/;
const squash = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** "Article - Site" / "Site | Article" → "Article"; the site is recognised by name or host, else by brevity. */
function stripSiteName(title: string, doc: Document): string {
  const parts = title.split(TITLE_SEPARATOR);
  if (parts.length < 2) return title;
  const names = [
    firstMetaOrLink(doc, 'meta[property="og:site_name"], meta[name="application-name"]')?.getAttribute('content'),
    ...[firstMetaOrLink(doc, 'link[rel="canonical"]')?.getAttribute('href'), firstMetaOrLink(doc, 'meta[property="og:url"]')?.getAttribute('content')].flatMap(
      (url) => (URL.canParse(url ?? '') ? new URL(url!).hostname.split('.') : []),
    ),
  ]
    .map((n) => squash(n ?? ''))
    .filter((n) => n.length >= 4 && n !== 'www');
  const isSite = (part: string): boolean => names.some((n) => squash(part).startsWith(n) || n.startsWith(squash(part)));
  const kept = parts.filter((p) => !isSite(p));
  if (kept.length > 0 && kept.length < parts.length) return kept.join(' - ');
  // Unknown site: with two parts, a short one beside a clearly longer one is the site's name.
  const words = parts.map((p) => p.split(/\s+/).length);
  if (parts.length === 2 && Math.abs(words[0]! - words[1]!) >= 2 && Math.min(...words) <= 3) {
    return words[0]! > words[1]! ? parts[0]! : parts[1]!;
  }
  return title;
}

/**
 * The first <meta> or <link> matching `selector`, wherever it is: matched against those elements only, since a
 * document-wide query walks every element of the page once per selector.
 */
function firstMetaOrLink(doc: Document, selector: string): Element | undefined {
  const tag = selector.startsWith('link') ? 'link' : 'meta';
  for (const el of Array.from(doc.getElementsByTagName(tag))) if (el.matches(selector)) return el;
  return undefined;
}

/** Title, author, language and date from the page head, read before extraction rewrites the document. */
function readPageMeta(doc: Document): ArticleMeta {
  const metaContent = (selector: string): string | undefined => collapse(firstMetaOrLink(doc, selector)?.getAttribute('content')) || undefined;
  const og = metaContent('meta[property="og:title"]') ?? metaContent('meta[name="twitter:title"]');
  const h1 = collapse(doc.querySelector('#firstHeading, article h1, main h1, h1')?.textContent) || undefined;
  const meta: ArticleMeta = {};
  // og:title often carries the site name too ("Title - Site"); the article's own h1 inside it is the clean title.
  let title = og && !(h1 && og.includes(h1)) ? stripSiteName(og, doc) : h1;
  if (!title && doc.title.trim()) title = stripSiteName(collapse(doc.title), doc);
  if (title) meta.title = title;
  const author = metaContent('meta[name="author"]') ?? metaContent('meta[property="article:author"]');
  if (author && !/^https?:/i.test(author)) meta.author = author;
  const lang = doc.documentElement.getAttribute('lang') || metaContent('meta[http-equiv="content-language" i]');
  if (lang?.trim()) meta.lang = lang.trim();
  const date = metaContent('meta[property="article:published_time"]');
  if (date) meta.date = date;
  return meta;
}

/** Deepest nesting and most elements a page may have for Readability's extraction; larger pages are read whole. */
export const READABILITY_MAX_DEPTH = 64;
export const READABILITY_MAX_ELEMENTS = 30_000;

/** Whether the body is shallow and small enough for Readability; walked without recursion. */
function withinReadabilityBounds(doc: Document): boolean {
  let elements = 0;
  let depth = 0;
  let node: Element | null = doc.body;
  while (node) {
    if (++elements > READABILITY_MAX_ELEMENTS || depth > READABILITY_MAX_DEPTH) return false;
    if (node.firstElementChild) {
      node = node.firstElementChild;
      depth++;
      continue;
    }
    while (node && node !== doc.body && !node.nextElementSibling) {
      node = node.parentElement;
      depth--;
    }
    node = node && node !== doc.body ? node.nextElementSibling : null;
  }
  return true;
}

/** Parse a saved web page into an Article; only the main article text survives, never page chrome. */
export function parseHtml(html: string, file: string): ParseResult {
  checkHtmlNesting(html, file);
  const dom = new JSDOM(html, { virtualConsole: new VirtualConsole() });
  const doc = dom.window.document;
  const meta: ArticleMeta = readPageMeta(doc);
  removeClutter(doc);
  // Readability's time grows faster than the page on deep trees (800 nested <div> took 40 s): beyond its bounds the
  // page is read whole instead, clutter already removed, so every sentence still reaches the deck.
  const extracted = withinReadabilityBounds(doc)
    ? new Readability<Element>(doc, { keepClasses: true, serializer: (node) => node as Element }).parse()
    : doc.body && { title: doc.title, content: doc.body, byline: null, lang: null, publishedTime: null };
  const fallbackTitle = collapse(extracted?.title) || collapse(doc.title);
  if (!meta.title && fallbackTitle) meta.title = fallbackTitle;
  if (!meta.author && extracted?.byline) meta.author = collapse(extracted.byline);
  if (!meta.lang && extracted?.lang) meta.lang = extracted.lang;
  if (!meta.date && extracted?.publishedTime) meta.date = extracted.publishedTime;

  const builder = new ArticleBuilder(new LineFinder(html), file, meta.title);
  try {
    if (extracted?.content) builder.container(extracted.content);
  } finally {
    dom.window.close();
  }
  const sections = builder.sections.filter((s) => s.blocks.length > 0);
  const chars = sections.reduce((sum, s) => sum + s.blocks.reduce((n, b) => n + blockText(b).length, 0), 0);
  if (chars < MIN_ARTICLE_CHARS) {
    throw new LecternError('the page contains no article text', {
      exitCode: ExitCode.input,
      location: { file },
      hint: 'save the page with its article visible, or copy the article into a Markdown file',
    });
  }
  return { article: { file, format: 'html', meta, sections }, warnings: builder.warnings };
}
