import type { Deck, Slide } from '../outline/types.js';
import { brandCss } from '../brand.js';
import { ExitCode, LecternError } from '../errors.js';
import { notesHtml } from './notes.js';
import { revealConfig } from './reveal-config.js';
import { runTemplate, type CompiledTemplates } from './template-set.js';

/** Where the rendered page finds its runtime files, relative to the page. */
export interface PageAssets {
  stylesheets: string[];
  scripts: string[];
  /** Content-Security-Policy for the page's `<meta http-equiv>`; static builds set it, the dev server cannot. */
  csp?: string;
}

/**
 * Deck + templates → the deck's HTML page. Pure: templates lay out what the Deck says and decide nothing. `slidesHtml`,
 * when given, stands in for the rendered slides (the dev server has them already).
 */
export function renderDeck(deck: Deck, templates: CompiledTemplates, assets: PageAssets, slidesHtml?: string): string {
  return runTemplate(templates, templates.deck, {
    meta: deck.meta,
    // A built-in theme's name, for styles that adjust to it; a stylesheet's path never reaches the page.
    themeName: deck.meta.theme && /^[\w-]+$/.test(deck.meta.theme) ? deck.meta.theme : undefined,
    sections: deck.sections,
    slideCount: deck.slides.length,
    stylesheets: assets.stylesheets,
    scripts: assets.scripts,
    csp: assets.csp,
    // Colours are culori's rgb() output and the logo a published path: nothing here needs escaping in <style>.
    brandCss: brandCss(deck.meta.brand, deck.meta.logo),
    slidesHtml: slidesHtml ?? renderSlides(deck, templates),
    configJson: jsonForScript(revealConfig(deck)),
  });
}

/** Only the slides (the inside of `.slides`), as the dev server swaps them in place. */
export function renderSlides(deck: Deck, templates: CompiledTemplates): string {
  return joinSlides(renderEachSlide(deck, templates));
}

/** Each slide's HTML on its own, in deck order: `joinSlides` of all of them is `renderSlides`. */
export function renderEachSlide(deck: Deck, templates: CompiledTemplates): string[] {
  return deck.slides.map((slide) => renderSlide(slide, deck, templates));
}

/** Slides' HTML as they follow each other inside `.slides`. */
export function joinSlides(slides: string[]): string {
  return slides.join('\n');
}

function renderSlide(slide: Slide, deck: Deck, templates: CompiledTemplates): string {
  const layout = templates.layouts.get(slide.layout);
  if (!layout) {
    throw new LecternError(`no template for the \`${slide.layout}\` layout`, {
      exitCode: ExitCode.template,
      location: { file: deck.file },
      hint: `add layouts/${slide.layout}.hbs to the templates folder`,
    });
  }
  const body = runTemplate(templates, layout, { ...slide, deck: deck.meta });
  return runTemplate(templates, templates.slide, { slide: { ...slide, notesHtml: notesHtml(slide) }, body, deck: deck.meta });
}

/** JSON that is safe inside a `<script>` element: no `</script>` or `<!--` can close or confuse it. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
