/** PDF export: Reveal's print view in Chromium, printed in one go (long decks in parts), then metadata and bookmarks. */
import { writeFile } from 'node:fs/promises';
import { ExitCode, LecternError, type Warning } from '../errors.js';
import type { PreparedDeck } from '../pipeline.js';
import { writeFileAtomically } from '../site/atomic.js';
import { sourceFiles } from '../site/output-guard.js';
import { isolatedPage, withBrowser, type BrowserLaunch } from '../browser/launch.js';
import type { Browser } from '../browser/cdp/browser.js';
import type { Page } from '../browser/cdp/page.js';
import { openDeck } from '../browser/deck-page.js';
import { glyphWarnings } from '../browser/fonts.js';
import type { Bookmark } from './pdf-metadata.js';
import { composePrintPages, printPagesCss, showPrintPages, type PageEntry, type PrintMode } from './print-pages.js';
import { PAPER_SIZES, paperFor, type PaperName } from './paper.js';
import type { Progress } from '../cli/progress.js';
import { blockedWarnings, EXPORT_OPTIONS, stageSite, type StagedSite } from '../browser/stage.js';

export interface PdfOptions {
  mode: PrintMode;
  /** One page per fragment step. */
  fragments: boolean;
  /** The browser: one already launching, or `--browser`'s path (or none) to find and start one. */
  browser?: BrowserLaunch | string;
  progress?: Progress;
  /** Producer string written into the PDF. */
  producer?: string;
  /** Pages printed at a time in a long deck (default 250). */
  pagesPerPrint?: number;
  /** Overwrite an existing file that is not a PDF (never the source). */
  force?: boolean;
  /** Handout: the paper (default from the deck's language, see `paperFor`). */
  paper?: PaperName;
}

export interface PdfResult {
  pages: PageEntry[];
  bookmarks: Bookmark[];
  warnings: Warning[];
}

/** Exports the deck to `out` as PDF, written atomically. */
export async function exportPdf(prepared: PreparedDeck, out: string, options: PdfOptions): Promise<PdfResult> {
  const { deck } = prepared;
  const progress = options.progress;
  const site = await stageSite(
    prepared,
    { ...EXPORT_OPTIONS, pdfSeparateFragments: options.fragments, pdfMaxPagesPerSlide: 1, showSlideNumber: 'all' },
    printPagesCss(deck.meta.size),
  );
  try {
    const printed = await withBrowser(options.browser, async (browser) => {
      progress?.update(`laying out ${deck.slides.length} slides`);
      return printDeck(browser, site, prepared, options);
    });
    progress?.update(`printed ${printed.pages.length} pages`);
    const bookmarks = sectionBookmarks(prepared, printed.pages);
    const { finishPdf } = await pdfMetadata();
    const { bytes, pageCount } = await finishPdf(printed.pdf, deck, bookmarks, options.producer ?? 'Lectern');
    if (pageCount !== printed.pages.length) {
      throw new LecternError(`the browser printed ${pageCount} pages where ${printed.pages.length} were laid out`, {
        exitCode: ExitCode.browser,
        hint: 'a slide or notes page overflowed its page; please report it with the article',
      });
    }
    await writeFileAtomically(out, (temporary) => writeFile(temporary, bytes), { kind: 'pdf', force: options.force, protect: sourceFiles(deck.file) });
    return { pages: printed.pages, bookmarks, warnings: [...site.warnings, ...printed.warnings] };
  } finally {
    await site.dispose();
  }
}

async function printDeck(
  browser: Browser,
  site: StagedSite,
  prepared: PreparedDeck,
  options: PdfOptions,
): Promise<{ pdf: Uint8Array[]; pages: PageEntry[]; warnings: Warning[] }> {
  const { deck } = prepared;
  const { size } = deck.meta;
  const { page, blocked } = await isolatedPage(browser, { ...size, root: site.dir });
  const opening = openDeck(page, site.url('?print-pdf'), true);
  // pdf-lib takes a while to load: load it while the browser lays the deck out.
  pdfMetadata().catch(() => undefined);
  await opening;
  const warnings = await glyphWarnings(page, deck.file);
  const paper = options.mode === 'handout' ? PAPER_SIZES[options.paper ?? paperFor(deck.meta.lang)] : undefined;
  const pages = await page.evaluate(composePrintPages, {
    mode: options.mode,
    slides: deck.slides.map((slide) => ({ id: slide.id, title: slide.title ?? '', notes: slide.notes })),
    lang: deck.meta.lang,
    dir: deck.meta.dir,
    labels: deck.meta.labels,
    pageHeight: size.height,
    title: deck.meta.title,
    ...(paper ? { paper } : {}),
  });
  const pdf = await printInParts(page, pages.length, paper ?? size, options);
  warnings.push(...blockedWarnings(blocked, deck.file));
  return { pdf, pages, warnings };
}

/**
 * Chromium's print time grows with the square of the page count (300 pages: 0.8 s; 1,200: 6.5 s; 2,800: about a
 * minute), so a long deck is printed a part at a time, with the other pages hidden, and the parts are joined after.
 */
const PAGES_PER_PRINT = 250;

async function printInParts(page: Page, expected: number, size: { width: number; height: number }, options: PdfOptions): Promise<Uint8Array[]> {
  const { progress, pagesPerPrint = PAGES_PER_PRINT } = options;
  const total = await page.evaluate(showPrintPages, null);
  if (total !== expected || total <= pagesPerPrint * 1.5) {
    progress?.update(`printing ${expected} pages`);
    return [await page.printToPDF(size)];
  }
  const parts: Uint8Array[] = [];
  for (let from = 0; from < total; from += pagesPerPrint) {
    const to = Math.min(total, from + pagesPerPrint);
    progress?.update(`printing pages ${from + 1}–${to} of ${total}`);
    await page.evaluate(showPrintPages, { from, to });
    parts.push(await page.printToPDF(size));
  }
  await page.evaluate(showPrintPages, null);
  return parts;
}

let metadataModule: Promise<typeof import('./pdf-metadata.js')> | undefined;

/** The pdf-lib side, loaded once and only when a PDF is made. */
function pdfMetadata(): Promise<typeof import('./pdf-metadata.js')> {
  return (metadataModule ??= import('./pdf-metadata.js'));
}

/** One bookmark per deck section, at the first page of the section's first slide (a handout page shows several). */
export function sectionBookmarks(prepared: PreparedDeck, pages: PageEntry[]): Bookmark[] {
  return prepared.deck.sections.map((section) => ({
    title: section.title,
    page: pages.findIndex((entry) => entry.slide === section.slideIndex || entry.slides?.includes(section.slideIndex) === true),
  }));
}
