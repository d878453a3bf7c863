import type { Deck } from '../outline/types.js';

/** The Reveal.js options a deck is presented with; read by the browser entry from the page. */
export interface LecternRevealConfig {
  width: number;
  height: number;
  margin: number;
  hash: boolean;
  respondToHashChanges: boolean;
  history: boolean;
  controls: boolean;
  progress: boolean;
  slideNumber: string;
  center: boolean;
  transition: string;
  rtl: boolean;
  totalTime?: number;
  /** Used by the speaker view's pacing timer for slides without their own timing. */
  defaultTiming: number;
  pdfSeparateFragments: boolean;
  pdfMaxPagesPerSlide: number;
}

/** Lectern's options, with the deck's `reveal:` settings (already held to the allow-list) over them. */
export function revealConfig(deck: Deck): LecternRevealConfig {
  const config: LecternRevealConfig = {
    ...defaults(deck),
    // Decks outlined before `reveal:` existed (a Deck read from JSON) have none.
    ...(deck.meta.reveal ?? {}),
  };
  if (deck.meta.duration !== undefined) config.totalTime = deck.meta.totalTime;
  return config;
}

function defaults(deck: Deck): LecternRevealConfig {
  return {
    // The deck's slide size: the outline's budget was planned for it.
    width: deck.meta.size.width,
    height: deck.meta.size.height,
    margin: 0.04,
    hash: true,
    respondToHashChanges: true,
    history: false,
    controls: true,
    progress: true,
    slideNumber: 'c/t',
    center: false,
    transition: deck.meta.transition,
    rtl: deck.meta.dir === 'rtl',
    defaultTiming: 60,
    pdfSeparateFragments: false,
    pdfMaxPagesPerSlide: 1,
  };
}
