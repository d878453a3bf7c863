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
import { PrintedParts, type Bookmark } from './pdf-finish.js';
import { composePrintPages, printPagesCss, showPrintPages, type PageEntry, type PrintMode } from './print-pages.js';
import { PAPER_SIZES, paperFor, type PaperName } from './paper.js';
import type { Progress } from '../cli/progress.js';
import { blockedWarnings, EXPORT_OPTIONS, stageSite, type StagedSite } from '../browser/stage.js';
import { hasSpareCore } from '../browser/cores.js';

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
  /**
   * Tabs that print parts at once (internal: tests force 1 or 2). By default two for a deck of at least
   * `PARALLEL_FROM_PAGES` slides while a core is idle, else one. The parts, and so the bytes of the PDF, never
   * depend on it.
   */
  printTabs?: number;
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
  // Staged while the browser opens the tabs that will print it.
  const staging = stageSite(
    prepared,
    { ...EXPORT_OPTIONS, pdfSeparateFragments: options.fragments, pdfMaxPagesPerSlide: 1, showSlideNumber: 'all' },
    printPagesCss(deck.meta.size),
  );
  staging.catch(() => undefined);
  try {
    const printed = await withBrowser(options.browser, async (browser) => {
      progress?.update(`laying out ${deck.slides.length} slides`);
      return printDeck(browser, staging, prepared, options);
    }).catch(async (error: unknown) => {
      // A deck that could not be staged is reported as that, not as the browser's failure.
      throw await staging.then(
        () => error,
        (stagingError: unknown) => stagingError,
      );
    });
    const site = await staging;
    progress?.update(`printed ${printed.pages.length} pages`);
    const bookmarks = sectionBookmarks(prepared, printed.pages);
    const { bytes, pageCount } = await printed.parts.finish(deck, bookmarks, options.producer ?? 'Lectern');
    if (pageCount !== printed.pages.length) {
      throw new LecternError(`the browser printed ${pageCount} pages where ${printed.pages.length} were laid out`, {
        exitCode: ExitCode.browser,
        hint: 'a slide or notes page overflowed its page; please report it with the article',
      });
    }
    await writeFileAtomically(out, (temporary) => writeFile(temporary, bytes), { kind: 'pdf', force: options.force, protect: sourceFiles(deck.file) });
    return { pages: printed.pages, bookmarks, warnings: [...site.warnings, ...printed.warnings] };
  } finally {
    await staging.then(
      (site) => site.dispose(),
      () => undefined,
    );
  }
}

async function printDeck(
  browser: Browser,
  staging: Promise<StagedSite>,
  prepared: PreparedDeck,
  options: PdfOptions,
): Promise<{ parts: PrintedParts; pages: PageEntry[]; warnings: Warning[] }> {
  const { deck } = prepared;
  const { size } = deck.meta;
  const paper = options.mode === 'handout' ? PAPER_SIZES[options.paper ?? paperFor(deck.meta.lang)] : undefined;
  const compose = {
    mode: options.mode,
    slides: deck.slides.map((slide) => ({ id: slide.id, title: slide.title ?? '', notes: slide.notes })),
    lang: deck.meta.lang,
    dir: deck.meta.dir,
    labels: deck.meta.labels,
    pageHeight: size.height,
    title: deck.meta.title,
    ...(paper ? { paper } : {}),
  };
  // Every tab lays out the whole deck (each in its own renderer process, so on its own core), then prints its parts.
  // The tabs are asked for before the deck is staged: making one takes the browser about 100 ms.
  const opening = Array.from({ length: printTabs(deck.slides.length, options, browser.processInfo.pid) }, () => browser.newPage());
  for (const page of opening) page.catch(() => undefined);
  const site = await staging;
  const tabs = await Promise.all(
    opening.map(async (opened) => {
      const { page, blocked } = await isolatedPage(browser, { ...size, root: site.dir, page: opened });
      await openDeck(page, site.url('?print-pdf'), true);
      const pages = await page.evaluate(composePrintPages, compose);
      return { page, blocked, pages };
    }),
  );
  const [first, ...others] = tabs;
  if (!first) throw new Error('no tab to print in');
  if (others.some((tab) => tab.pages.length !== first.pages.length)) {
    throw new LecternError('the deck was laid out differently in two tabs', {
      exitCode: ExitCode.browser,
      hint: 'run again with --debug, and please report it with the article',
    });
  }
  // Looked for in the first tab that has printed its parts: while another tab still prints, or Node reads the last
  // part (only the text counts, not which pages show). After printing, it took 70-140 ms of a 278-slide export.
  const firstDone = deferred<Page>();
  const glyphs = firstDone.promise.then((page) => glyphWarnings(page, deck.file));
  // Awaited below, unless printing fails first.
  glyphs.catch(() => undefined);
  const parts = await printParts(
    tabs.map((tab) => tab.page),
    first.pages.length,
    paper ?? size,
    options,
    firstDone.resolve,
  );
  const warnings = await glyphs;
  warnings.push(...blockedWarnings([...new Set(tabs.flatMap((tab) => tab.blocked))], deck.file));
  return { parts, pages: first.pages, warnings };
}

