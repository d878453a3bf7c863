/** The Content-Security-Policy of a built deck: no inline or foreign script, except Reveal's own speaker view. */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { ExitCode, LecternError } from '../errors.js';
import { sha256 } from '../files/sha256.js';

/**
 * Reveal's notes plugin opens an about:blank window and document.write()s the speaker view into it, with one inline
 * <script>. That window inherits the deck's policy, so the policy allows that exact script by its SHA-256 hash and
 * nothing else inline. Styles may be inline: the speaker view and Reveal's layout need them, and CSS cannot run code.
 */
function policy(speakerViewHash: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' '${speakerViewHash}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: http: https:",
    "font-src 'self' data:",
    "media-src 'self'",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * The policy of the single-file export, which inlines its scripts: each allowed by its own hash (the runtime's and
 * the speaker view's), nothing by origin, since the file has no origin of its own worth trusting (under file:// every
 * local file would be 'self'). Images, fonts and styles are inlined as data: or <style>; remote images still show.
 */
export function singleFilePolicy(scriptHashes: string[]): string {
  return [
    "default-src 'none'",
    `script-src ${scriptHashes.map((hash) => `'${hash}'`).join(' ')}`,
    "style-src 'unsafe-inline'",
    'img-src data: http: https:',
    'font-src data:',
    'media-src data:',
    // The speaker view shows the deck again in frames, loading this same file.
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** `sha256-…` of a script's text, as a CSP hash source names it. */
export function scriptHash(js: string): string {
  return `sha256-${sha256(js, 'base64')}`;
}

const cache = new Map<string, Promise<string>>();

/** Where the runtime build records the speaker view's hash, so a deck build need not read and parse the runtime. */
export function speakerViewHashFile(runtimeScript: string): string {
  return join(dirname(runtimeScript), 'speaker-view.sha256');
}

/** The policy for decks that load the runtime script at `runtimeScript`. */
export async function contentSecurityPolicy(runtimeScript: string): Promise<string> {
  return policy(await speakerViewHash(runtimeScript));
}

/** `sha256-…` of the speaker view's inline script in the runtime at `runtimeScript`; found once per script. */
export function speakerViewHash(runtimeScript: string): Promise<string> {
  let found = cache.get(runtimeScript);
  if (!found) {
    // The recorded hash is read with the synchronous call: the build waits for it, with nothing else to do.
    let recorded: string | undefined;
    try {
      recorded = readFileSync(speakerViewHashFile(runtimeScript), 'utf8').trim();
    } catch {
      // Not recorded: hashed from the script itself below.
    }
    found = recorded !== undefined ? Promise.resolve(recorded) : readFile(runtimeScript, 'utf8').then((script) => speakerViewScriptHash(script, runtimeScript));
    found.catch(() => cache.delete(runtimeScript));
    cache.set(runtimeScript, found);
  }
  return found;
}

/** `sha256-…` of the inline script in the speaker-view page the runtime writes into its popup. */
export function speakerViewScriptHash(runtimeJs: string, file = 'runtime'): string {
  const html = speakerViewHtml(runtimeJs);
  const scripts = html ? [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '') : [];
  if (!html || scripts.length !== 1 || /<script\s[^>]*>/.test(html)) {
    throw new LecternError('cannot find the speaker view script in the presentation runtime', {
      exitCode: ExitCode.internal,
      location: { file },
      hint: 'the Reveal.js notes plugin changed shape; update src/site/csp.ts',
    });
  }
  return scriptHash(scripts[0]!);
}

/** The string literal passed to `document.write(` that holds the speaker view, evaluated to its value. */
function speakerViewHtml(js: string): string | undefined {
  const marker = js.indexOf('reveal.js - Speaker View');
  if (marker < 0) return undefined;
  const call = js.lastIndexOf('.write(', marker);
  if (call < 0) return undefined;
  const start = call + '.write('.length;
  const quote = js[start];
  if (quote !== '`' && quote !== '"' && quote !== "'") return undefined;
  for (let index = start + 1; index < js.length; index++) {
    const char = js[index];
    if (char === '\\') {
      index++;
      continue;
    }
    // An interpolation would make the text depend on run time: not a constant we could hash.
    if (quote === '`' && char === '$' && js[index + 1] === '{') return undefined;
    if (char === quote) {
      const value: unknown = runInNewContext(js.slice(start, index + 1));
      return typeof value === 'string' ? value : undefined;
    }
  }
  return undefined;
}
