/// <reference types="vite/client" />
/**
 * Dev-server entry: live updates that swap slides in place, keeping the current slide. The deck's page loads the
 * runtime a built deck runs (runtime/lectern.js, from main.ts) before this module; the error page shown when the first
 * build failed has no deck and only waits for a good save. One server may present several decks: every live message
 * names its deck, and a page acts only on its own deck's.
 */
import { safeRevealOptions, withViewerPreferences } from './config.js';

/** The deck this page shows, as the server tags its messages (empty when the server presents one deck). */
const ownDeck = document.querySelector<HTMLMetaElement>('meta[name="lectern-deck"]')?.content ?? '';

interface DeckMessage {
  deck: string;
}

interface DeckUpdate extends DeckMessage {
  slidesHtml: string;
  config: Record<string, unknown>;
  title: string;
}

interface DeckError extends DeckMessage {
  err: { message: string; stack: string };
}

const OVERLAY = 'vite-error-overlay';

function clearErrors(): void {
  for (const overlay of Array.from(document.querySelectorAll(OVERLAY))) overlay.remove();
}

/** Vite's own error overlay (file:line), which its client defines, shown for this deck only. */
function showError(err: DeckError['err']): void {
  clearErrors();
  const Overlay = customElements.get(OVERLAY);
  if (Overlay) document.body.appendChild(new Overlay(err));
  else console.error(err.message);
}

if (import.meta.hot) {
  import.meta.hot.on('lectern:update', (update: DeckUpdate) => {
    if (update.deck !== ownDeck) return;
    const slides = document.querySelector('.reveal .slides');
    // A page that started as an error page has no deck to patch: load the deck afresh.
    if (!slides || !window.Reveal) {
      location.reload();
      return;
    }
    clearErrors();
    const { h, v, f } = window.Reveal.getIndices();
    slides.innerHTML = update.slidesHtml;
    document.title = update.title;
    window.Reveal.configure(withViewerPreferences(safeRevealOptions(update.config)));
    window.Reveal.sync();
    window.Reveal.slide(h, v ?? 0, f ?? undefined);
    // Fit the slide on screen now and the rest once the browser is idle, so the edit shows at once.
    window.lectern.refit(window.Reveal.getCurrentSlide());
    window.Reveal.layout();
    setTimeout(() => window.lectern.refit(), 0);
    document.documentElement.dataset.lecternVersion = String(Number(document.documentElement.dataset.lecternVersion ?? 0) + 1);
  });
  // A changed stylesheet: the page loads afresh rather than patching styles in place.
  import.meta.hot.on('lectern:reload', (message: DeckMessage) => {
    if (message.deck === ownDeck) location.reload();
  });
  import.meta.hot.on('lectern:error', (message: DeckError) => {
    if (message.deck === ownDeck) showError(message.err);
  });
}
