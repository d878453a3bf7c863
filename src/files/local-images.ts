/**
 * The local images a deck shows (image slides and `<img>` in its HTML), each checked before anything reads it for
 * publishing: its path must decode, resolve inside the article's roots (`roots.ts`) and hold a real image
 * (`image-type.ts`). A refused or missing image is left out with a warning naming it, and the slide shows a placeholder
 * with its alt text; with `strict`, a missing one stops the build.
 */
import { readFile } from 'node:fs/promises';
import { ExitCode, LecternError, type Warning } from '../errors.js';
import type { Deck, Point, Slide } from '../outline/types.js';
import { sniffImage, type ImageType } from './image-type.js';
import { confine, refusalText, type FileAccess } from './roots.js';

export interface LocalImage {
  /** Real path of the file, inside the article's roots. */
  file: string;
  type: ImageType;
}

/** Local images by the `src` the deck names them with. */
export type LocalImages = Map<string, LocalImage>;

/** True for a URL that names no local file: a scheme (`https:`, `data:`), protocol-relative, or a fragment. */
export function isExternalUrl(url: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(url);
}

/** A URL's path part, percent-decoded; undefined when its percent-encoding is malformed. */
export function decodeLocalPath(url: string): string | undefined {
  try {
    return decodeURIComponent(url.split(/[?#]/)[0] ?? '');
  } catch {
    return undefined;
  }
}

const IMG_SRC = /(<img\b[^>]*?\ssrc=")([^"]*)(")/gi;

function unescapeAttribute(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Every local `src` of `<img>` elements in sanitised HTML (attribute values as the sanitiser serialises them). */
function htmlImageSources(html: string): string[] {
  return [...html.matchAll(IMG_SRC)].map((match) => unescapeAttribute(match[2] ?? '')).filter((src) => src !== '' && !isExternalUrl(src));
}

/** Rewrites the `src` of `<img>` elements in sanitised HTML: a new value, or `undefined` to drop the attribute. */
export function rewriteHtmlImages(html: string, rewrite: (src: string) => string | undefined | null): string {
  return html.replace(IMG_SRC, (whole, open: string, value: string, close: string) => {
    const src = unescapeAttribute(value);
    if (src === '' || isExternalUrl(src)) return whole;
    const next = rewrite(src);
    if (next === null) return whole;
    // Without its src the element shows only its alt text.
    if (next === undefined) return open.replace(/\ssrc="$/, '');
    return `${open}${next.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}${close}`;
  });
}

function mapPoints(points: Point[] | undefined, map: (html: string) => string): Point[] | undefined {
  return points?.map((point) => ({
    ...point,
    ...(point.html !== undefined ? { html: map(point.html) } : {}),
    ...(point.children ? { children: mapPoints(point.children, map) } : {}),
  }));
}

/** The slide with every `<img>` in its HTML passed through `rewrite`. */
export function mapSlideHtml(slide: Slide, rewrite: (src: string) => string | undefined | null): Slide {
  const map = (html: string): string => rewriteHtmlImages(html, rewrite);
  return {
    ...slide,
    ...(slide.html !== undefined ? { html: map(slide.html) } : {}),
    ...(slide.points ? { points: mapPoints(slide.points, map) } : {}),
  };
}

/** Local image sources of a slide, the image slide's own first. */
function slideSources(slide: Slide): string[] {
  const found: string[] = [];
  if (slide.image && slide.image.src && !isExternalUrl(slide.image.src)) found.push(slide.image.src);
  const walk = (points: Point[] | undefined): void => {
    for (const point of points ?? []) {
      if (point.html) found.push(...htmlImageSources(point.html));
      walk(point.children);
    }
  };
  if (slide.html) found.push(...htmlImageSources(slide.html));
  walk(slide.points);
  return found;
}

/**
 * Checks every local image of the deck against the article's roots and its bytes. Returns the deck with refused
 * images removed (an image slide shows a placeholder with its alt text; an `<img>` loses its src and shows its alt),
 * the accepted images, and a warning per refusal. With `strict`, an image that does not exist is an error instead.
 */
export async function checkLocalImages(
  deck: Deck,
  access: FileAccess,
  { strict = false, logoAt }: { strict?: boolean; logoAt?: Warning['location'] } = {},
): Promise<{ deck: Deck; images: LocalImages; warnings: Warning[] }> {
  const images: LocalImages = new Map();
  const refused = new Set<string>();
  const warnings: Warning[] = [];
  // The logo is an image like any other: inside the roots, real image bytes; refused, the slides show none.
  const { logo } = deck.meta;
  // Where the logo was named: the article's line, the config file's, or nowhere (the command line).
  const where = logoAt ?? { file: deck.file };
  if (logo !== undefined && !isExternalUrl(logo)) {
    const reason = await checkOne(logo, access, images);
    if (reason !== undefined) {
      warnings.push({ message: `logo ${JSON.stringify(logo)} left out: ${reason === MISSING ? 'no such file' : reason}`, location: where });
      deck = { ...deck, meta: { ...deck.meta, logo: undefined } };
    }
  } else if (logo !== undefined) {
    warnings.push({ message: `logo ${JSON.stringify(logo)} left out: a logo must be a local image file`, location: where });
    deck = { ...deck, meta: { ...deck.meta, logo: undefined } };
  }
  for (const slide of deck.slides) {
    for (const src of slideSources(slide)) {
      if (images.has(src) || refused.has(src)) continue;
      const reason = await checkOne(src, access, images);
      if (reason === undefined) continue;
      // A missing image (a README copied without its img/ folder) still gives a deck, unless the user asks for
      // every image to be there; a refused image is always left out and the build goes on.
      if (reason === MISSING && strict) {
        throw new LecternError(`image not found: ${src}`, {
          exitCode: ExitCode.input,
          location: { file: deck.file, line: slide.lines[0] },
          hint: 'add the file, or build without --strict to show its alt text in its place',
        });
      }
      refused.add(src);
      warnings.push({
        message: `image ${JSON.stringify(src)} left out: ${reason === MISSING ? 'no such file' : reason}; the slide shows its alt text in its place`,
        location: { file: deck.file, line: slide.lines[0] },
      });
    }
  }
  if (refused.size === 0) return { deck, images, warnings };
  const slides = deck.slides.map((slide) => {
    const next = mapSlideHtml(slide, (src) => (refused.has(src) ? undefined : null));
    return next.image && refused.has(next.image.src) ? { ...next, image: { ...next.image, src: '' } } : next;
  });
  return { deck: { ...deck, slides }, images, warnings };
}

const MISSING = 'missing';

async function checkOne(src: string, access: FileAccess, images: LocalImages): Promise<string | undefined> {
  const path = decodeLocalPath(src);
  if (path === undefined) return 'its path has malformed percent-encoding';
  if (path === '' || path.includes('\0')) return 'its path names no file';
  const confined = await confine(path, access.articleDir, access.roots);
  if (!confined.ok) return confined.reason === 'missing' ? MISSING : refusalText(confined.reason);
  const bytes = await readFile(confined.file).catch(() => undefined);
  if (!bytes) return 'it cannot be read';
  const sniffed = sniffImage(bytes);
  if (!sniffed.ok) return `it is ${sniffed.reason}`;
  images.set(src, { file: confined.file, type: sniffed.type });
  return undefined;
}
