/**
 * A stylesheet with the files its `url()`s and `@import`s name, held to the same rules as an article's images: each
 * path is resolved through its symlinks and followed only inside the stylesheet's own folder or the article's roots,
 * and a file is published only when its bytes are an image or a web font. The stylesheet is parsed by lightningcss
 * (`analyzeDependencies`), which hands every reference over as a whole token with its line, so no pattern has to find
 * them in the text. The one walker for every stylesheet a deck carries: a custom theme in the built site, and every
 * stylesheet of the staged copy PDF, PNG and `check` open and of the single file.
 */
import { readFile, realpath } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { Warning } from '../errors.js';
import { sniffImage, type ImageType } from './image-type.js';
import { decodeLocalPath, isExternalUrl } from './local-images.js';
import { confine, refusalText } from './roots.js';

/** What becomes of a referenced file: the URL the rewritten stylesheet names it by (a site path or a data: URI). */
export type PublishAsset = (file: string, bytes: Buffer, type: ImageType) => Promise<string> | string;

/** Writes a referenced file into the stylesheet itself, as a data: URI (single file, staged copy). */
export const inlineAsset: PublishAsset = (_file, bytes, type) => `data:${type.mime};base64,${bytes.toString('base64')}`;

/** `@import`s followed at most this deep (a stylesheet that imports itself stops here). */
const MAX_IMPORT_DEPTH = 4;

const requireLazily = createRequire(import.meta.url);

/** Web fonts by their first bytes (a theme's `@font-face`). */
function sniffFont(bytes: Uint8Array): ImageType | undefined {
  const tag = Buffer.from(bytes.subarray(0, 4)).toString('latin1');
  if (tag === 'wOF2') return { ext: '.woff2', mime: 'font/woff2' };
  if (tag === 'wOFF') return { ext: '.woff', mime: 'font/woff' };
  if (tag === 'OTTO') return { ext: '.otf', mime: 'font/otf' };
  if (tag === '\x00\x01\x00\x00' || tag === 'true') return { ext: '.ttf', mime: 'font/ttf' };
  return undefined;
}

/**
 * The stylesheet at `file` with its `@import`s inlined and each local `url()` replaced by what `publish` returns.
 * A local `@import` inside the stylesheet's folder or `roots` is inlined in its place (recursively, with its own
 * `@media`/`@supports` conditions). A reference that is refused (outside the roots, missing, not an image or font, a
 * remote `@import`) is left out with a warning naming the stylesheet, line and reference; remote and `data:` URLs of
 * `url()` stay as written. Warnings name `file` as given, so the user finds the stylesheet they wrote.
 */
export async function rewriteStylesheet(file: string, roots: readonly string[], publish: PublishAsset, warnings: Warning[], depth = 0): Promise<string> {
  const { transform } = requireLazily('lightningcss') as typeof import('lightningcss');
  const real = await realpath(file);
  const base = dirname(real);
  const allowed = [base, ...roots];
  const result = transform({ filename: real, code: await readFile(real), analyzeDependencies: true, errorRecovery: true });
  let css = result.code.toString();
  const imported: string[] = [];
  for (const dependency of result.dependencies ?? []) {
    // Other kinds (file, glob) come only from CSS modules and composes, which are off.
    if (dependency.type !== 'import' && dependency.type !== 'url') continue;
    const where = { file, line: dependency.loc.start.line };
    const local = async (): Promise<string | undefined> => {
      const path = decodeLocalPath(dependency.url);
      const confined = path === undefined || path === '' ? undefined : await confine(path, base, allowed);
      if (confined?.ok) return confined.file;
      const reason =
        path === undefined ? 'its percent-encoding is malformed' : confined === undefined ? 'its path names no file' : refusalText(confined.reason);
      warnings.push({ message: `stylesheet reference ${JSON.stringify(dependency.url)} left out: ${reason}`, location: where });
      return undefined;
    };
    if (dependency.type === 'import') {
      if (isExternalUrl(dependency.url)) {
        warnings.push({ message: `@import ${JSON.stringify(dependency.url)} left out: only local stylesheets are inlined`, location: where });
        continue;
      }
      if (depth >= MAX_IMPORT_DEPTH) {
        warnings.push({ message: `@import ${JSON.stringify(dependency.url)} left out: imports nest more than ${MAX_IMPORT_DEPTH} deep`, location: where });
        continue;
      }
      const target = await local();
      if (target === undefined) continue;
      let text = await rewriteStylesheet(target, roots, publish, warnings, depth + 1);
      if (dependency.supports) text = `@supports ${dependency.supports} {\n${text}\n}`;
      if (dependency.media) text = `@media ${dependency.media} {\n${text}\n}`;
      imported.push(text);
      continue;
    }
    let url = dependency.url;
    if (!isExternalUrl(url)) {
      const target = await local();
      const bytes = target === undefined ? undefined : await readFile(target);
      const sniffed = bytes === undefined ? undefined : sniffImage(bytes);
      const type = sniffed?.ok ? sniffed.type : bytes === undefined ? undefined : sniffFont(bytes);
      if (target !== undefined && bytes !== undefined && type === undefined) {
        warnings.push({ message: `stylesheet reference ${JSON.stringify(dependency.url)} left out: it is neither an image nor a web font`, location: where });
      }
      url = target !== undefined && bytes !== undefined && type !== undefined ? await publish(target, bytes, type) : '';
    }
    // The placeholder stands for the whole url() argument; it is replaced as a whole quoted token.
    css = css.split(`url(${JSON.stringify(dependency.placeholder)})`).join(`url(${JSON.stringify(url)})`);
  }
  return [...imported, css].join('\n');
}
