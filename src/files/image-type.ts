/**
 * What an image file really is, decided from its bytes, never from its name: a `.png` that holds HTML or script is
 * not an image, and a deck must not publish it under its own origin.
 */

export interface ImageType {
  /** Extension the published copy gets. */
  ext: string;
  mime: string;
}

export type Sniffed = { ok: true; type: ImageType } | { ok: false; reason: string };

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, prefix: number[], offset = 0): boolean {
  return bytes.length >= offset + prefix.length && prefix.every((byte, index) => bytes[offset + index] === byte);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));
}

/** An ISO-BMFF file (`ftyp` box) whose major or compatible brands name AVIF. */
function isAvif(bytes: Uint8Array): boolean {
  if (ascii(bytes, 4, 8) !== 'ftyp') return false;
  const size = ((bytes[0] ?? 0) << 24) | ((bytes[1] ?? 0) << 16) | ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0);
  const end = Math.min(Math.max(size, 16), 64, bytes.length);
  const brands = [ascii(bytes, 8, 12)];
  for (let offset = 16; offset + 4 <= end; offset += 4) brands.push(ascii(bytes, offset, offset + 4));
  return brands.some((brand) => brand === 'avif' || brand === 'avis');
}

/**
 * SVG is an image that can also be a document: opened on its own it runs script, loads other files and embeds HTML.
 * Lectern publishes an SVG only when none of that can happen; otherwise it is refused (the slide shows its alt text).
 * The test is a deny-list over the whole text, comments included, so it errs on the side of refusing.
 */
const SVG_DANGERS: Array<[RegExp, string]> = [
  [/<!entity|<!doctype[^>]*\[/i, 'it declares XML entities'],
  [/<\?xml-stylesheet/i, 'it loads a stylesheet'],
  [
    /<(?:[\w.-]+:)?(?:script|foreignobject|iframe|frame|embed|object|handler|listener|set|animate\w*|a|link|meta|base|audio|video)[\s/>]/i,
    'it holds script, links, animation or embedded content',
  ],
  [/[\s"'/]on[a-z]+\s*=/i, 'it has event handlers'],
  [/(?:^|[\s"'/:])(?:href|src)\s*=\s*(?:"\s*(?!#)|'\s*(?!#)|[^\s"'#>])/i, 'it refers to other files'],
  [/url\(\s*(?:"\s*(?!#)|'\s*(?!#)|[^\s"'#)])|@import/i, 'its styles refer to other files'],
  [/javascript:/i, 'it mentions javascript:'],
];

function checkSvg(bytes: Uint8Array): Sniffed | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  if (!/^(?:\ufeff|\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*|<!doctype[^>]*>\s*)*<(?:[\w.-]+:)?svg[\s>]/i.test(head)) return undefined;
  // The checks read the text as UTF-8/ASCII: other encodings (UTF-16, or a declared one) are refused, not guessed.
  if (bytes.includes(0)) return { ok: false, reason: 'an SVG in an encoding other than UTF-8' };
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']*)["']/i.exec(head)?.[1];
  if (declared !== undefined && !/^(?:utf-8|us-ascii)$/i.test(declared)) return { ok: false, reason: `an SVG in ${declared}` };
  const text = Buffer.from(bytes).toString('utf8');
  for (const [pattern, reason] of SVG_DANGERS) if (pattern.test(text)) return { ok: false, reason: `an SVG that is not a plain picture (${reason})` };
  return { ok: true, type: { ext: '.svg', mime: 'image/svg+xml' } };
}

/** The image type of `bytes`: PNG, JPEG, GIF, WebP, AVIF, or an SVG that cannot run or load anything. */
export function sniffImage(bytes: Uint8Array): Sniffed {
  if (startsWith(bytes, PNG)) return { ok: true, type: { ext: '.png', mime: 'image/png' } };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { ok: true, type: { ext: '.jpg', mime: 'image/jpeg' } };
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return { ok: true, type: { ext: '.gif', mime: 'image/gif' } };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return { ok: true, type: { ext: '.webp', mime: 'image/webp' } };
  if (isAvif(bytes)) return { ok: true, type: { ext: '.avif', mime: 'image/avif' } };
  const svg = checkSvg(bytes);
  if (svg) return svg;
  return { ok: false, reason: 'not an image (PNG, JPEG, GIF, WebP, AVIF or a plain SVG), whatever its name says' };
}
