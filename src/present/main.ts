/** Browser entry: starts Reveal.js with the deck's options, read from the page's JSON config (allowed options only). */
import Reveal from 'reveal.js';
import Notes from 'reveal.js/plugin/notes';
import { readPageConfig, withViewerPreferences } from './config.js';
import { fitSlide, fitSlides, measureSlides, type SlideOverflow } from './fit.js';
import { improveSpeakerViews } from './speaker-view.js';

interface LecternApi {
  /** Resolves when Reveal is ready and every slide has been fitted (in the print view: in its pages). */
  ready: Promise<void>;
  overflow(): SlideOverflow[];
  /** Fits one slide, or every slide. */
  refit(only?: HTMLElement): void;
}

declare global {
  interface Window {
    Reveal: InstanceType<typeof Reveal>;
    lectern: LecternApi;
  }
}

function sections(): HTMLElement[] {
  // In Reveal's print view each slide sits inside a .pdf-page.
  return Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides > section, .reveal .slides .pdf-page > section'));
}

function refit(only?: HTMLElement): void {
  if (only) fitSlide(only);
  else fitSlides(sections());
}

const root = document.querySelector<HTMLElement>('.reveal');
if (!root) throw new Error('Lectern: the page has no .reveal element');
improveSpeakerViews();
const config = withViewerPreferences(readPageConfig(document));
// Reveal's print view (`?print-pdf`, the test Reveal makes too) lays its pages out after `initialize` resolves and
// announces it once, bubbling to the document.
const printView = /print-pdf/i.test(window.location.search);
const printLaidOut = new Promise<void>((resolve) => document.addEventListener('pdf-ready', () => resolve(), { once: true }));
// A PDF export may print a long deck from pages that each hold a run of its slides (src/export/pdf.ts); Reveal numbers
// the printed slides from 1, so such a page says, in `slide-numbers-from`, the number of its first slide.
const firstSlideNumber = printView ? Number(new URLSearchParams(window.location.search).get('slide-numbers-from') ?? 1) : 1;

// On its way to the print view Reveal styles and lays out every slide several times: on screen, in print styles, then
// in their pages; each pass over a long deck costs as much as the one that counts. Out of the layout until their pages
// are built, the slides are laid out once. Not with `center`, where Reveal places each slide by its measured height.
const slidesElement = root.querySelector<HTMLElement>(':scope > .slides');
const deferredSlides = printView && config.center !== true && !slidesElement?.querySelector('section.center') ? slidesElement : null;
if (deferredSlides) deferredSlides.style.display = 'none';

const deck = new Reveal(root, { ...config, plugins: [Notes] });
window.Reveal = deck;

const ready = deck.initialize().then(async () => {
  // In the print view, fit once the slides sit in their pages: fitting before too would lay the whole deck out once
  // more for nothing (a fit starts by undoing the last).
  if (printView) await printLaidOut;
  if (Number.isSafeInteger(firstSlideNumber) && firstSlideNumber > 1) renumberPrintedSlides(firstSlideNumber - 1);
  if (deferredSlides) {
    deferredSlides.style.removeProperty('display');
    // Laid out, the slides ask for the fonts they use; fonts.ready then waits for those.
    void deferredSlides.offsetHeight;
  }
  // Fit once fonts are in, so measurements use the real glyphs.
  await document.fonts.ready;
  refit();
  deck.layout();
  document.documentElement.dataset.lecternReady = 'true';
});

/** Adds `offset` to the number of every printed slide (Reveal writes `7`, or `7.2` for a fragment's page). */
function renumberPrintedSlides(offset: number): void {
  for (const number of document.querySelectorAll('.reveal .slides .slide-number-pdf')) {
    number.textContent = (number.textContent ?? '').replace(/^\d+/, (count) => String(Number(count) + offset));
  }
}

window.lectern = { ready, overflow: () => measureSlides(sections()), refit };
