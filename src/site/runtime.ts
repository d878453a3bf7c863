import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { ExitCode, LecternError } from '../errors.js';
import { PACKAGE_ROOT, RUNTIME_DIR } from '../paths.js';
import { speakerViewHashFile, speakerViewScriptHash } from './csp.js';
import { renameRetrying } from './atomic.js';

/** The browser runtime shared by every deck: built once, reused by every build until its inputs change. */
export interface RuntimeFiles {
  dir: string;
  script: string;
  revealCss: string;
  themesDir: string;
}

const PRESENT_DIR = join(PACKAGE_ROOT, 'src', 'present');
// Found the way Node finds it, so a hoisted, pnpm or global install works as well as the repo's own node_modules
// (through a file its `exports` map names: it does not export package.json). The package's own node_modules, where
// Node looks first, is tried before: resolving through the `exports` map took about 2 ms of every build.
const OWN_REVEAL_DIR = join(PACKAGE_ROOT, 'node_modules', 'reveal.js');
const REVEAL_DIR = existsSync(join(OWN_REVEAL_DIR, 'package.json'))
  ? OWN_REVEAL_DIR
  : join(dirname(createRequire(import.meta.url).resolve('reveal.js/reveal.css')), '..');
const STAMP = 'stamp.txt';

/**
 * Where an out-of-date runtime is rebuilt. In the repo's own checkout that is runtime/ (what `npm run compile` and the
 * package ship); an installed package is never written to, so there it goes to the user's cache folder.
 */
export function runtimeBuildDir(fingerprint: string): string {
  if (existsSync(join(PACKAGE_ROOT, '.git'))) return RUNTIME_DIR;
  const cache = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cache, 'lectern', `runtime-${fingerprint}`);
}

/** Reveal.js themes Lectern can use; their remote font imports are removed so decks work offline. */
export async function revealThemeNames(): Promise<string[]> {
  const files = await readdir(join(REVEAL_DIR, 'dist', 'theme')).catch(() => [] as string[]);
  return files
    .filter((file) => file.endsWith('.css'))
    .map((file) => file.slice(0, -4))
    .sort();
}

/** A fingerprint of everything the runtime is made from: Reveal's version and the sources in src/present/. */
function runtimeFingerprint(): string {
  // Read with the synchronous calls: every build checks this and waits for it, and a dozen small files sent through
  // libuv's thread pool left the main thread idle meanwhile.
  const files = readdirSync(PRESENT_DIR).sort();
  const parts: Uint8Array[] = [readFileSync(join(REVEAL_DIR, 'package.json'))];
  for (const file of files) parts.push(Buffer.from(`\0${file}\0`), readFileSync(join(PRESENT_DIR, file)));
  return fingerprintOf(parts);
}

/**
 * A 64-bit hash of some bytes as 16 hex digits (two multiplicative lanes, mixed at the end): enough to notice that an
 * input changed, checked on every build without loading node:crypto. Not for anything an attacker chooses.
 */
export function fingerprintOf(parts: Uint8Array[]): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (const part of parts) {
    for (let index = 0; index < part.length; index++) {
      const byte = part[index]!;
      h1 = Math.imul(h1 ^ byte, 2654435761);
      h2 = Math.imul(h2 ^ byte, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

function filesIn(dir: string): RuntimeFiles {
  return { dir, script: join(dir, 'lectern.js'), revealCss: join(dir, 'reveal.css'), themesDir: join(dir, 'themes') };
}

/** Returns the runtime, building it first only when it is missing or out of date. */
export async function ensureRuntime(): Promise<RuntimeFiles> {
  const fingerprint = runtimeFingerprint();
  const stampOf = (dir: string): string => {
    try {
      return readFileSync(join(dir, STAMP), 'utf8').trim();
    } catch {
      return '';
    }
  };
  if (stampOf(RUNTIME_DIR) === fingerprint) return filesIn(RUNTIME_DIR);
  const dir = runtimeBuildDir(fingerprint);
  if (dir !== RUNTIME_DIR && stampOf(dir) === fingerprint) return filesIn(dir);
  await buildRuntime(fingerprint, dir);
  return filesIn(dir);
}

/** Bundles the browser entry with Vite into one classic script (works from file:// too) and copies the CSS. */
export async function buildRuntime(fingerprint?: string, target = RUNTIME_DIR): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const staging = `${target}.staging-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  try {
    const { build } = await import('vite');
    await build({
      configFile: false,
      logLevel: 'error',
      root: PACKAGE_ROOT,
      build: {
        outDir: staging,
        emptyOutDir: true,
        minify: true,
        sourcemap: false,
        reportCompressedSize: false,
        lib: { entry: join(PRESENT_DIR, 'main.ts'), formats: ['iife'], name: 'LecternRuntime', fileName: () => 'lectern.js' },
      },
    });
    const script = join(staging, 'lectern.js');
    await writeFile(speakerViewHashFile(script), `${speakerViewScriptHash(await readFile(script, 'utf8'), script)}\n`);
    await writeFile(join(staging, 'reveal.css'), await readFile(join(REVEAL_DIR, 'dist', 'reveal.css')));
    await mkdir(join(staging, 'themes'), { recursive: true });
    for (const name of await revealThemeNames()) {
      const css = await readFile(join(REVEAL_DIR, 'dist', 'theme', `${name}.css`), 'utf8');
      await writeFile(join(staging, 'themes', `${name}.css`), withoutRemoteImports(css));
    }
    await writeFile(join(staging, STAMP), `${fingerprint ?? runtimeFingerprint()}\n`);
    await rm(target, { recursive: true, force: true });
    await renameRetrying(staging, target);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw new LecternError(`could not build the presentation runtime: ${error instanceof Error ? error.message : String(error)}`, {
      exitCode: ExitCode.internal,
      location: { file: join(PRESENT_DIR, 'main.ts') },
      cause: error,
    });
  }
}

/** Drops `@import` of remote stylesheets (web fonts): decks must never reach the network. */
export function withoutRemoteImports(css: string): string {
  return css.replace(/@import\s+(?:url\()?\s*["']?https?:\/\/[^;]+;\s*/gi, '');
}
