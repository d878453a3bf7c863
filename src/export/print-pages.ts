/**
 * Notes and handout pages, composed inside Reveal's print view. `composePrintPages` runs in the browser (it is passed
 * to page.evaluate), so it must stay self-contained: no imports or helpers from outside its body.
 */

import type { SlideSize } from '../slide-size.js';

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
  /** The deck's title, in the handout's header. */
  title: string;
  /** Handout: the paper in CSS px (portrait). */
  paper?: { width: number; height: number; css: string };
}

/** One printed page: the slide it belongs to (-1 when unknown) and what it shows. */
export interface PageEntry {
  slide: number;
  kind: 'slide' | 'notes' | 'handout';
  /** Handout: every slide shown on the page. */
  slides?: number[];
}

/** Rules for the composed pages of a deck of `size`; they win over the theme because they are more specific. */
export function printPagesCss(size: SlideSize): string {
  return `
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
html.reveal-print .reveal .slides .lectern-handout-page { padding: 30px 40px 26px; gap: 10px; }
html.reveal-print .reveal .slides .lectern-handout-header,
html.reveal-print .reveal .slides .lectern-handout-footer {
  flex: none; font-size: 11px; line-height: 1.3; color: #5b6270; white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
}
html.reveal-print .reveal .slides .lectern-handout-header { border-bottom: 1px solid #d0d4da; padding-bottom: 5px; font-weight: 600; }
html.reveal-print .reveal .slides .lectern-handout-footer { border-top: 1px solid #d0d4da; padding-top: 5px; text-align: center; }
html.reveal-print .reveal .slides .lectern-handout-rows { flex: 1 1 auto; min-height: 0; display: flex; flex-direction: column; gap: 16px; }
html.reveal-print .reveal .slides .lectern-handout-row { flex: none; height: 280px; display: flex; gap: 16px; }
html.reveal-print .reveal .slides .lectern-handout-side { flex: 1 1 0; min-width: 0; display: flex; flex-direction: column; gap: 4px; }
html.reveal-print .reveal .slides .lectern-handout-label { flex: none; font-size: 10px; line-height: 1.3; color: #5b6270; }
html.reveal-print .reveal .slides .lectern-handout-page .lectern-notes { font-size: 11px; line-height: 1.4; }
html.reveal-print .reveal .slides .lectern-handout-page .lectern-notes p { line-height: 1.4; margin-bottom: 0.45em; }
html.reveal-print .reveal .slides .lectern-handout-lines > div { height: 21px; border-bottom: 1px solid #c9ced6; }
html.reveal-print .reveal .slides .lectern-thumb {
  flex: none; position: relative; width: 384px; height: ${Math.round((size.height * 384) / size.width)}px; overflow: hidden; outline: 1px solid #d0d4da;
  /* The slide inherits from .reveal, not from the white notes page around it. */
  font-size: var(--r-main-font-size, 40px); color: var(--r-main-color, inherit); font-family: var(--r-main-font, inherit);
}
/* zoom, not transform: printing splits pages by the unscaled layout box, which would cut a transformed slide. */
html.reveal-print .reveal .slides .lectern-thumb > .pdf-page { position: absolute; top: 0; left: 0; width: ${size.width}px; zoom: ${384 / size.width}; }
`;
}

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
  // The deck's language as its author wrote it; a tag ICU refuses (`zh - Tide.`) splits words as the browser would.
  const segmenter = ((): Intl.Segmenter => {
    try {
      return new Intl.Segmenter(input.lang || undefined, { granularity: 'word' });
    } catch {
      return new Intl.Segmenter(undefined, { granularity: 'word' });
    }
  })();
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

  /** Pours paragraphs into `first`, then into each body `next()` makes (split between words), until all are placed. */
  const pour = (paragraphs: string[], first: HTMLElement, next: () => HTMLElement, wholeSentences = false): void => {
    let body = first;
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
      // A handout row ends at the last sentence end that fits, when there is one: the reader's eye jumps from a row
      // beside a slide to a row below it, better between sentences.
      if (wholeSentences && fits < parts.length) {
        let end = fits;
        while (end > 0 && !/[.!?\u3002\uff01\uff1f]["'\u201d\u2019)]*$/u.test((parts[end - 1] ?? '').trim() || (parts[end - 2] ?? ''))) end -= 1;
        if (end > 0) fits = end;
      }
      // A fresh body always takes at least one word, so the loop always moves on.
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
      body = next();
    }
  };

  if (input.mode === 'notes') {
    for (const group of groups) {
      const notes = group.slide >= 0 ? (input.slides[group.slide]?.notes ?? []) : [];
      for (const _page of group.pages) entries.push({ slide: group.slide, kind: 'slide' });
      if (notes.length === 0) continue;
      let anchor: Element = group.pages[group.pages.length - 1] as HTMLElement;
      const notesPage = (continued: boolean): HTMLElement => {
        const page = newPage('notes');
        header(page, group.slide, continued);
        anchor.after(page);
        anchor = page;
        entries.push({ slide: group.slide, kind: 'notes' });
        return newBody(page);
      };
      pour(notes, notesPage(false), () => notesPage(true));
    }
    return entries;
  }

  // Handout: portrait paper, three rows a page; each row is the slide (every fragment shown, reduced) with its notes
  // beside it, or ruled lines for the reader's own. Notes too long for their row go on in full-width rows after it.
  const paper = input.paper ?? { width: input.pageHeight, height: input.pageHeight, css: `${input.pageHeight}px` };
  document.body.style.width = `${paper.width}px`;
  document.body.style.height = 'auto';
  // Reveal's print view sized the paper to the slide; the last @page rule wins.
  const pageRule = document.createElement('style');
  pageRule.textContent = `@page { size: ${paper.css}; margin: 0; }`;
  document.head.appendChild(pageRule);
  const rowsPerPage = 3;
  const pages: Array<{ first: number; rows: HTMLElement; slides: number[]; footer: HTMLElement }> = [];
  let rowsOnPage = rowsPerPage;
  let current = -1;
  /** As PRINT_PAGES_CSS sets them: the gap between rows and the reduced slide's height. */
  const rowGap = 16;
  const thumbHeight = 280;
  let rowHeight: number | undefined;
  const newRow = (): HTMLElement => {
    if (rowsOnPage === rowsPerPage) {
      const element = newPage('handout');
      element.style.height = `${Math.floor(paper.height) - 1}px`;
      element.style.width = `${Math.floor(paper.width)}px`;
      const top = document.createElement('header');
      top.className = 'lectern-handout-header';
      const title = document.createElement('span');
      title.dir = 'auto';
      title.textContent = input.title;
      top.appendChild(title);
      const rows = document.createElement('div');
      rows.className = 'lectern-handout-rows';
      const footer = document.createElement('footer');
      footer.className = 'lectern-handout-footer';
      footer.dir = 'ltr';
      element.append(top, rows, footer);
      container.appendChild(element);
      pages.push({ first: current, rows, slides: [], footer });
      rowsOnPage = 0;
    }
    rowsOnPage += 1;
    const row = document.createElement('div');
    row.className = 'lectern-handout-row';
    const { rows } = pages[pages.length - 1] as (typeof pages)[number];
    // Rows share the page's height, whatever the paper; a row is never lower than its slide.
    rowHeight ??= Math.max(thumbHeight, Math.floor((rows.clientHeight - (rowsPerPage - 1) * rowGap) / rowsPerPage));
    row.style.height = `${rowHeight}px`;
    rows.appendChild(row);
    return row;
  };
  const label = (slide: number, continued: boolean): HTMLElement => {
    const element = document.createElement('div');
    element.className = 'lectern-handout-label';
    element.dir = 'ltr';
    element.textContent = `Slide ${slide >= 0 ? slide + 1 : '?'}/${total} · notes${continued ? ' (continued)' : ''}`;
    return element;
  };
  for (const group of groups) {
    const notes = group.slide >= 0 ? (input.slides[group.slide]?.notes ?? []) : [];
    const lastPage = group.pages[group.pages.length - 1] as HTMLElement;
    for (const extra of group.pages.slice(0, -1)) extra.remove();
    current = group.slide;
    const row = newRow();
    (pages[pages.length - 1] as (typeof pages)[number]).slides.push(group.slide);
    const thumb = document.createElement('div');
    thumb.className = 'lectern-thumb';
    lastPage.style.setProperty('page-break-after', 'auto', 'important');
    lastPage.style.setProperty('break-after', 'auto', 'important');
    thumb.appendChild(lastPage);
    const side = document.createElement('div');
    side.className = 'lectern-handout-side';
    side.appendChild(label(group.slide, false));
    const body = newBody(side);
    row.append(thumb, side);
    if (notes.some((text) => text.trim().length > 0)) {
      pour(
        notes,
        body,
        () => {
          const more = newRow();
          more.classList.add('lectern-handout-continued');
          const wide = document.createElement('div');
          wide.className = 'lectern-handout-side';
          wide.appendChild(label(group.slide, true));
          more.appendChild(wide);
          return newBody(wide);
        },
        true,
      );
    } else {
      body.classList.add('lectern-handout-lines');
      const lines = Math.max(1, Math.floor(body.clientHeight / 21));
      for (let line = 0; line < lines; line++) body.appendChild(document.createElement('div'));
    }
  }
  pages.forEach((page, index) => {
    page.footer.textContent = `Page ${index + 1} of ${pages.length}`;
    entries.push({ slide: page.slides[0] ?? page.first, kind: 'handout', slides: page.slides });
  });
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
