/**
 * One offline HTML file: the built page with every stylesheet, script, font and image inlined, under a
 * Content-Security-Policy that allows exactly its own scripts by hash.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { Script } from 'node:vm';
import type { Warning } from '../errors.js';
import type { PreparedDeck } from '../pipeline.js';
import { escapeHtml } from '../article/sanitize.js';
import { planSite } from '../site/build-site.js';
import { writeFileAtomically } from '../site/atomic.js';
import { scriptHash, singleFilePolicy, speakerViewHash } from '../site/csp.js';
import { sourceFiles } from '../site/output-guard.js';
import { ensureRuntime } from '../site/runtime.js';

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
 * the program (an escape inside a u-flag regular expression), the script is carried as a base64 data: URL instead,
 * with an `integrity` the policy's hash matches. `hash` is what the Content-Security-Policy must allow.
 */
export function scriptElement(js: string): { html: string; hash: string } {
  const escaped = js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
  if (escaped === js) return { html: `<script>${js}</script>`, hash: scriptHash(js) };
  try {
    new Script(escaped);
    return { html: `<script>${escaped}</script>`, hash: scriptHash(escaped) };
  } catch {
    const hash = scriptHash(js);
    return { html: `<script src="data:text/javascript;base64,${Buffer.from(js).toString('base64')}" integrity="${hash}"></script>`, hash };
  }
}

/** The page with a Content-Security-Policy `<meta>` first in its head, before anything it governs. */
export function withPolicyMeta(html: string, policy: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">`;
  const head = /<head(?:\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + `\n${meta}` + html.slice(head.index + head[0].length);
  // A template without <head>: the parser puts a leading <meta> into the head it makes up.
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  const at = doctype ? doctype[0].length : 0;
  return `${html.slice(0, at)}\n<head>${meta}</head>${html.slice(at)}`;
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
  // The speaker view's inline script runs in a window that inherits this page's policy.
  const hashes = [await speakerViewHash((await ensureRuntime()).script)];
  for (const match of html.matchAll(/<script src="([^"]+)"><\/script>/g)) {
    const file = source.get(match[1] ?? '');
    if (!file) continue;
    const script = scriptElement(await readFile(file, 'utf8'));
    hashes.unshift(script.hash);
    replacements.push([match[0], script.html]);
  }
  // A function replacement, so `$` in inlined code is never read as a pattern.
  for (const [from, to] of replacements) html = html.replace(from, () => to);
  // Media names are content hashes, unique in the page: every mention is the image itself.
  for (const copy of site.copies.filter((item) => item.to.startsWith('media/'))) {
    html = html.split(copy.to).join(await dataUri(copy.from));
  }
  return { html: withPolicyMeta(html, singleFilePolicy([...new Set(hashes)])), warnings };
}

/** Writes the single offline file atomically; returns its size in bytes. `force` overwrites a file that is not HTML. */
export async function exportSingleFile(prepared: PreparedDeck, out: string, options: { force?: boolean } = {}): Promise<{ bytes: number; warnings: Warning[] }> {
  const { html, warnings } = await renderSingleFile(prepared);
  await writeFileAtomically(out, (temporary) => writeFile(temporary, html), { kind: 'html', force: options.force, protect: sourceFiles(prepared.deck.file) });
  return { bytes: Buffer.byteLength(html), warnings };
}
