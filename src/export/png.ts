/** PNG export: one image per slide, cut from Reveal's print view so it matches the PDF (every fragment shown). */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ExitCode, LecternError, type Warning } from '../errors.js';
import type { PreparedDeck } from '../pipeline.js';
import { writeDirectoryAtomically } from '../site/atomic.js';
import { sourceFiles } from '../site/output-guard.js';
import { isolatedPage, withBrowser, type BrowserLaunch } from '../browser/launch.js';
import { openDeck } from '../browser/deck-page.js';
import { glyphWarningsFrom, missingGlyphs } from '../browser/fonts.js';
import type { Progress } from '../cli/progress.js';
import { blockedWarnings, EXPORT_OPTIONS, stageSite } from '../browser/stage.js';
import { hasSpareCore } from '../browser/cores.js';

export interface PngOptions {
  /** Device pixels per slide pixel. */
  scale: number;
  /** 0-based slide indexes to export; all when undefined. */
  slides?: number[];
  /** The browser: one already launching, or `--browser`'s path (or none) to find and start one. */
  browser?: BrowserLaunch | string;
  progress?: Progress;
  /** Replace an output folder Lectern cannot tell it wrote. */
  force?: boolean;
  /** Tabs taking screenshots at once (internal: tests force 1 or 2); by default two from `PARALLEL_FROM_SLIDES` images while a core is idle. */
  tabs?: number;
}

/**
 * From this many images a second tab takes half of the screenshots, when a core is idle. Measured on two cores when
 * each tab laid out the whole deck (a 282-slide deck, scale 2): 80 images 23–28 s in one tab, 17–22 s in two; 10 and
 * 30 images no clear difference.
 */
export const PARALLEL_FROM_SLIDES = 40;

export interface PngResult {
  files: string[];
  width: number;
  height: number;
  warnings: Warning[];
  /** Slides each tab laid out: those from its first image's to its last's, not the whole deck. */
  tabSlides: number[];
}

/** `3-5,8` → [2, 3, 4, 7] (0-based, sorted, unique); a usage error when out of 1..count. */
export function parseSlideRange(text: string, count: number): number[] {
  const picked = new Set<number>();
  for (const part of text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)) {
    const match = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(part);
    const first = match ? Number(match[1]) : NaN;
    const last = match?.[2] !== undefined ? Number(match[2]) : first;
    if (!match || first < 1 || last > count || first > last) {
      throw new LecternError(`--slides: \`${part}\` is not a slide number or range within 1-${count}`, {
        exitCode: ExitCode.usage,
        hint: 'use 1-based numbers, ranges and commas, e.g. 3-5,8',
      });
    }
    for (let slide = first; slide <= last; slide++) picked.add(slide - 1);
  }
  if (picked.size === 0) throw new LecternError('--slides names no slides', { exitCode: ExitCode.usage });
  return [...picked].sort((a, b) => a - b);
}

/** File name for a slide: `001.png`, wider when the deck has 1000 slides or more. */
export function pngName(index: number, count: number): string {
  return `${String(index + 1).padStart(Math.max(3, String(count).length), '0')}.png`;
}

