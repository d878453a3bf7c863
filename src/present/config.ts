/**
 * The Reveal.js options a deck page may set, and how the runtime reads them. The page's JSON is data the article
 * helped write, so only options Lectern itself sends pass, each with the type it must have. Options that load code or
 * name URLs (`dependencies`, `plugins`, `scripts`, `parallaxBackgroundImage`, …) are never on the list.
 */
/**
 * The deck-wide transitions Reveal.js knows (its `TransitionStyle`); the `-in`/`-out` forms are for single slides.
 * Here rather than in src/settings, because the runtime is built from this folder alone.
 */
export const TRANSITIONS = ['none', 'fade', 'slide', 'convex', 'concave', 'zoom'] as const;

type Check = (value: unknown) => boolean;

const isBoolean: Check = (value) => typeof value === 'boolean';
const isNumber: Check = (value) => typeof value === 'number' && Number.isFinite(value);
const isText: Check = (value) => typeof value === 'string' && value.length <= 200;
const oneOf =
  (...allowed: unknown[]): Check =>
  (value) =>
    allowed.includes(value);

/** Every option Lectern's build, dev server and exports send, with its allowed values. */
export const ALLOWED_REVEAL_OPTIONS: Readonly<Record<string, Check>> = {
  width: isNumber,
  height: isNumber,
  margin: isNumber,
  hash: isBoolean,
  respondToHashChanges: isBoolean,
  history: isBoolean,
  controls: isBoolean,
  progress: isBoolean,
  center: isBoolean,
  rtl: isBoolean,
  transition: isText,
  transitionSpeed: oneOf('default', 'fast', 'slow'),
  backgroundTransition: oneOf(...TRANSITIONS),
  loop: isBoolean,
  navigationMode: oneOf('default', 'linear', 'grid'),
  keyboard: isBoolean,
  touch: isBoolean,
  mouseWheel: isBoolean,
  fragmentInURL: isBoolean,
  autoSlide: (value) => isNumber(value) && (value as number) >= 0,
  autoSlideStoppable: isBoolean,
  pause: isBoolean,
  overview: isBoolean,
  slideNumber: (value) => isBoolean(value) || oneOf('h.v', 'h/v', 'c', 'c/t')(value),
  showSlideNumber: oneOf('all', 'print', 'speaker'),
  showNotes: (value) => isBoolean(value) || value === 'separate-page',
  totalTime: isNumber,
  defaultTiming: isNumber,
  pdfSeparateFragments: isBoolean,
  pdfMaxPagesPerSlide: isNumber,
  pdfPageHeightOffset: isNumber,
};

/**
 * The options of the list above an article or config file may set under `reveal:`. Left out: the size (`size:` sets
 * it), the options Lectern derives (`rtl` from the language, `transition` and `totalTime` from their own settings) and
 * the print options the exports control.
 */
export const SETTABLE_REVEAL_OPTIONS: readonly string[] = [
  'controls',
  'progress',
  'slideNumber',
  'showSlideNumber',
  'hash',
  'history',
  'center',
  'margin',
  'transitionSpeed',
  'backgroundTransition',
  'loop',
  'navigationMode',
  'keyboard',
  'touch',
  'mouseWheel',
  'fragmentInURL',
  'autoSlide',
  'autoSlideStoppable',
  'pause',
  'overview',
];

/** The allowed options of `raw`, anything else (unknown keys, wrong types) dropped. */
export function safeRevealOptions(raw: unknown): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return options;
  for (const [key, value] of Object.entries(raw)) {
    const check = Object.hasOwn(ALLOWED_REVEAL_OPTIONS, key) ? ALLOWED_REVEAL_OPTIONS[key] : undefined;
    if (check?.(value)) options[key] = value;
  }
  return options;
}

/**
 * The deck's options from the page: only the JSON script Lectern writes (`script#lectern-config[type=
 * "application/json"]`), so no other element carrying the id (a slide, a heading) can stand in for it. The scripts
 * are walked rather than looked up by id: some selector engines answer `#id` from their id index alone, which holds
 * only the first element with that id.
 */
export function readPageConfig(doc: Document): Record<string, unknown> {
  const element = Array.from(doc.querySelectorAll('script[type="application/json"]')).find((script) => script.id === 'lectern-config');
  if (!element?.textContent) return {};
  try {
    return safeRevealOptions(JSON.parse(element.textContent));
  } catch {
    return {};
  }
}

/**
 * The options with the viewer's own settings applied: a system set to reduce motion gets slides that change without
 * sliding, fading or zooming, whatever transition the deck chose.
 */
export function withViewerPreferences(options: Record<string, unknown>): Record<string, unknown> {
  const lessMotion = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  return lessMotion ? { ...options, transition: 'none', backgroundTransition: 'none' } : options;
}
