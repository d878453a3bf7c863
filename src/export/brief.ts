/**
 * The one-page brief (`--format brief`): the brief as an HTML page of paper size, laid out in Chromium at ever more
 * condensed settings until it fits one page, then printed to PDF (or written as the HTML page itself).
 */
import { rmSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ExitCode, LecternError, type Warning } from '../errors.js';
import type { PreparedDeck } from '../pipeline.js';
import { writeFileAtomically } from '../site/atomic.js';
import { sourceFiles } from '../site/output-guard.js';
import { isolatedPage, withBrowser, type BrowserLaunch } from '../browser/launch.js';
import { blockedWarnings } from '../browser/stage.js';
import { onInterrupt } from '../browser/on-interrupt.js';
import { scratchFolder } from '../files/scratch.js';
import { briefOf, condenseBrief, FULL, type Brief, type Condensing } from './brief-content.js';
import { renderBriefHtml } from './brief-html.js';
import { finishPdf, pageCount } from './pdf-finish.js';
import { PAPER_SIZES, paperFor, type PaperName, type PaperSize } from './paper.js';

export interface BriefOptions {
  /** `html` writes the fitted page itself; `pdf` prints it. */
  output: 'pdf' | 'html';
  paper?: PaperName;
  browser?: BrowserLaunch | string;
  producer?: string;
  force?: boolean;
}

export interface BriefResult {
  /** The brief as written: what it shows after condensing. */
  brief: Brief;
  fontPt: number;
  paper: PaperName;
  warnings: Warning[];
}

/** One step of condensing: the type size and what is shortened or left out. */
export interface BriefLevel {
  fontPt: number;
  condensing: Condensing;
}

/** Smallest body type, in points: below it a printed page stops being read in two minutes. */
export const FONT_FLOOR_PT = 7;

/**
 * The steps from the fullest brief to the most condensed, each showing no more than the one before at no larger type:
 * smaller type first, then shorter takeaways and figures, then fewer sections in full (the rest only named, then only
 * counted). The last step fits any deck: one short item in small type.
 */
export function briefLevels(items: number): BriefLevel[] {
  const levels: BriefLevel[] = [];
  for (const fontPt of [11, 10.5, 10, 9.5, 9, 8.5]) levels.push({ fontPt, condensing: FULL });
  const steps: Array<[number, Partial<Condensing>]> = [
    [8.5, { words: 40 }],
    [8, { words: 40 }],
    [8, { words: 28 }],
    [7.5, { words: 28 }],
    [7.5, { words: 20, figures: 'value' }],
    [FONT_FLOOR_PT, { words: 20, figures: 'value' }],
    [FONT_FLOOR_PT, { words: 14, figures: 'value' }],
    [FONT_FLOOR_PT, { words: 14, figures: 'none' }],
  ];
  for (const [fontPt, change] of steps) levels.push({ fontPt, condensing: { ...FULL, ...change } });
  const last = levels[levels.length - 1]!.condensing;
  for (let shown = Math.floor(items * 0.75); shown >= 1; shown = shown > 12 ? Math.floor(shown * 0.75) : shown - 1) {
    levels.push({ fontPt: FONT_FLOOR_PT, condensing: { ...last, items: shown } });
  }
  for (const named of [40, 20, 10, 0]) levels.push({ fontPt: FONT_FLOOR_PT, condensing: { ...last, items: 1, named } });
  return levels;
}

/** Lays the brief out, condensed until it fits one page, and writes it as PDF or HTML (atomically). */
export async function exportBrief(prepared: PreparedDeck, out: string, options: BriefOptions): Promise<BriefResult> {
  const { deck } = prepared;
  const paperName = options.paper ?? paperFor(deck.meta.lang);
  const paper = PAPER_SIZES[paperName];
  const full = briefOf(deck);
  const levels = briefLevels(full.items.length);
  // Its real path: the page may load only files whose path lies inside it, as the browser reports them.
  const dir = await scratchFolder('lectern-brief-');
  // Interrupted mid-export, no `finally` runs: the folder goes with the process.
  const forget = onInterrupt(() => rmSync(dir, { recursive: true, force: true }));
  try {
    const fitted = await withBrowser(options.browser, async (browser) => {
      const { page, blocked } = await isolatedPage(browser, { width: Math.ceil(paper.width), height: Math.ceil(paper.height), root: dir });
      const fits = async (index: number): Promise<boolean> => {
        const file = join(dir, `level-${index}.html`);
        await writeFile(file, pageFor(full, levels[index]!, paper));
        await page.goto(pathToFileURL(file).href, 30_000);
        return page.evaluate(fitsPage, null);
      };
      let level = await firstFitting(levels.length, fits);
      let pdf: Uint8Array | undefined;
      if (options.output === 'pdf') {
        // The print must be one page too; should print layout differ from the screen's, condense one step more.
        for (;;) {
          await fits(level);
          pdf = await page.printToPDF(paper);
          if ((await pageCount(pdf)) === 1 || level === levels.length - 1) break;
          level += 1;
        }
      }
      return { level, pdf, warnings: blockedWarnings(blocked, deck.file) };
    });
    const chosen = levels[fitted.level]!;
    const brief = condenseBrief(full, chosen.condensing);
    if (options.output === 'html') {
      const html = pageFor(full, chosen, paper);
      await writeFileAtomically(out, (temporary) => writeFile(temporary, html), { kind: 'html', force: options.force, protect: sourceFiles(deck.file) });
    } else {
      const { bytes, pageCount: pages } = await finishPdf([fitted.pdf!], deck, [], options.producer ?? 'Lectern');
      if (pages !== 1) {
        throw new LecternError(`the brief printed on ${pages} pages`, { exitCode: ExitCode.browser, hint: 'please report it with the article' });
      }
      await writeFileAtomically(out, (temporary) => writeFile(temporary, bytes), { kind: 'pdf', force: options.force, protect: sourceFiles(deck.file) });
    }
    return { brief, fontPt: chosen.fontPt, paper: paperName, warnings: fitted.warnings };
  } finally {
    await rm(dir, { recursive: true, force: true });
    forget();
  }
}

function pageFor(full: Brief, level: BriefLevel, paper: PaperSize): string {
  return renderBriefHtml(condenseBrief(full, level.condensing), { paper, fontPt: level.fontPt });
}

/** The first of `count` levels that fits, by bisection (each level shows no more than the one before); the last if none. */
async function firstFitting(count: number, fits: (index: number) => Promise<boolean>): Promise<number> {
  if (await fits(0)) return 0;
  let low = 0; // does not fit
  let high = count - 1; // fits, or the last resort
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (await fits(mid)) high = mid;
    else low = mid;
  }
  return high;
}

/** Browser side: true when the page's content stays inside its one page. Self-contained. */
function fitsPage(): boolean {
  const main = document.querySelector('main.brief');
  if (!main) throw new Error('no main.brief in the page');
  return main.scrollHeight <= main.clientHeight && main.scrollWidth <= main.clientWidth;
}
