/** A deck's slide size: the logical frame every layout, the overflow budget, fitting and every export use. */

export interface SlideSize {
  width: number;
  height: number;
}

/** Named sizes: `4:3` is the frame Lectern's layouts were first designed for. */
export const SLIDE_SIZE_PRESETS = {
  '16:9': { width: 1280, height: 720 },
  '4:3': { width: 960, height: 700 },
  '16:10': { width: 1280, height: 800 },
} as const satisfies Record<string, SlideSize>;

/** The size a deck gets when nothing names one (the settings table's default, src/settings/table.ts). */
export const DEFAULT_SLIDE_SIZE = '16:9';

/**
 * Bounds of a `WIDTHxHEIGHT` size. The themes set text in pixels, so a smaller frame holds too little to lay out a
 * slide (the budget shrinks with the frame), and a larger one only makes exports heavy.
 */
export const SLIDE_SIZE_LIMITS = { minWidth: 640, maxWidth: 3840, minHeight: 360, maxHeight: 2160 } as const;

/** What a size may be written as, for messages. */
export const SLIDE_SIZE_FORMS = `${Object.keys(SLIDE_SIZE_PRESETS).join(', ')} or WIDTHxHEIGHT in pixels (${SLIDE_SIZE_LIMITS.minWidth}–${SLIDE_SIZE_LIMITS.maxWidth} × ${SLIDE_SIZE_LIMITS.minHeight}–${SLIDE_SIZE_LIMITS.maxHeight})`;

/** Parses `16:9`, `4:3`, `16:10` or `WIDTHxHEIGHT` (e.g. `1024x768`); undefined when it is none of them. */
export function parseSlideSize(value: unknown): SlideSize | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim().toLowerCase();
  if (Object.hasOwn(SLIDE_SIZE_PRESETS, text)) return { ...SLIDE_SIZE_PRESETS[text as keyof typeof SLIDE_SIZE_PRESETS] };
  const match = /^(\d{1,5})\s*[x×]\s*(\d{1,5})$/.exec(text);
  if (!match) return undefined;
  const width = Number(match[1]);
  const height = Number(match[2]);
  const { minWidth, maxWidth, minHeight, maxHeight } = SLIDE_SIZE_LIMITS;
  if (width < minWidth || width > maxWidth || height < minHeight || height > maxHeight) return undefined;
  return { width, height };
}
