/**
 * Reveal's notes plugin writes its speaker view into an `about:blank` window it opens itself. That page leaves its two
 * slide previews and its layout menu without names, and mutes the timer's leading digits to 30 % opacity (2:1
 * contrast). The window shares the deck's origin, so the deck names those elements and raises the muted digits to
 * 75 % (3.3:1 or more in every pacing colour) as the speaker view builds them; its own script is left untouched, so the
 * hash the page's Content-Security-Policy allows stays that of Reveal's script.
 */

const SPEAKER_VIEW_URL = 'about:blank';
const NAMES: ReadonlyArray<readonly [selector: string, attribute: 'title' | 'aria-label', name: string]> = [
  ['#current-slide iframe', 'title', 'Current slide'],
  ['#upcoming-slide iframe', 'title', 'Upcoming slide'],
  ['select.speaker-layout-dropdown', 'aria-label', 'Speaker view layout'],
];
const STYLE = '#speaker-controls .mute { opacity: 0.75; }';

function improve(doc: Document): void {
  for (const [selector, attribute, name] of NAMES) {
    for (const element of doc.querySelectorAll(selector)) if (!element.hasAttribute(attribute)) element.setAttribute(attribute, name);
  }
  if (doc.head && !doc.head.querySelector('style[data-lectern-speaker]')) {
    const style = doc.createElement('style');
    style.dataset.lecternSpeaker = '';
    style.textContent = STYLE;
    doc.head.append(style);
  }
}

/** Watches every speaker view the deck opens, from now on. */
export function improveSpeakerViews(win: Window = window): void {
  const open = win.open.bind(win);
  win.open = (...args: Parameters<Window['open']>): Window | null => {
    const opened = open(...args);
    if (opened && String(args[0] ?? '') === SPEAKER_VIEW_URL) {
      try {
        const doc = opened.document;
        // The Document survives the plugin's document.write(), so one observer sees the page as it is written and built.
        new MutationObserver(() => improve(doc)).observe(doc, { childList: true, subtree: true });
      } catch {
        // Not the same origin after all: nothing to improve.
      }
    }
    return opened;
  };
}
