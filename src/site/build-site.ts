import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Warning } from '../errors.js';
import { sha256 } from '../files/sha256.js';
import { inlineAsset, rewriteStylesheet, type PublishAsset } from '../files/theme-assets.js';
import type { PreparedDeck } from '../pipeline.js';
import { joinSlides, renderDeck, renderEachSlide, type PageAssets } from '../render/render.js';
import { mayLinkWithinDeck, slicePage } from '../render/slice-page.js';
import { resolveStyle } from '../render/template-files.js';
import { writeDirectoryAtomically } from './atomic.js';
import { contentSecurityPolicy } from './csp.js';
import { sourceFiles, type OutputRules } from './output-guard.js';
import { collectMedia } from './media.js';
import { ensureRuntime } from './runtime.js';
import { resolveTheme } from './themes.js';

/** Stylesheets and script a built page loads, relative to its index.html. */
export const SITE_ASSETS: PageAssets = {
  stylesheets: ['assets/reveal.css', 'assets/theme.css', 'assets/lectern.css'],
  scripts: ['assets/lectern.js'],
};

/** The files of a built deck, before they are written: path inside the site → content or a file to copy. */
export interface SiteFiles {
  html: string;
  /** With `slices`: for each, the same page holding only the slides in [from, to). */
  slicePages: string[];
  copies: Array<{ from: string; to: string }>;
  /** Files written from text: a custom theme, its url()s pointing at their published copies. */
  texts: Array<{ to: string; text: string }>;
  /** References a custom theme may not carry (outside its folder and the article's roots, not an image or font). */
  warnings: Warning[];
}

/**
 * Decides every file of a deck's static site. `csp` adds the Content-Security-Policy of built decks; it is off by
 * default because pages that inline their scripts (single-file export) cannot carry it. A custom theme's images and
 * fonts are published beside the deck's images (`media/`), or with `inlineAssets` written into it as data: URIs.
 */
export async function planSite(
  prepared: PreparedDeck,
  options: { csp?: boolean; inlineAssets?: boolean; slices?: Array<{ from: number; to: number }> } = {},
): Promise<SiteFiles> {
  const runtime = await ensureRuntime();
  const { deck, media } = await collectMedia(prepared.deck, prepared.images);
  const themeCss = await resolveTheme(deck.meta.theme, deck.file, runtime, prepared.templatesDir);
  const csp = options.csp ? await contentSecurityPolicy(runtime.script) : undefined;
  const assets = { ...SITE_ASSETS, csp };
  const slides = renderEachSlide(deck, prepared.templates);
  const html = renderDeck(deck, prepared.templates, assets, joinSlides(slides));
  const linked = options.slices?.length ? slides.some(mayLinkWithinDeck) : false;
  // A slice of every slide (one PNG tab taking the first slide to the last) is the whole page, not rendered again.
  const slicePages = (options.slices ?? []).map(({ from, to }) =>
    from <= 0 && to >= slides.length
      ? html
      : slicePage(renderDeck(deck, prepared.templates, assets, joinSlides(slides.slice(from, to))), slides, from, to, linked),
  );
  const copies = [
    { from: runtime.revealCss, to: 'assets/reveal.css' },
    { from: resolveStyle('base.css', prepared.templatesDir), to: 'assets/lectern.css' },
    { from: runtime.script, to: 'assets/lectern.js' },
    ...media,
  ];
  const texts: SiteFiles['texts'] = [];
  const warnings: Warning[] = [];
  if (/\.css$/i.test(deck.meta.theme)) {
    const publish: PublishAsset = (from, bytes, type) => {
      if (options.inlineAssets) return inlineAsset(from, bytes, type);
      // Named by content, as the deck's images are; the stylesheet lives in assets/.
      const to = `media/${sha256(bytes, 'hex').slice(0, 16)}${type.ext}`;
      if (!copies.some((copy) => copy.to === to)) copies.push({ from, to });
      return `../${to}`;
    };
    texts.push({ to: 'assets/theme.css', text: await rewriteStylesheet(themeCss, prepared.access.roots, publish, warnings) });
  } else {
    copies.splice(1, 0, { from: themeCss, to: 'assets/theme.css' });
  }
  return { html, slicePages, copies, texts, warnings };
}

/**
 * Writes a deck's static site to `outDir` atomically: `index.html` plus `assets/` (and `media/`). An existing folder
 * is replaced only if Lectern wrote it (or with `force`), and never if it holds the source. Returns a warning per
 * reference a custom theme may not carry.
 */
export async function buildSite(prepared: PreparedDeck, outDir: string, rules: OutputRules = {}): Promise<Warning[]> {
  const site = await planSite(prepared, { csp: true });
  await writeDirectoryAtomically(
    outDir,
    // Written with the synchronous calls: the build has nothing else to do meanwhile, and each of a dozen small files
    // sent through libuv's thread pool and back left the main thread idle (about 4 ms of a 290 ms build).
    (staging) => {
      mkdirSync(join(staging, 'assets'), { recursive: true });
      writeFileSync(join(staging, 'index.html'), site.html);
      for (const copy of site.copies) {
        mkdirSync(join(staging, copy.to, '..'), { recursive: true });
        copyFileSync(copy.from, join(staging, copy.to));
      }
      for (const file of site.texts) writeFileSync(join(staging, file.to), file.text);
    },
    { ...rules, kind: 'site', protect: [...(rules.protect ?? []), ...sourceFiles(prepared.deck.file)] },
  );
  return site.warnings;
}
