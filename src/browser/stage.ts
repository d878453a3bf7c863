/**
 * Writes a deck's site to a private temporary folder for the browser to open from a file:// URL. The staged page
 * carries the same Content-Security-Policy as a built deck, and the page opening it (`isolatedPage`) may load nothing
 * outside this folder.
 */
import { rmSync } from 'node:fs';
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Warning } from '../errors.js';
import { scratchFolder } from '../files/scratch.js';
import { inlineAsset, rewriteStylesheet } from '../files/theme-assets.js';
import type { PreparedDeck } from '../pipeline.js';
import { planSite } from '../site/build-site.js';
import { onInterrupt } from './on-interrupt.js';

export interface StagedSite {
  /** The folder, symlinks resolved: the only place the opened page may load files from. */
  dir: string;
  /** file:// URL of the page, with `query` appended. */
  url(query?: string): string;
  /** file:// URL of the page holding only the `slices[index]` slides given to `stageSite`, with `query` appended. */
  sliceUrl(index: number, query?: string): string;
  /** References the stylesheets may not carry (outside the article's roots), left out. */
  warnings: Warning[];
  dispose(): Promise<void>;
}

/** Replaces Reveal options in the page's JSON config (the only source of options the runtime reads). */
export function withRevealOptions(html: string, options: Record<string, unknown>): string {
  return html.replace(/(<script type="application\/json" id="lectern-config">)([\s\S]*?)(<\/script>)/, (_match, open: string, json: string, close: string) => {
    const config = { ...(JSON.parse(json) as Record<string, unknown>), ...options };
    const safe = JSON.stringify(config).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
    return `${open}${safe}${close}`;
  });
}

/** Adds a stylesheet after the deck's own, so export-only rules win. */
export function withStyle(html: string, css: string): string {
  const style = `<style id="lectern-export">${css.replace(/<\//g, '<\\/')}</style>\n`;
  return html.includes('</head>') ? html.replace('</head>', `${style}</head>`) : style + html;
}

/**
 * Stages the deck's site with the given Reveal options and extra CSS; call `dispose` in a finally. Each of `slices`
 * also gets a page of its own holding only those slides (`sliceUrl`).
 */
export async function stageSite(
  prepared: PreparedDeck,
  options: Record<string, unknown>,
  css = '',
  slices: Array<{ from: number; to: number }> = [],
): Promise<StagedSite> {
  const site = await planSite(prepared, { csp: true, slices });
  const warnings: Warning[] = [...site.warnings];
  const dir = await scratchFolder('lectern-export-');
  // Interrupted mid-export, no `finally` runs: the folder goes with the process.
  const forget = onInterrupt(() => rmSync(dir, { recursive: true, force: true }));
  try {
    await mkdir(join(dir, 'assets'), { recursive: true });
    const page = (html: string): string => (css ? withStyle(withRevealOptions(html, options), css) : withRevealOptions(html, options));
    await writeFile(join(dir, 'index.html'), page(site.html));
    for (const [index, html] of site.slicePages.entries()) await writeFile(join(dir, sliceFile(index)), page(html));
    for (const copy of site.copies) {
      await mkdir(join(dir, copy.to, '..'), { recursive: true });
      // The browser opens the stage over file://, where a stylesheet's `../` or absolute url() would reach any file
      // on the machine: stylesheets go in inlined, with only what lies in their own folder or the article's roots.
      if (copy.to.endsWith('.css')) await writeFile(join(dir, copy.to), await rewriteStylesheet(copy.from, prepared.access.roots, inlineAsset, warnings));
      else await copyFile(copy.from, join(dir, copy.to));
    }
    // A custom theme, its url()s already confined and pointing at media/ copies in this folder.
    for (const file of site.texts) await writeFile(join(dir, file.to), file.text);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    forget();
    throw error;
  }
  const base = pathToFileURL(join(dir, 'index.html')).href;
  return {
    dir,
    url: (query = '') => base + query,
    sliceUrl: (index, query = '') => pathToFileURL(join(dir, sliceFile(index))).href + query,
    warnings,
    dispose: async () => {
      await rm(dir, { recursive: true, force: true });
      forget();
    },
  };
}

/** The staged page of the slice at `index`. */
function sliceFile(index: number): string {
  return `slice-${index + 1}.html`;
}

/** One warning per request the exported page made and was refused (`isolatedPage`'s `blocked`). */
export function blockedWarnings(blocked: string[], file: string): Warning[] {
  return blocked.map((url) => ({ message: `blocked a request outside the deck: ${url}`, location: { file } }));
}

/** Reveal options every export shares: the page is exactly the slide, with no on-screen controls. */
export const EXPORT_OPTIONS = {
  margin: 0,
  controls: false,
  progress: false,
  transition: 'none',
  backgroundTransition: 'none',
  hash: false,
  respondToHashChanges: false,
  showNotes: false,
} as const;
