/** A deck's brand: its colours, applied through the theme's CSS variables, and its logo. */
import { createRequire } from 'node:module';

/** Brand colours, each a CSS colour as written and checked (`readBrand`); any may be left out. */
export interface Brand {
  /** Accent: markers, rules, quotes, figures and links. */
  accent?: string;
  /** Slide background. */
  background?: string;
  /** Body and heading text. */
  text?: string;
}

export const BRAND_KEYS = ['accent', 'background', 'text'] as const;

/** The theme variables each brand colour sets (templates/styles/theme-lectern.css; Reveal's themes share the `--r-` ones). */
const BRAND_VARIABLES: Record<(typeof BRAND_KEYS)[number], string[]> = {
  accent: ['--lectern-accent', '--r-link-color'],
  background: ['--r-background-color'],
  text: ['--r-main-color', '--r-heading-color'],
};

const requireLazily = createRequire(import.meta.url);

/**
 * A CSS colour in a form that cannot carry anything else into a stylesheet: parsed by culori and printed back as
 * `rgb()`/`rgba()`; undefined when it is not a colour.
 */
export function cssColour(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 100) return undefined;
  const { parse, formatRgb } = requireLazily('culori') as typeof import('culori');
  const colour = parse(value.trim());
  return colour === undefined ? undefined : formatRgb(colour);
}

/** Reads `{ accent, background, text }`; returns the checked brand, or what is wrong with it. */
export function readBrand(value: unknown): { brand: Brand } | { error: string } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { error: 'a set of colours: accent, background, text' };
  const brand: Brand = {};
  for (const [key, colour] of Object.entries(value as Record<string, unknown>)) {
    if (!(BRAND_KEYS as readonly string[]).includes(key)) return { error: `one of ${BRAND_KEYS.join(', ')}, not \`${key.slice(0, 40)}\`` };
    const checked = cssColour(colour);
    if (checked === undefined) return { error: `a CSS colour for \`${key}\`, not ${JSON.stringify(String(colour)).slice(0, 60)}` };
    brand[key as (typeof BRAND_KEYS)[number]] = checked;
  }
  return { brand };
}

/**
 * The page's brand rules: theme variables from the brand colours, and the logo (a path inside the site or a data:
 * URI) as the image of every slide's `.slide-logo` (placed by base.css). The url() sits in the page's own rules, so a
 * relative path resolves against the page, as the slides' images do.
 */
export function brandCss(brand: Brand | undefined, logoUrl: string | undefined): string {
  const declarations: string[] = [];
  for (const key of BRAND_KEYS) {
    const colour = brand?.[key];
    if (colour !== undefined) for (const variable of BRAND_VARIABLES[key]) declarations.push(`${variable}: ${colour};`);
  }
  const rules = declarations.length === 0 ? [] : [`:root { ${declarations.join(' ')} }`];
  // The URL is a content-hashed media path or a base64 data: URI; quoting (and `<` escaped, so no `</style>`) keeps
  // any other character inert.
  if (logoUrl !== undefined) rules.push(`.reveal .slide-logo { background-image: url(${JSON.stringify(logoUrl).replace(/</g, '\\3c ')}); }`);
  return rules.join('\n');
}
