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
}

export interface PngResult {
  files: string[];
  width: number;
  height: number;
  warnings: Warning[];
}

/** `3-5,8` → [2, 3, 4, 7] (0-based, sorted, unique); a usage error when out of 1..count. */
export function parseSlideRange(text: string, count: number): number[] {
  const picked = new Set<number>();
  for (const part of text.split(',').map((item) => item.trim()).filter(Boolean)) {
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
  const site = await stageSite(prepared, { ...EXPORT_OPTIONS, pdfSeparateFragments: false, pdfMaxPagesPerSlide: 1, pdfPageHeightOffset: 0, slideNumber: false });
  const files: string[] = [];
  let warnings: Warning[] = [];
  try {
    await withBrowser(options.browser, async (browser) => {
      options.progress?.update(`opening ${deck.slides.length} slides`);
      const { page, blocked } = await isolatedPage(browser, { width, height, scale: options.scale, root: site.dir });
      await openDeck(page, site.url('?print-pdf'), true);
      warnings = [...site.warnings, ...(await glyphWarnings(page, deck.file))];
      await page.evaluate(finishAnimations, undefined);
      await writeDirectoryAtomically(outDir, async (staging) => {
        for (const [done, index] of indexes.entries()) {
          options.progress?.step('slides', done, indexes.length);
          const id = deck.slides[index]?.id ?? '';
          const top = await page.evaluate((slideId: string) => {
            const section = document.getElementById(slideId);
            const frame = section?.closest('.pdf-page');
            return frame ? frame.getBoundingClientRect().top + window.scrollY : undefined;
          }, id);
          if (top === undefined) throw new LecternError(`slide ${index + 1} (${id}) is missing from the page`, { exitCode: ExitCode.browser });
          const image = await page.screenshot({ x: 0, y: top, width, height });
          const name = pngName(index, deck.slides.length);
          await writeFile(join(staging, name), image);
          files.push(name);
        }
        options.progress?.step('slides', indexes.length, indexes.length);
      }, { kind: 'png', force: options.force, protect: sourceFiles(deck.file) });
      warnings.push(...blockedWarnings(blocked, deck.file));
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
