/** Paper for printed pages (handout, brief): A4, or Letter where a deck's language names a region that uses it. */

export type PaperName = 'a4' | 'letter';

export const PAPER_NAMES: readonly PaperName[] = ['a4', 'letter'];

export interface PaperSize {
  /** CSS px (96 an inch). */
  width: number;
  height: number;
  /** The size as an exact CSS `@page` size (px would be rounded). */
  css: string;
}

/** Portrait paper sizes. */
export const PAPER_SIZES: Readonly<Record<PaperName, PaperSize>> = {
  a4: { width: (210 / 25.4) * 96, height: (297 / 25.4) * 96, css: '210mm 297mm' },
  letter: { width: 8.5 * 96, height: 11 * 96, css: '8.5in 11in' },
};

/** Regions where Letter is the usual paper (the Americas that kept it, and the Philippines). */
const LETTER_REGIONS = new Set(['US', 'CA', 'MX', 'PR', 'PH', 'CL', 'CO', 'VE', 'CR', 'GT', 'PA', 'SV', 'NI', 'DO', 'BZ']);

/**
 * The paper for a deck's language tag: Letter when its region is one of LETTER_REGIONS (`en-US`, `es-US`, `fr-CA`),
 * A4 otherwise, a bare language (`en`) included: a region cannot be guessed from a language alone.
 */
export function paperFor(lang: string): PaperName {
  let region: string | undefined;
  try {
    region = new Intl.Locale(lang).region;
  } catch {
    region = undefined; // not a language tag: the default paper
  }
  return region && LETTER_REGIONS.has(region.toUpperCase()) ? 'letter' : 'a4';
}
