/**
 * Markdown link and image destinations, resolved to the exact URL a browser will follow.
 *
 * marked keeps entity references in a destination as written (`javascript&colon;…`) and prints them unescaped, so a
 * check on its raw string approves what the browser then decodes into `javascript:`. Here the destination is decoded
 * once (CommonMark: entity references in destinations are decoded), percent-encoded as marked does, checked, and
 * printed with every `&` escaped, so the string checked is, character for character, the string the browser sees.
 */
import { decodeHTMLStrict } from 'entities';
import { Renderer, type Tokens } from 'marked';
import { escapeHtml } from '../escape-html.js';
import { isSafeUrl } from './sanitize.js';

/**
 * The URL a Markdown destination stands for, or undefined when it could run code (javascript:, vbscript:,
 * data:text/html…) in any of its forms. `image` allows data: images of raster types.
 */
export function markdownUrl(href: string, image = false): string | undefined {
  const decoded = decodeHTMLStrict(href);
  let encoded: string;
  try {
    // marked's own cleaning: spaces and non-ASCII percent-encoded, existing %XX kept.
    encoded = encodeURI(decoded).replace(/%25/g, '%');
  } catch {
    return undefined; // a lone surrogate: no URL a browser could follow
  }
  // Both forms must pass: the decoded one catches schemes split by tabs, newlines or spaces that encoding would hide.
  return isSafeUrl(decoded, image) && isSafeUrl(encoded, image) ? encoded : undefined;
}

/**
 * marked's renderer with links and images whose URL is checked after decoding and printed fully escaped. A link
 * whose URL is refused keeps its text; an image keeps its alt text. `onRefused` hears each refused destination.
 */
export class SafeUrlRenderer extends Renderer {
  constructor(private readonly onRefused: (href: string) => void = () => {}) {
    super();
  }

  override link({ href, title, tokens }: Tokens.Link): string {
    const inner = this.parser.parseInline(tokens);
    const url = markdownUrl(href);
    if (url === undefined) {
      this.onRefused(href);
      return inner;
    }
    return `<a href="${escapeHtml(url)}"${titleAttribute(title)}>${inner}</a>`;
  }

  override image({ href, title, text, tokens }: Tokens.Image): string {
    const alt = tokens ? this.parser.parseInline(tokens, this.parser.textRenderer) : text;
    const url = markdownUrl(href, true);
    if (url === undefined) {
      this.onRefused(href);
      return escapeHtml(decodeHTMLStrict(alt));
    }
    return `<img src="${escapeHtml(url)}" alt="${escapeHtml(decodeHTMLStrict(alt))}"${titleAttribute(title)}>`;
  }
}

function titleAttribute(title: string | null | undefined): string {
  return title ? ` title="${escapeHtml(decodeHTMLStrict(title))}"` : '';
}
