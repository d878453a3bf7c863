/**
 * Notes and handout pages, composed inside Reveal's print view. `composePrintPages` runs in the browser (it is passed
 * to page.evaluate), so it must stay self-contained: no imports or helpers from outside its body.
 */

export type PrintMode = 'slides' | 'notes' | 'handout';

export interface PrintSlide {
  id: string;
  title: string;
  notes: string[];
}

export interface ComposeInput {
  mode: PrintMode;
  slides: PrintSlide[];
  lang: string;
  dir: 'ltr' | 'rtl';
  /** The header's words in the deck's language: `Slide 3/17 · notes (continued)`. */
  labels: { slide: string; notes: string; continued: string };
  /** Page height in CSS px; pages are made 1px shorter, as Reveal does, so rounding never adds a blank page. */
  pageHeight: number;
}

/** One printed page: the slide it belongs to (-1 when unknown) and what it shows. */
export interface PageEntry {
  slide: number;
  kind: 'slide' | 'notes' | 'handout';
}

/** Rules for the composed pages; they win over the theme because they are more specific. */
export const PRINT_PAGES_CSS = `
html.reveal-print .reveal .slides > .pdf-page[data-lectern-part-end] { page-break-after: avoid; break-after: avoid; }
html.reveal-print .reveal .slides .lectern-print-page {
  box-sizing: border-box; padding: 34px 56px 38px; display: flex; flex-direction: column; gap: 14px;
  background: #fff; color: #1f2328; text-align: start; font-family: var(--r-main-font, sans-serif);
}
html.reveal-print .reveal .slides .lectern-print-header {
  flex: none; font-size: 14px; line-height: 1.3; color: #5b6270; border-bottom: 1px solid #d0d4da; padding-bottom: 6px;
}
html.reveal-print .reveal .slides .lectern-print-header > div { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
html.reveal-print .reveal .slides .lectern-print-title { font-size: 19px; font-weight: 700; color: #1f2328; margin-top: 2px; }
html.reveal-print .reveal .slides .lectern-notes {
  flex: 1 1 auto; min-height: 0; overflow: hidden; font-size: 22px; line-height: 1.45; overflow-wrap: anywhere;
}
html.reveal-print .reveal .slides .lectern-notes p { margin: 0 0 0.6em; padding: 0; line-height: 1.45; color: inherit; font-size: inherit; text-align: start; }
html.reveal-print .reveal .slides .lectern-handout-page .lectern-notes { font-size: 16px; }
html.reveal-print .reveal .slides .lectern-handout-top { flex: none; display: flex; gap: 28px; align-items: flex-start; }
html.reveal-print .reveal .slides .lectern-thumb {
  flex: none; position: relative; width: 480px; height: 350px; overflow: hidden; outline: 1px solid #d0d4da;
  /* The slide inherits from .reveal, not from the white notes page around it. */
  font-size: var(--r-main-font-size, 40px); color: var(--r-main-color, inherit); font-family: var(--r-main-font, inherit);
}
/* zoom, not transform: printing splits pages by the unscaled layout box, which would cut a transformed slide. */
html.reveal-print .reveal .slides .lectern-thumb > .pdf-page { position: absolute; top: 0; left: 0; width: 960px; zoom: 0.5; }
html.reveal-print .reveal .slides .lectern-handout-meta { font-size: 15px; line-height: 1.35; color: #5b6270; }
html.reveal-print .reveal .slides .lectern-handout-meta strong { display: block; font-size: 21px; color: #1f2328; margin-top: 6px; }
`;

