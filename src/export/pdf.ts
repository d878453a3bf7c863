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
import { glyphWarningsFrom, missingGlyphs, type MissingCharacter } from '../browser/fonts.js';
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
   * Tabs that print parts at once (internal: tests force 1 or 2). By default two while a core is idle, for slides
   * printed in two parts or more (each tab then lays out only its own), or for other pages from `PARALLEL_FROM_PAGES`;
   * else one. The parts, and so the bytes of the PDF, never depend on it.
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
  /** Tabs that each laid out only the slides they printed; 0 when every tab laid out the whole deck. */
  slicedTabs: number;
}

/** Exports the deck to `out` as PDF, written atomically. */
export async function exportPdf(prepared: PreparedDeck, out: string, options: PdfOptions): Promise<PdfResult> {
  const { deck } = prepared;
  const progress = options.progress;
  const slices = sliceSlides(deck.slides.length, options);
  // Staged while the browser opens the tabs that will print it.
  const staging = stageSite(
    prepared,
    { ...EXPORT_OPTIONS, pdfSeparateFragments: options.fragments, pdfMaxPagesPerSlide: 1, showSlideNumber: 'all' },
    printPagesCss(deck.meta.size),
    slices.map((slice) => slice.slides),
  );
  staging.catch(() => undefined);
  try {
    const printed = await withBrowser(options.browser, async (browser) => {
      progress?.update(`laying out ${deck.slides.length} slides`);
      return printDeck(browser, staging, slices, prepared, options);
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
    // The browser is ending meanwhile: joining the last part needs only what it printed.
    const parts = await printed.parts;
    const { bytes, pageCount } = await parts.finish(deck, bookmarks, options.producer ?? 'Lectern');
    if (pageCount !== printed.pages.length) {
      throw new LecternError(`the browser printed ${pageCount} pages where ${printed.pages.length} were laid out`, {
        exitCode: ExitCode.browser,
        hint: 'a slide or notes page overflowed its page; please report it with the article',
      });
    }
    await writeFileAtomically(out, (temporary) => writeFile(temporary, bytes), { kind: 'pdf', force: options.force, protect: sourceFiles(deck.file) });
    return { pages: printed.pages, bookmarks, warnings: [...site.warnings, ...printed.warnings], slicedTabs: printed.slicedTabs };
  } finally {
    await staging.then(
      (site) => site.dispose(),
      () => undefined,
    );
  }
}

/** What the tabs printed: the parts, joined once the last is, every page in order, and what they warn of. */
interface PrintedDeck {
  parts: Promise<PrintedParts>;
  pages: PageEntry[];
  warnings: Warning[];
  /** Tabs that laid out only their own slides; 0 when each laid out the whole deck. */
  slicedTabs: number;
}

/** A page range printed at once, and its place in the print plan. */
interface PrintJob {
  part: number;
  /** Pages [from, to) of the tab's own page. */
  range: { from: number; to: number };
}

/** An export tab: its page, the requests it refused, and the print pages laid out in it. */
interface PrintTab {
  page: Page;
  blocked: string[];
  pages: PageEntry[];
}

/**
 * A run of slides one tab prints from a page holding only them, and the parts of the print plan it prints. Only when
 * each slide is one printed page (slides mode, no fragment pages) are the parts known before the deck is laid out.
 */
interface Slice {
  slides: { from: number; to: number };
  parts: Array<{ from: number; to: number }>;
}

/**
 * How a long deck is shared between tabs that each lay out only their own slides: a run of whole parts of the print
 * plan each (the plan, and so the PDF's bytes, never depends on the tabs). None for one tab, one part, or pages that
 * cannot be counted before the layout.
 */
export function sliceSlides(slides: number, options: Pick<PdfOptions, 'mode' | 'fragments' | 'printTabs' | 'pagesPerPrint'>): Slice[] {
  if (options.mode !== 'slides' || options.fragments) return [];
  const plan = printPlan(slides, options.pagesPerPrint);
  const tabs = Math.min(plan.length, tabsFor(slides, options));
  if (tabs < 2) return [];
  return Array.from({ length: tabs }, (_tab, index) => {
    const parts = plan.slice(Math.floor((index * plan.length) / tabs), Math.floor(((index + 1) * plan.length) / tabs));
    return { slides: { from: parts[0]!.from, to: parts.at(-1)!.to }, parts };
  });
}

async function printDeck(browser: Browser, staging: Promise<StagedSite>, slices: Slice[], prepared: PreparedDeck, options: PdfOptions): Promise<PrintedDeck> {
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
  // The tabs are asked for before the deck is staged: making one takes the browser about 100 ms. Each is its own
  // renderer process, so on its own core.
  const tabCount = printTabs(deck.slides.length, options, browser.processInfo.pid);
  const opening = Array.from({ length: tabCount }, () => browser.newPage());
  for (const page of opening) page.catch(() => undefined);
  const site = await staging;
  const isolated = opening.map((page) => isolatedPage(browser, { ...size, root: site.dir, page }));
  const load = (url: (index: number) => string): Promise<PrintTab[]> =>
    Promise.all(
      isolated.map(async (tab, index) => {
        const { page, blocked } = await tab;
        await openDeck(page, url(index), true);
        return { page, blocked, pages: await page.evaluate(composePrintPages, compose) };
      }),
    );
  const whole = async (): Promise<PrintedDeck> => printWholeDeck(await load(() => site.url('?print-pdf')), paper ?? size, deck.file, options);
  if (slices.length < 2 || slices.length !== tabCount) return whole();
  // Each tab lays out only its own slides.
  const tabs = await load((index) => site.sliceUrl(index, `?print-pdf&slide-numbers-from=${slices[index]!.slides.from + 1}`));
  if (tabs.every((tab, index) => laidOutAsSliced(tab.pages, slices[index]!))) return printSlices(tabs, slices, size, deck.file, options);
  // A template that makes more than one page of a slide: every tab lays out the whole deck after all.
  return whole();
}

/** Whether a tab's pages are its slice's slides, one page each, in order. */
function laidOutAsSliced(pages: PageEntry[], slice: Slice): boolean {
  return pages.length === slice.slides.to - slice.slides.from && pages.every((entry, index) => entry.slide === slice.slides.from + index);
}

/** Every tab lays out the whole deck, then prints the next part of the plan whenever it is free. */
async function printWholeDeck(tabs: PrintTab[], size: { width: number; height: number }, file: string, options: PdfOptions): Promise<PrintedDeck> {
  const [first, ...others] = tabs;
  if (!first) throw new Error('no tab to print in');
  if (others.some((tab) => tab.pages.length !== first.pages.length)) {
    throw new LecternError('the deck was laid out differently in two tabs', {
      exitCode: ExitCode.browser,
      hint: 'run again with --debug, and please report it with the article',
    });
  }
  const expected = first.pages.length;
  const totals = await Promise.all(tabs.map((tab) => tab.page.evaluate(showPrintPages, null)));
  const total = totals[0] ?? 0;
  const plan = printPlan(total, options.pagesPerPrint);
  if (total !== expected || totals.some((count) => count !== total) || plan.length === 1) {
    options.progress?.update(`printing ${expected} pages`);
    const printed = await first.page.printToPDF(size);
    const glyphs = missingGlyphs(first.page);
    // Read while the browser looks for missing glyphs.
    const joined = whenIdle(() => {
      const parts = new PrintedParts();
      parts.add(printed);
      return parts;
    });
    const warnings = glyphWarningsFrom([await glyphs], file);
    return { parts: joined, pages: first.pages, warnings: [...warnings, ...refused(tabs, file)], slicedTabs: 0 };
  }
  // Looked for in the first tab that has printed its parts: while another tab still prints, or Node reads the last
  // part (only the text counts, not which pages show). After printing, it took 70-140 ms of a 278-slide export.
  let glyphs: Promise<MissingCharacter[]> | undefined;
  const lookForGlyphs = (page: Page): Promise<MissingCharacter[]> => {
    const found = missingGlyphs(page);
    // Awaited below, unless printing fails first.
    found.catch(() => undefined);
    return found;
  };
  let next = 0;
  const { joined } = await printParts(
    tabs.map((tab) => ({
      page: tab.page,
      next: () => {
        const part = next++;
        return part < plan.length ? { part, range: plan[part]! } : undefined;
      },
      done: () => (glyphs ??= lookForGlyphs(tab.page)),
    })),
    plan,
    size,
    options,
  );
  const warnings = glyphWarningsFrom([await glyphs!], file);
  return { parts: joined, pages: first.pages, warnings: [...warnings, ...refused(tabs, file)], slicedTabs: 0 };
}

/** Each tab prints the parts of its own slice; their pages, and the characters they lack a font for, follow in order. */
async function printSlices(
  tabs: PrintTab[],
  slices: Slice[],
  size: { width: number; height: number },
  file: string,
  options: PdfOptions,
): Promise<PrintedDeck> {
  const plan = slices.flatMap((slice) => slice.parts);
  // Each tab looks in its own slides once it has printed them.
  const glyphs = tabs.map(() => deferred<Page>());
  const found = Promise.all(glyphs.map((done) => done.promise.then(missingGlyphs)));
  // Awaited below, unless printing fails first.
  found.catch(() => undefined);
  let part = 0;
  const { joined } = await printParts(
    tabs.map((tab, index) => {
      const slice = slices[index]!;
      const jobs = slice.parts.map((range) => ({ part: part++, range: { from: range.from - slice.slides.from, to: range.to - slice.slides.from } }));
      return { page: tab.page, next: () => jobs.shift(), done: () => glyphs[index]!.resolve(tab.page) };
    }),
    plan,
    size,
    options,
  );
  const warnings = glyphWarningsFrom(await found, file);
  return { parts: joined, pages: tabs.flatMap((tab) => tab.pages), warnings: [...warnings, ...refused(tabs, file)], slicedTabs: tabs.length };
}

/** One warning per request any tab refused. */
function refused(tabs: PrintTab[], file: string): Warning[] {
  return blockedWarnings([...new Set(tabs.flatMap((tab) => tab.blocked))], file);
}

/**
 * Chromium's print time grows with the square of the page count (300 pages: 0.8 s; 1,200: 6.5 s; 2,800: about a
 * minute), so a long deck is printed a part at a time, with the other pages hidden, and the parts are joined after.
 */
const PAGES_PER_PRINT = 250;

/**
 * From this many pages a second tab that lays the whole deck out again prints half of the parts, in its own renderer
 * process. It pays off only when printing is the larger part of the work and a core is idle. Measured on two idle
 * cores: 155 slides no faster (two parts of 78), 278 slides 8 % faster; on two cores shared with other work, no faster
 * at any size (see bench/profiles.md).
 */
export const PARALLEL_FROM_PAGES = 250;

/**
 * How many tabs print a deck of `slides` when a core is spare: `printTabs` if given, else two for a long deck. Tabs
 * that each lay out only their own slides (`sliceSlides`) pay off as soon as the plan has two parts to share: 167
 * slides 1.03 s against 1.11 s in one tab, 195 slides 1.01 against 1.10 s (medians of 9 and 7, browser start included).
 */
function tabsFor(slides: number, options: Pick<PdfOptions, 'mode' | 'fragments' | 'printTabs' | 'pagesPerPrint'>): number {
  if (options.printTabs !== undefined) return Math.max(1, Math.floor(options.printTabs));
  if (options.mode === 'slides' && !options.fragments) return printPlan(slides, options.pagesPerPrint).length >= 2 ? 2 : 1;
  return slides >= PARALLEL_FROM_PAGES ? 2 : 1;
}

/** How many tabs print: as `tabsFor`, but one when no core is spare (unless `printTabs` says). */
function printTabs(slides: number, options: PdfOptions, browserPid: number | undefined): number {
  const tabs = tabsFor(slides, options);
  return tabs > 1 && options.printTabs === undefined && !hasSpareCore(browserPid) ? 1 : tabs;
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

/** A tab printing parts: `next` gives the part it prints next (none when it is done), `done` is called then. */
interface PrintingTab {
  page: Page;
  next(): PrintJob | undefined;
  done(): void;
}

/**
 * Prints every part of the plan, each tab taking the parts `next` gives it, and resolves once all are printed, with
 * their join. The parts are joined in page order as they come, while the browser prints the next ones: Node has nothing
 * else to do meanwhile. The last part's join goes on while the browser ends.
 */
async function printParts(
  tabs: PrintingTab[],
  plan: Array<{ from: number; to: number }>,
  size: { width: number; height: number },
  options: PdfOptions,
): Promise<{ joined: Promise<PrintedParts> }> {
  const { progress } = options;
  const total = plan.at(-1)?.to ?? 0;
  const joined = new PrintedParts();
  const parts = plan.map(() => deferred<Uint8Array>());
  // Joined in page order, each part as soon as it and those before it are printed.
  const joining = (async () => {
    for (const part of parts) joined.add(await part.promise);
    return joined;
  })();
  // Awaited once every part is printed, unless printing fails first.
  joining.catch(() => undefined);
  let printed = 0;
  await Promise.all(
    tabs.map(async (tab) => {
      // A part is handed over to be joined only once the tab's next print is asked for, so joining it never holds
      // that request back.
      let handOver = (): void => undefined;
      for (let job = tab.next(); job; job = tab.next()) {
        const { part, range } = job;
        await tab.page.evaluate(showPrintPages, range);
        const printing = tab.page.printToPDF(size);
        handOver();
        const pdf = await printing;
        handOver = () => parts[part]!.resolve(pdf);
        printed += range.to - range.from;
        progress?.update(`printed ${printed} of ${total} pages`);
      }
      tab.done();
      handOver();
    }),
  );
  return { joined: joining };
}

/** `work` run once the event loop has handled what is waiting (a reply from the browser); its result, or its error. */
function whenIdle<T>(work: () => T): Promise<T> {
  const result = new Promise<T>((resolve, reject) =>
    setImmediate(() => {
      try {
        resolve(work());
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    }),
  );
  // Awaited by the caller, unless something fails first.
  result.catch(() => undefined);
  return result;
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
