/** One offline HTML file: the built page with every stylesheet, script, font and image inlined. */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { Script } from 'node:vm';
import type { Warning } from '../errors.js';
import type { PreparedDeck } from '../pipeline.js';
import { planSite } from '../site/build-site.js';
import { writeFileAtomically } from '../site/atomic.js';
import { sourceFiles } from '../site/output-guard.js';

const MIME: Record<string, string> = {
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.eot': 'application/vnd.ms-fontobject',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.css': 'text/css',
};

async function dataUri(file: string): Promise<string> {
  const mime = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
  return `data:${mime};base64,${(await readFile(file)).toString('base64')}`;
}

function isExternal(url: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(url);
}

/** A stylesheet with its local `@import`s inlined and local `url()`s turned into data: URIs. */
export async function inlineCss(file: string, warnings: Warning[], depth = 0): Promise<string> {
  let css = await readFile(file, 'utf8');
  const base = dirname(file);
  const imports = [...css.matchAll(/@import\s+(?:url\(\s*)?(['"]?)([^'")\s;]+)\1\s*\)?[^;]*;/gi)];
  for (const match of imports) {
    const url = match[2] ?? '';
    if (isExternal(url) || depth > 4) {
      warnings.push({ message: `left out an @import the offline file cannot carry: ${url}`, location: { file } });
      css = css.replace(match[0], '');
      continue;
    }
    css = css.replace(match[0], await inlineCss(resolve(base, url.split(/[?#]/)[0] ?? url), warnings, depth + 1));
  }
  const urls = [...new Set([...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/gi)].map((match) => match[2] ?? ''))];
  for (const url of urls) {
    if (isExternal(url)) {
      if (/^(?:https?:)?\/\//i.test(url)) warnings.push({ message: `a stylesheet refers to ${url}, which needs the network`, location: { file } });
      continue;
    }
    const path = resolve(base, decodeURI(url.split(/[?#]/)[0] ?? url));
    const uri = await dataUri(path).catch(() => undefined);
    if (uri === undefined) {
      warnings.push({ message: `a stylesheet refers to a missing file: ${url}`, location: { file } });
      continue;
    }
    css = css.split(url).join(uri);
  }
  return css;
}

/**
 * Script text that cannot end its <script> element early: `</script` and `<!--` are escaped. If that would change
 * the program (an escape inside a u-flag regular expression), the script is carried as a base64 data: URL instead.
 */
export function scriptElement(js: string): string {
  const escaped = js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
  if (escaped === js) return `<script>${js}</script>`;
  try {
    new Script(escaped);
    return `<script>${escaped}</script>`;
  } catch {
    return `<script src="data:text/javascript;base64,${Buffer.from(js).toString('base64')}"></script>`;
  }
}

/** The deck as one self-contained HTML string. */
export async function renderSingleFile(prepared: PreparedDeck): Promise<{ html: string; warnings: Warning[] }> {
  const site = await planSite(prepared);
  const warnings: Warning[] = [];
  const source = new Map(site.copies.map((copy) => [copy.to, copy.from] as const));
  let html = site.html;
  const replacements: Array<[string, string]> = [];
  for (const match of html.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)) {
    const file = source.get(match[1] ?? '');
    if (!file) continue;
    const css = (await inlineCss(file, warnings)).replace(/<\/(style)/gi, '<\\/$1');
    replacements.push([match[0], `<style>${css}</style>`]);
  }
  for (const match of html.matchAll(/<script src="([^"]+)"><\/script>/g)) {
    const file = source.get(match[1] ?? '');
    if (file) replacements.push([match[0], scriptElement(await readFile(file, 'utf8'))]);
  }
  // A function replacement, so `$` in inlined code is never read as a pattern.
  for (const [from, to] of replacements) html = html.replace(from, () => to);
  // Media names are content hashes, unique in the page: every mention is the image itself.
  for (const copy of site.copies.filter((item) => item.to.startsWith('media/'))) {
    html = html.split(copy.to).join(await dataUri(copy.from));
  }
  return { html, warnings };
}

/** Writes the single offline file atomically; returns its size in bytes. `force` overwrites a file that is not HTML. */
export async function exportSingleFile(prepared: PreparedDeck, out: string, options: { force?: boolean } = {}): Promise<{ bytes: number; warnings: Warning[] }> {
  const { html, warnings } = await renderSingleFile(prepared);
  await writeFileAtomically(out, (temporary) => writeFile(temporary, html), { kind: 'html', force: options.force, protect: sourceFiles(prepared.deck.file) });
  return { bytes: Buffer.byteLength(html), warnings };
}