/** Browser side: adds notes or handout pages around Reveal's .pdf-page elements and returns every page in order. */
export function composePrintPages(input: ComposeInput): PageEntry[] {
  const container = document.querySelector('.reveal .slides');
  if (!container) throw new Error('no .reveal .slides in the page');
  const slideIndex = new Map(input.slides.map((slide, index) => [slide.id, index] as const));
  const groups: Array<{ slide: number; pages: HTMLElement[] }> = [];
  for (const element of Array.from(container.children) as HTMLElement[]) {
    if (!element.classList.contains('pdf-page')) continue;
    const section = element.querySelector(':scope > section');
    const slide = section ? (slideIndex.get(section.id) ?? -1) : -1;
    const last = groups[groups.length - 1];
    if (last && last.slide === slide && slide !== -1) last.pages.push(element);
    else groups.push({ slide, pages: [element] });
  }
  const entries: PageEntry[] = [];
  if (input.mode === 'slides') {
    for (const group of groups) for (const _page of group.pages) entries.push({ slide: group.slide, kind: 'slide' });
    return entries;
  }

  const total = input.slides.length;
  const segmenter = new Intl.Segmenter(input.lang || undefined, { granularity: 'word' });
  /** `Slide 3/17 · notes`, then the title on its own line (left out on continuation pages, to save room). */
  const header = (page: HTMLElement, slide: number, continued: boolean): void => {
    const element = document.createElement('header');
    element.className = 'lectern-print-header';
    const label = document.createElement('div');
    label.dir = 'auto';
    label.textContent = `${input.labels.slide} ${slide + 1}/${total} · ${input.labels.notes}${continued ? ` (${input.labels.continued})` : ''}`;
    element.appendChild(label);
    const title = input.slides[slide]?.title;
    if (title && !continued) {
      const line = document.createElement('div');
      line.className = 'lectern-print-title';
      line.dir = 'auto';
      line.textContent = title;
      element.appendChild(line);
    }
    page.appendChild(element);
  };
  const newPage = (kind: string): HTMLElement => {
    const page = document.createElement('div');
    page.className = `pdf-page lectern-print-page lectern-${kind}-page`;
    page.style.height = `${input.pageHeight - 1}px`;
    page.dir = input.dir;
    if (input.lang) page.lang = input.lang;
    return page;
  };
  const newBody = (page: HTMLElement): HTMLElement => {
    const body = document.createElement('div');
    body.className = 'lectern-notes';
    page.appendChild(body);
    return body;
  };
  const overflows = (body: HTMLElement): boolean => body.scrollHeight > body.clientHeight + 0.5;

  /** Pours paragraphs into `first`, continuing on new notes pages (split between words) until all are placed. */
  const pour = (paragraphs: string[], first: HTMLElement, slide: number, after: Element): Element => {
    let body = first;
    let anchor = after;
    const queue = paragraphs.filter((text) => text.trim().length > 0);
    while (queue.length > 0) {
      const text = queue.shift() as string;
      const p = document.createElement('p');
      p.dir = 'auto'; // a Hebrew or Arabic paragraph in a left-to-right deck still reads right to left
      p.textContent = text;
      body.appendChild(p);
      if (!overflows(body)) continue;
      const parts = Array.from(segmenter.segment(text), (part) => part.segment);
      let fits = 0;
      let high = parts.length - 1;
      while (fits < high) {
        const mid = Math.ceil((fits + high) / 2);
        p.textContent = parts.slice(0, mid).join('');
        if (overflows(body)) high = mid - 1;
        else fits = mid;
      }
      // A fresh page always takes at least one word, so the loop always moves on.
      if (fits === 0 && body.childElementCount === 1) fits = 1;
      if (fits === 0) {
        p.remove();
        queue.unshift(text);
      } else {
        p.textContent = parts.slice(0, fits).join('').trimEnd();
        const rest = parts.slice(fits).join('').trimStart();
        if (rest) queue.unshift(rest);
      }
      if (queue.length === 0) break;
      const page = newPage('notes');
      header(page, slide, true);
      anchor.after(page);
      anchor = page;
      body = newBody(page);
      entries.push({ slide, kind: 'notes' });
    }
    return anchor;
  };

  for (const group of groups) {
    const notes = group.slide >= 0 ? (input.slides[group.slide]?.notes ?? []) : [];
    const lastPage = group.pages[group.pages.length - 1] as HTMLElement;
    if (input.mode === 'notes') {
      for (const _page of group.pages) entries.push({ slide: group.slide, kind: 'slide' });
      if (notes.length === 0) continue;
      const page = newPage('notes');
      header(page, group.slide, false);
      lastPage.after(page);
      entries.push({ slide: group.slide, kind: 'notes' });
      pour(notes, newBody(page), group.slide, page);
      continue;
    }
    // Handout: the slide as it looks with every fragment shown, at half size, above its notes.
    const page = newPage('handout');
    group.pages[0]?.before(page);
    for (const extra of group.pages.slice(0, -1)) extra.remove();
    const top = document.createElement('div');
    top.className = 'lectern-handout-top';
    const thumb = document.createElement('div');
    thumb.className = 'lectern-thumb';
    lastPage.style.setProperty('page-break-after', 'auto', 'important');
    lastPage.style.setProperty('break-after', 'auto', 'important');
    thumb.appendChild(lastPage);
    const meta = document.createElement('div');
    meta.className = 'lectern-handout-meta';
    meta.textContent = `${group.slide >= 0 ? group.slide + 1 : '?'}/${total}`;
    const title = document.createElement('strong');
    title.textContent = group.slide >= 0 ? (input.slides[group.slide]?.title ?? '') : '';
    meta.appendChild(title);
    top.append(thumb, meta);
    page.appendChild(top);
    entries.push({ slide: group.slide, kind: 'handout' });
    pour(notes, newBody(page), group.slide, page);
  }
  return entries;
}

/**
 * Browser side: shows only the printed pages in [from, to) (all with no range) and returns how many pages there are.
 * Self-contained, like composePrintPages.
 */
export function showPrintPages(range: { from: number; to: number } | null): number {
  const pages = Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides > .pdf-page'));
  pages.forEach((page, index) => {
    if (!range || (index >= range.from && index < range.to)) page.style.removeProperty('display');
    else page.style.setProperty('display', 'none', 'important');
    // The last page of a part must not break after itself, or every part would end with a blank page.
    if (range && index === range.to - 1) page.dataset.lecternPartEnd = '';
    else delete page.dataset.lecternPartEnd;
  });
  return pages.length;
}
