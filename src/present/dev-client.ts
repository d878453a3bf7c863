/// <reference types="vite/client" />
/** Dev-server entry: the deck runtime plus live updates that swap slides in place, keeping the current slide. */
import { safeRevealOptions, withViewerPreferences } from './config.js';

// The error page shown when the first build failed has no deck: it only waits for a good save.
if (document.querySelector('.reveal')) await import('./main.js');

interface DeckUpdate {
  slidesHtml: string;
  config: Record<string, unknown>;
  title: string;
}

function clearErrors(): void {
  for (const overlay of Array.from(document.querySelectorAll('vite-error-overlay'))) overlay.remove();
}

if (import.meta.hot) {
  import.meta.hot.on('lectern:update', (update: DeckUpdate) => {
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
}
