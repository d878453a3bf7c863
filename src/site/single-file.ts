/**
 * One offline HTML string: the built page with every stylesheet, script, font and image inlined, under a
 * Content-Security-Policy that allows exactly its own scripts by hash. No browser involved; `src/export/single-file.ts`
 * writes it. Stylesheets go through `rewriteStylesheet` (`src/files/theme-assets.ts`), as in the staged copy for the
 * browser (`src/browser/stage.ts`) and the built site.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { Script } from 'node:vm';
import type { Warning } from '../errors.js';
import { inlineAsset, rewriteStylesheet } from '../files/theme-assets.js';
import type { PreparedDeck } from '../pipeline.js';
import { escapeHtml } from '../escape-html.js';
import { planSite } from './build-site.js';
import { scriptHash, singleFilePolicy, speakerViewHash } from './csp.js';
import { ensureRuntime } from './runtime.js';

const MIME: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
};

async function dataUri(file: string, mime: string): Promise<string> {
  return `data:${mime};base64,${(await readFile(file)).toString('base64')}`;
}

/** A media copy's MIME type, from the extension its checked bytes gave it. */
function imageMime(name: string): string {
  return MIME[extname(name).toLowerCase()] ?? 'application/octet-stream';
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
  const site = await planSite(prepared, { inlineAssets: true });
  const roots = prepared.access.roots;
  const warnings: Warning[] = [...site.warnings];
  const texts = new Map(site.texts.map((file) => [file.to, file.text] as const));
  const source = new Map(site.copies.map((copy) => [copy.to, copy.from] as const));
  let html = site.html;
  // Images are replaced where they are used, as whole attribute values: a name that is a prefix of another's
  // never corrupts it, and text that merely mentions a media path stays as written.
  const images = new Map<string, string>();
  for (const copy of site.copies.filter((item) => item.to.startsWith('media/'))) images.set(copy.to, copy.from);
  const uris = new Map<string, string>();
  for (const [to, from] of images) uris.set(to, await dataUri(from, imageMime(to)));
  html = html.replace(/(<img\b[^>]*?\ssrc=")(media\/[^"]+)(")/g, (whole, open: string, to: string, close: string) => {
    const uri = uris.get(to);
    return uri === undefined ? whole : `${open}${uri}${close}`;
  });
  // The logo is the image of the brand rules' .slide-logo.
  html = html.replace(/(\.slide-logo \{ background-image: url\(")(media\/[^"]+)("\))/g, (whole, open: string, to: string, close: string) => {
    const uri = uris.get(to);
    return uri === undefined ? whole : `${open}${uri}${close}`;
  });
  const replacements: Array<[string, string]> = [];
  for (const match of html.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)) {
    const file = source.get(match[1] ?? '');
    const text = texts.get(match[1] ?? '') ?? (file ? await rewriteStylesheet(file, roots, inlineAsset, warnings) : undefined);
    if (text === undefined) continue;
    const css = text.replace(/<\/(style)/gi, '<\\/$1');
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
  return { html: withPolicyMeta(html, singleFilePolicy([...new Set(hashes)])), warnings };
}
