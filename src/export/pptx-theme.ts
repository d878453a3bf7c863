/** The deck's theme as PowerPoint colours and fonts: Lectern's own theme and Reveal.js's built-in ones. */

export interface PptxTheme {
  background: string;
  text: string;
  heading: string;
  accent: string;
  /** Fonts that Office and LibreOffice have, or substitute sensibly. */
  font: string;
  codeFont: string;
  /** Background of code blocks and table header rows: the background moved a little towards the text. */
  panel: string;
}

const LECTERN: PptxTheme = {
  background: 'FBFAF7',
  text: '1F2328',
  heading: '14213D',
  accent: 'C8553D',
  font: 'Noto Sans',
  codeFont: 'DejaVu Sans Mono',
  panel: 'F0EEE8',
};

/** Reveal.js themes: background, text, heading and link colours, as their stylesheets set them. */
const REVEAL: Readonly<Record<string, readonly [string, string, string, string]>> = {
  beige: ['F7F3DE', '333333', '333333', '8B743D'],
  'black-contrast': ['000000', 'FFFFFF', 'FFFFFF', '42AFFA'],
  black: ['191919', 'FFFFFF', 'FFFFFF', '42AFFA'],
  blood: ['222222', 'EEEEEE', 'EEEEEE', 'AA2233'],
  dracula: ['191919', 'F8F8F2', 'BD93F9', 'FF79C6'],
  league: ['1C1E20', 'EEEEEE', 'EEEEEE', '13DAEC'],
  moon: ['002B36', '93A1A1', 'EEE8D5', '268BD2'],
  night: ['111111', 'FFFFFF', 'FFFFFF', 'E7AD52'],
  serif: ['F0F1EB', '000000', '383D3D', '51483D'],
  simple: ['FFFFFF', '000000', '000000', '00008B'],
  sky: ['F7FBFC', '333333', '333333', '2A76DD'],
  solarized: ['FDF6E3', '657B83', '586E75', '268BD2'],
  'white-contrast': ['FFFFFF', '000000', '000000', '2A76DD'],
  white: ['FFFFFF', '222222', '222222', '2A76DD'],
};

/** The theme for a deck's `theme` setting; a stylesheet of the author's own (a .css path) gets Lectern's colours. */
export function pptxTheme(theme: string): PptxTheme {
  const colours = REVEAL[theme];
  if (!colours) return LECTERN;
  const [background, text, heading, accent] = colours;
  return { ...LECTERN, background, text, heading, accent, panel: mix(background, text, 0.08) };
}

/** `a` moved by `share` towards `b` (hex RGB). */
function mix(a: string, b: string, share: number): string {
  const channel = (hex: string, at: number): number => parseInt(hex.slice(at, at + 2), 16);
  return [0, 2, 4]
    .map((at) =>
      Math.round(channel(a, at) * (1 - share) + channel(b, at) * share)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')
    .toUpperCase();
}
