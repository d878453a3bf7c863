/** Allow-list sanitising of untrusted article HTML (Markdown raw HTML, saved web pages). */
import { createRequire } from 'node:module';
import type { Config, DOMPurify, WindowLike } from 'dompurify';
import type { JSDOM } from 'jsdom';

// jsdom takes most of a second to load: it is required on first use only, so articles without raw HTML never pay for it.
const requireLazily = createRequire(import.meta.url);

const ALLOWED_TAGS = [
  'p',
  'a',
  'em',
  'strong',
  'b',
  'i',
  'u',
  's',
  'code',
  'pre',
  'kbd',
  'sub',
  'sup',
  'br',
  'span',
  'ul',
  'ol',
  'li',
  'blockquote',
  'q',
  'cite',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'caption',
  'img',
  'figure',
  'figcaption',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'dl',
  'dt',
  'dd',
  'details',
  'summary',
  'abbr',
  'mark',
  'small',
  'del',
  'ins',
];

// Presentation-neutral attributes only: no style, no id/class (DOM clobbering, CSS hijack), no event handlers.
const ALLOWED_ATTR = [
  'href',
  'src',
  'alt',
  'title',
  'cite',
  'datetime',
  'lang',
  'dir',
  'colspan',
  'rowspan',
  'scope',
  'start',
  'reversed',
  'type',
  'open',
  'width',
  'height',
  'target',
];

// Listed explicitly so that a future widening of ALLOWED_TAGS cannot let these back in.
const FORBID_TAGS = [
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'meta',
  'base',
  'link',
  'svg',
  'math',
  'noscript',
  'template',
  'noembed',
  'noframes',
  'xmp',
  'plaintext',
  'portal',
];

/** Attributes whose value is a URL and must pass `isSafeUrl`. */
const URL_ATTRS = ['href', 'src', 'cite', 'action', 'formaction', 'poster', 'background', 'xlink:href'];

// Characters browsers ignore inside a URL scheme (`java\tscript:`), removed before the scheme check.

const URL_IGNORED = /[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028\u2029\u205f\u3000\ufeff]/g;
const SAFE_SCHEME = /^(?:https?|mailto):/i;
const SAFE_DATA_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp)[;,]/i;
// A scheme is letters/digits/+.- before the first colon, if that colon comes before any / ? #.
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

const CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  FORBID_TAGS,
  FORBID_ATTR: ['style', 'srcset', 'formaction', 'xlink:href'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // Only http(s), mailto and scheme-less (relative, #fragment) values; data: images are handled by the hook.
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  USE_PROFILES: false,
  SAFE_FOR_TEMPLATES: false,
  WHOLE_DOCUMENT: false,
};

/** True when `url` may appear in an href/src: http(s), mailto, relative or `#`; `data:` images only if `image`. */
export function isSafeUrl(url: string, image = false): boolean {
  const compact = url.replace(URL_IGNORED, '');
  if (!HAS_SCHEME.test(compact)) return true;
  if (SAFE_SCHEME.test(compact)) return true;
  return image && SAFE_DATA_IMAGE.test(compact);
}

let purifier: DOMPurify | undefined;
let domWindow: JSDOM['window'] | undefined;

/** One jsdom window and DOMPurify instance for the process, created on first use. */
function getPurifier(): DOMPurify {
  if (purifier) return purifier;
  const { JSDOM: Dom } = requireLazily('jsdom') as typeof import('jsdom');
  const createDOMPurify = requireLazily('dompurify') as (window: WindowLike) => DOMPurify;
  domWindow = new Dom('<!DOCTYPE html><html><body></body></html>').window;
  const instance = createDOMPurify(domWindow);
  instance.addHook('afterSanitizeAttributes', (node) => {
    const element = node;
    if (typeof element.getAttribute !== 'function') return;
    const tag = element.tagName.toLowerCase();
    for (const name of URL_ATTRS) {
      const value = element.getAttribute(name);
      if (value !== null && !isSafeUrl(value, tag === 'img' && name === 'src')) element.removeAttribute(name);
    }
    // A new tab must not get a handle on the deck (reverse tabnabbing); other targets could aim at frames.
    if (element.hasAttribute('target')) {
      if (tag === 'a') {
        element.setAttribute('target', '_blank');
        element.setAttribute('rel', 'noopener noreferrer');
      } else {
        element.removeAttribute('target');
      }
    }
  });
  purifier = instance;
  return instance;
}

/** Sanitise untrusted HTML to the allow-list above; the result is safe to insert into a slide. */
export function sanitizeHtml(html: string): string {
  if (!html) return '';
  return getPurifier().sanitize(html, CONFIG);
}

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'blockquote',
  'pre',
  'table',
  'tr',
  'td',
  'th',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'figure',
  'figcaption',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'dl',
  'dt',
  'dd',
  'details',
  'summary',
  'section',
  'article',
  'header',
  'footer',
  'aside',
  'nav',
  'main',
]);

const TAGS_ONLY = /^(?:\s|<[^<>]*>)*$/;
/** Text whose only references are those an HTML serialiser writes. */
const PLAIN_ENTITIES = /^(?:[^&]|&(?:amp|lt|gt|quot|nbsp);)*$/;
const SERIALISED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: '\u00a0' };

/** The visible text of `html` (scripts, styles and templates dropped), whitespace collapsed to single spaces. */
export function htmlToText(html: string): string {
  // Tags and comments alone hold no text: answered without a DOM, which costs a millisecond per call (thousands of
  // inline tags would take seconds).
  if (TAGS_ONLY.test(html)) return '';
  return textOf(getPurifier().sanitize(html, { ...CONFIG, RETURN_DOM: true }));
}

/** `sanitizeHtml` and `htmlToText` of its result in one DOM pass: half the parsing for each block of a web page. */
export function sanitizeWithText(dirty: string): { html: string; text: string } {
  if (!dirty) return { html: '', text: '' };
  // Serialised text without a tag (most paragraphs of a page) needs no DOM: a new document per block dominated the
  // time of pages with thousands of paragraphs.
  if (!dirty.includes('<') && PLAIN_ENTITIES.test(dirty)) {
    const text = dirty.replace(/&(amp|lt|gt|quot|nbsp);/g, (_, name: string) => SERIALISED[name]!);
    return { html: dirty.trim(), text: text.replace(/\s+/g, ' ').trim() };
  }
  const body = getPurifier().sanitize(dirty, { ...CONFIG, RETURN_DOM: true });
  return { html: body.innerHTML.trim(), text: textOf(body) };
}

function textOf(body: Node): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      parts.push(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== 1) return;
    // Block boundaries separate words that have no whitespace between them in the markup (`<p>a</p><p>b</p>`).
    const block = BLOCK_TAGS.has((node as Element).tagName.toLowerCase());
    if (block) parts.push(' ');
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    if (block) parts.push(' ');
  };
  walk(body);
  return parts.join('').replace(/\s+/g, ' ').trim();
}