/** Writes the chosen slides as PNG files into `outDir`, replacing it only when every image is written. */
export async function exportPng(prepared: PreparedDeck, outDir: string, options: PngOptions): Promise<PngResult> {
  const { deck } = prepared;
  const { width, height } = deck.meta.size;
  const indexes = options.slides ?? deck.slides.map((_slide, index) => index);
  // Each tab opens a page holding only the slides it takes (a run from its first to its last), laid out far sooner
  // than the whole deck. Which tab count is used is known only once the browser runs: pages for both are staged.
  const layouts = tabCounts(indexes.length, options.tabs).map((count) => ({ count, shares: shareSlides(indexes, count) }));
  const slices = layouts.flatMap(({ shares }) => shares.map((share) => ({ from: Math.min(...share), to: Math.max(...share) + 1 })));
  const site = await stageSite(
    prepared,
    {
      ...EXPORT_OPTIONS,
      pdfSeparateFragments: false,
      pdfMaxPagesPerSlide: 1,
      pdfPageHeightOffset: 0,
      slideNumber: false,
    },
    SHOW_ONE_PAGE_CSS,
    slices,
  );
  const files: string[] = [];
  let warnings: Warning[] = [];
  let tabSlides: number[] = [];
  try {
    await withBrowser(options.browser, async (browser) => {
      options.progress?.update(`opening ${deck.slides.length} slides`);
      // Two tabs when both were staged and a core is idle.
      const layout = layouts.length > 1 && hasSpareCore(browser.processInfo.pid) ? layouts[1]! : layouts[0]!;
      const firstSlice = layouts.slice(0, layouts.indexOf(layout)).reduce((sum, { shares }) => sum + shares.length, 0);
      const tabs = await Promise.all(
        layout.shares.map(async (share, tab) => {
          const { page, blocked } = await isolatedPage(browser, { width, height, scale: options.scale, root: site.dir, newWindow: tab > 0 });
          // An image holds no motion: with reduced motion the theme and the runtime start no fragment or slide
          // transition, which a busy machine could otherwise catch a pixel short of its end in one tab and not another.
          await page.emulateReducedMotion();
          await openDeck(page, site.sliceUrl(firstSlice + tab, '?print-pdf'), true);
          const laidOut = await page.evaluate(finishAnimations, undefined);
          return { page, blocked, share, laidOut };
        }),
      );
      tabSlides = tabs.map((tab) => tab.laidOut);
      // Each tab looks for characters no font draws in its own slides; a character counts once however many hold it.
      warnings = [...site.warnings, ...glyphWarningsFrom(await Promise.all(tabs.map(({ page }) => missingGlyphs(page))), deck.file)];
      await writeDirectoryAtomically(
        outDir,
        async (staging) => {
          let done = 0;
          await Promise.all(
            tabs.map(async ({ page, share }) => {
              for (const index of share) {
                const id = deck.slides[index]?.id ?? '';
                const top = await page.evaluate(showOnly, id);
                if (top === undefined) throw new LecternError(`slide ${index + 1} (${id}) is missing from the page`, { exitCode: ExitCode.browser });
                const image = await page.screenshot({ x: 0, y: top, width, height });
                await writeFile(join(staging, pngName(index, deck.slides.length)), image);
                options.progress?.step('slides', ++done, indexes.length);
              }
            }),
          );
          files.push(...indexes.map((index) => pngName(index, deck.slides.length)));
        },
        { kind: 'png', force: options.force, protect: sourceFiles(deck.file) },
      );
      warnings.push(...blockedWarnings([...new Set(tabs.flatMap((tab) => tab.blocked))], deck.file));
    });
  } finally {
    await site.dispose();
  }
  return { files, width: Math.round(width * options.scale), height: Math.round(height * options.scale), warnings, tabSlides };
}

/** The tab counts an export of `images` images may use: `forced`, else one, and two from `PARALLEL_FROM_SLIDES`. */
function tabCounts(images: number, forced: number | undefined): number[] {
  if (forced !== undefined) return [Math.max(1, Math.min(Math.floor(forced), images))];
  return images >= PARALLEL_FROM_SLIDES ? [1, 2] : [1];
}

/**
 * The chosen slides shared between `tabs` tabs: consecutive runs of near-equal length, in order, so each tab opens a
 * page holding no more than the slides from its first to its last.
 */
export function shareSlides(indexes: number[], tabs: number): number[][] {
  const count = Math.max(1, Math.min(tabs, indexes.length));
  const share = Math.ceil(indexes.length / count);
  return Array.from({ length: count }, (_tab, tab) => indexes.slice(tab * share, (tab + 1) * share)).filter((run) => run.length > 0);
}

/**
 * While images are taken, the page shows one slide's print page at a time, at the top: where a slide sits in the page
 * would otherwise show in its pixels (edges drawn 200,000 pixels down are not drawn as at the top), and then a slide's
 * image would depend on which slides share its page, and so on how many tabs took the images.
 */
const SHOW_ONE_PAGE_CSS = 'html.lectern-one-page .reveal .pdf-page:not(.lectern-shown) { display: none !important; }';

/** Browser side: shows only the print page of the slide `slideId` (in Reveal's slides) and returns its top, or undefined. */
function showOnly(slideId: string): number | undefined {
  if (!slideId) return undefined;
  // In Reveal's slides: a page for some slides may hold the others out of sight, for their links.
  const frame = document.querySelector(`.reveal .slides #${CSS.escape(slideId)}`)?.closest('.pdf-page');
  if (!frame) return undefined;
  document.querySelector('.reveal .pdf-page.lectern-shown')?.classList.remove('lectern-shown');
  frame.classList.add('lectern-shown');
  document.documentElement.classList.add('lectern-one-page');
  return frame.getBoundingClientRect().top + window.scrollY;
}

/**
 * Browser side: jumps every running animation or transition to its end, so no image catches one halfway. Returns how
 * many slides the page laid out.
 */
function finishAnimations(): number {
  for (const animation of document.getAnimations()) {
    try {
      animation.finish();
    } catch {
      animation.cancel(); // an endless animation has no end to jump to
    }
  }
  return document.querySelectorAll('.reveal .slides section:not(section section)').length;
}
