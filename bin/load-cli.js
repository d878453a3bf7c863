// Loads the bundled CLI (lib/lectern-cli.cjs, see scripts/bundle-cli.mjs). Its core, the part every command runs, is
// compiled with V8's code cache (lib/lectern-cli-core.cache, written by `npm run compile` after two sample builds), so a
// start need not parse and compile some 400 KB of JavaScript again. V8 rejects a cache made by another Node version or
// for another text, and the core then compiles as it would without one. Under --debug the CLI is loaded by plain
// require(), so Node reads the source maps and stack traces name the files in src/.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';

// V8 first runs each regular expression in its interpreter and compiles it to machine code when it runs again, so
// most of the outline's hundreds of patterns are compiled twice in a build. Compiled once, straight to machine code,
// a build of the seed deck ×1 took 313 ms instead of 344 ms here, ×10 441 instead of 476, ×100 1.47 s instead of
// 1.50 s (medians of 11 and 7 runs), with the same output. Set before the core is compiled: the code cache records the
// flags it was made with and is used only under the same ones (scripts/code-cache.mjs loads the CLI through here).
// V8's flags belong to the whole process: a helper thread (bin/outline-helper.js) loads the core without setting them,
// since changing them while another thread runs (an API caller's, a test runner's) is not safe. Under the CLI they are
// set already, and the helper's core is compiled from the same cache.
const CLI_FLAGS = '--no-regexp-tier-up';

const LIB = join(dirname(fileURLToPath(import.meta.url)), '..', 'lib');
const ENTRY = join(LIB, 'lectern-cli.cjs');
const CORE = join(LIB, 'lectern-cli-core.cjs');
export const CODE_CACHE = join(LIB, 'lectern-cli-core.cache');

/**
 * The CLI's exports; `writeCodeCache()` records what V8 compiled so far (run after a sample build). `setFlags: false`
 * leaves V8's flags as the process has them (a helper thread's).
 */
export function loadCli({ codeCache = true, setFlags = true } = {}) {
  if (setFlags) v8.setFlagsFromString(CLI_FLAGS);
  const require = createRequire(ENTRY);
  if (!codeCache) return { cli: require(ENTRY), writeCodeCache: () => undefined };
  const cachedData = codeCacheFor(CORE);
  const script = new vm.Script(Module.wrap(readFileSync(CORE, 'utf8')), {
    filename: CORE,
    cachedData,
  });
  // The core's import() of what it loads lazily (vite, jiti, lilconfig, a config file) comes here (scripts/bundle-cli.mjs):
  // resolved from bin/, beside lib/, it finds the same packages.
  globalThis[Symbol.for('lectern.dynamicImport')] ??= (specifier) => import(specifier);
  // Registered before it runs, as require() does, so the entry and the lazily loaded chunks get this very module.
  const core = new Module(CORE, null);
  core.filename = CORE;
  require.cache[CORE] = core;
  try {
    script.runInThisContext().call(core.exports, core.exports, createRequire(CORE), core, CORE, LIB);
  } catch (error) {
    delete require.cache[CORE];
    throw error;
  }
  core.loaded = true;
  return { cli: require(ENTRY), writeCodeCache: () => writeFileSync(CODE_CACHE, script.createCachedData()), rejected: script.cachedDataRejected };
}

/**
 * The recorded code cache, unless the core was written after it. (V8 checks a cache against the length of the text,
 * not its content: a core edited by hand after `npm run compile` must not run the old core's code.)
 */
function codeCacheFor(core) {
  try {
    if (statSync(CODE_CACHE).mtimeMs < statSync(core).mtimeMs) return undefined;
    return readFileSync(CODE_CACHE);
  } catch {
    return undefined;
  }
}
