/** PNG export: one image per slide, cut from Reveal's print view so it matches the PDF (every fragment shown). */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ExitCode, LecternError, type Warning } from '../errors.js';
import type { PreparedDeck } from '../pipeline.js';
import { writeDirectoryAtomically } from '../site/atomic.js';
import { sourceFiles } from '../site/output-guard.js';
import { isolatedPage, withBrowser, type BrowserLaunch } from '../browser/launch.js';
import { openDeck } from '../browser/deck-page.js';
import { glyphWarnings } from '../browser/fonts.js';
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
 * From this many images a second tab lays the deck out too and takes half of the screenshots, when a core is idle.
 * Measured on two cores (a 282-slide deck, scale 2): 80 images 23–28 s in one tab, 17–22 s in two; 10 and 30 images
 * no clear difference.
 */
export const PARALLEL_FROM_SLIDES = 40;

export interface PngResult {
  files: string[];
  width: number;
  height: number;
  warnings: Warning[];
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
  const site = await stageSite(prepared, {
    ...EXPORT_OPTIONS,
    pdfSeparateFragments: false,
    pdfMaxPagesPerSlide: 1,
    pdfPageHeightOffset: 0,
    slideNumber: false,
  });
  const files: string[] = [];
  let warnings: Warning[] = [];
  try {
    await withBrowser(options.browser, async (browser) => {
      options.progress?.update(`opening ${deck.slides.length} slides`);
      const tabCount = options.tabs ?? (indexes.length >= PARALLEL_FROM_SLIDES && hasSpareCore(browser.processInfo.pid) ? 2 : 1);
      const tabs = await Promise.all(
        Array.from({ length: Math.max(1, Math.min(tabCount, indexes.length)) }, async (_tab, tab) => {
          const { page, blocked } = await isolatedPage(browser, { width, height, scale: options.scale, root: site.dir, newWindow: tab > 0 });
          // An image holds no motion: with reduced motion the theme and the runtime start no fragment or slide
          // transition, which a busy machine could otherwise catch a pixel short of its end in one tab and not another.
          await page.emulateReducedMotion();
          await openDeck(page, site.url('?print-pdf'), true);
          await page.evaluate(finishAnimations, undefined);
          return { page, blocked };
        }),
      );
      const [first] = tabs;
      if (!first) throw new Error('no tab to take screenshots in');
      warnings = [...site.warnings, ...(await glyphWarnings(first.page, deck.file))];
      await writeDirectoryAtomically(
        outDir,
        async (staging) => {
          // Each tab takes a run of consecutive slides, so it scrolls its page in one direction only.
          const share = Math.ceil(indexes.length / tabs.length);
          let done = 0;
          await Promise.all(
            tabs.map(async ({ page }, tab) => {
              for (const index of indexes.slice(tab * share, (tab + 1) * share)) {
                const id = deck.slides[index]?.id ?? '';
                const top = await page.evaluate((slideId: string) => {
                  const section = document.getElementById(slideId);
                  const frame = section?.closest('.pdf-page');
                  return frame ? frame.getBoundingClientRect().top + window.scrollY : undefined;
                }, id);
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
  return { files, width: Math.round(width * options.scale), height: Math.round(height * options.scale), warnings };
}

/** Browser side: jumps every running animation or transition to its end, so no image catches one halfway. */
function finishAnimations(): void {
  for (const animation of document.getAnimations()) {
    try {
      animation.finish();
    } catch {
      animation.cancel(); // an endless animation has no end to jump to
    }
  }
}