/**
 * Chromium's print time grows with the square of the page count (300 pages: 0.8 s; 1,200: 6.5 s; 2,800: about a
 * minute), so a long deck is printed a part at a time, with the other pages hidden, and the parts are joined after.
 */
const PAGES_PER_PRINT = 250;

/**
 * From this many pages a second tab prints half of the parts. It lays the whole deck out again, in its own renderer
 * process, so it pays off only when printing is the larger part of the work and a core is idle. Measured on two idle
 * cores, once the print view laid the deck out once instead of three times: 155 slides no faster (two parts of 78),
 * 278 slides 8 % faster; on two cores shared with other work, no faster at any size (see bench/profiles.md).
 */
export const PARALLEL_FROM_PAGES = 250;

/** How many tabs print: `printTabs` if given, else two for a long deck when a core is spare. */
function printTabs(slides: number, options: PdfOptions, browserPid: number | undefined): number {
  if (options.printTabs !== undefined) return Math.max(1, Math.floor(options.printTabs));
  return slides >= PARALLEL_FROM_PAGES && hasSpareCore(browserPid) ? 2 : 1;
}

/**
 * The page ranges printed one at a time: one print up to 0.6 × `pagesPerPrint` pages (150), else at least two parts,
 * of near-equal size of at most `pagesPerPrint`. A print costs less per page the fewer pages it holds (Chromium lays
 * the printed pages out again, and each page's paint walks them all), and a part is read while the next one prints:
 * 282 pages printed as two parts took about a quarter less of the browser's time than as one. Depends only on the page
 * count, so the PDF is the same however many tabs print it.
 */
export function printPlan(total: number, pagesPerPrint = PAGES_PER_PRINT): Array<{ from: number; to: number }> {
  const count = total > pagesPerPrint * 0.6 ? Math.max(2, Math.ceil(total / pagesPerPrint)) : 1;
  return Array.from({ length: count }, (_part, index) => ({
    from: Math.floor((index * total) / count),
    to: Math.floor(((index + 1) * total) / count),
  }));
}

/**
 * Prints the plan's parts, each tab taking the next part when it is free. The parts are joined in page order as they
 * come, while the browser prints the next ones: Node has nothing else to do meanwhile. `whenDone` is called with each
 * tab as soon as it has nothing left to print.
 */
async function printParts(
  pages: Page[],
  expected: number,
  size: { width: number; height: number },
  options: PdfOptions,
  whenDone: (page: Page) => void,
): Promise<PrintedParts> {
  const { progress } = options;
  const [first] = pages;
  if (!first) throw new Error('no tab to print in');
  const joined = new PrintedParts();
  const totals = await Promise.all(pages.map((page) => page.evaluate(showPrintPages, null)));
  const total = totals[0] ?? 0;
  const plan = printPlan(total, options.pagesPerPrint);
  if (total !== expected || totals.some((count) => count !== total) || plan.length === 1) {
    progress?.update(`printing ${expected} pages`);
    const pdf = await first.printToPDF(size);
    whenDone(first);
    joined.add(pdf);
    return joined;
  }
  const parts = plan.map(() => deferred<Uint8Array>());
  // Joined in page order, each part as soon as it and those before it are printed.
  const joining = (async () => {
    for (const part of parts) joined.add(await part.promise);
  })();
  // Awaited once every part is printed, unless printing fails first.
  joining.catch(() => undefined);
  let next = 0;
  let printed = 0;
  await Promise.all(
    pages.map(async (page) => {
      // A part is handed over to be joined only once the tab's next print is asked for, so joining it never holds
      // that request back.
      let handOver = (): void => undefined;
      for (let index = next++; index < plan.length; index = next++) {
        const range = plan[index]!;
        await page.evaluate(showPrintPages, range);
        const printing = page.printToPDF(size);
        handOver();
        const pdf = await printing;
        handOver = () => parts[index]!.resolve(pdf);
        printed += range.to - range.from;
        progress?.update(`printed ${printed} of ${total} pages`);
      }
      whenDone(page);
      handOver();
    }),
  );
  await joining;
  return joined;
}

/** A promise with its resolve function. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}

/** One bookmark per deck section, at the first page of the section's first slide (a handout page shows several). */
export function sectionBookmarks(prepared: PreparedDeck, pages: PageEntry[]): Bookmark[] {
  return prepared.deck.sections.map((section) => ({
    title: section.title,
    page: pages.findIndex((entry) => entry.slide === section.slideIndex || entry.slides?.includes(section.slideIndex) === true),
  }));
}
