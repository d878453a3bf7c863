// Run by `npm run compile` after tsc: bundles the CLI (src/cli/main.ts) into one CommonJS file, lib/lectern-cli.cjs,
// so a build loads one file instead of some sixty, and its core can be compiled from V8's code cache (bin/load-cli.js).
// What only some commands need (web pages, PDF and PNG export, the dev server, check) stays behind dynamic imports and
// becomes chunks of its own (lib/lectern-cli-*.cjs). The chunks sit
// directly in lib/, like lib/paths.js, so `PACKAGE_ROOT` (one folder up from the running file) stays the package's
// root. Source maps point at src/ and are read only under `--debug` (bin/lectern.js), so they cost nothing otherwise.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'rolldown';
import { parseAst } from 'rolldown/parseAst';
import { LATIN_CODES } from '../lib/outline/language.js';

// Bundled: the small ES module packages every Markdown build needs (marked, entities, and franc-min with its three
// helpers: finding four packages' files cost more than reading them), and pdf-lib with its dependencies (some hundred
// files otherwise). The rest are loaded from node_modules as before (big, lazily loaded, or read by createRequire).
const BUNDLED_PACKAGES = new Set([
  'marked',
  'entities',
  'franc-min',
  'trigram-utils',
  'n-gram',
  'collapse-white-space',
  'pdf-lib',
  '@pdf-lib',
  'pako',
  'tslib',
  'lilconfig',
]);
const PREFIX = 'lectern-cli';

// The chunks: what every command needs first, then one per lazily loaded part.
const LAZY_PARTS = [
  { name: 'web-page', test: /src[\\/]article[\\/](html|sanitize)\.ts$/ }, // jsdom, Readability, DOMPurify
  { name: 'pdf-lib', test: /src[\\/]export[\\/]pdf-metadata\.ts$|node_modules[\\/](pdf-lib|@pdf-lib|pako|tslib)[\\/]/ }, // joins and annotates printed PDFs
  { name: 'export', test: /src[\\/](browser|export(?![\\/]pptx)|check)[\\/]|src[\\/]cli[\\/](export|check)\.ts$|src[\\/]site[\\/]single-file\.ts$/ },
  { name: 'dev', test: /src[\\/]vite[\\/]|src[\\/]cli[\\/]dev\.ts$/ }, // Vite
  { name: 'import', test: /src[\\/]cli[\\/]import\.ts$|src[\\/]render[\\/]markdown-deck\.ts$/ }, // yaml's writer
  // pptxgenjs, JSZip and image-size took 74 ms to load, and a PDF or PNG export loaded them before it started the
  // browser. Listed after `export`, which keeps the modules the two share (html-text.ts).
  { name: 'pptx', test: /src[\\/]export[\\/]pptx[\w-]*\.ts$/ },
];
const lazy = (id) => LAZY_PARTS.some((part) => part.test.test(id));

/**
 * franc-min turns the trigrams of all its 82 languages into lookup tables when it loads (a third of what loading the
 * CLI cost). Lectern asks it only about the Latin-script languages in LATIN_CODES (src/outline/language.ts), so the
 * bundle keeps only theirs, in franc's own order: for any text, franc answers as with the whole data. (Text whose
 * main script is another one gets `und` either way: with the whole data, no language of that script is allowed.)
 */
const francSubset = {
  name: 'franc-latin-subset',
  async transform(_code, id) {
    if (!/[\\/]franc-min[\\/]data\.js$/.test(id)) return null;
    const { data } = await import(pathToFileURL(id).href);
    const latin = Object.fromEntries(Object.entries(data.Latin).filter(([code]) => LATIN_CODES.includes(code)));
    if (Object.keys(latin).length !== LATIN_CODES.length) throw new Error(`franc-min has no trigrams for some of ${LATIN_CODES.join(', ')}`);
    return { code: `export const data = ${JSON.stringify({ Latin: latin })};\n`, map: null };
  },
};

/**
 * bin/load-cli.js compiles the core chunk with V8's code cache through vm.Script, where import() works only behind an
 * experimental flag. So each import() in the core (vite, jiti, lilconfig, a config file) calls a function of the same
 * length instead, which load-cli.js provides and which falls back to import() when the chunk is loaded by require()
 * (under --debug): the text keeps its columns and the source maps stay true.
 */
const DYNAMIC_IMPORT = '__imp_';
const coreDynamicImports = {
  name: 'core-dynamic-imports',
  renderChunk(code, chunk) {
    if (chunk.fileName !== `${PREFIX}-core.cjs`) return null;
    const starts = [];
    const walk = (node) => {
      if (Array.isArray(node)) for (const child of node) walk(child);
      else if (node && typeof node === 'object') {
        if (node.type === 'ImportExpression') starts.push(node.start);
        for (const key in node) if (key !== 'parent') walk(node[key]);
      }
    };
    walk(parseAst(code));
    // The intro's own import(), the fallback, stays.
    const introEnd = code.startsWith(`const ${DYNAMIC_IMPORT} =`) ? code.indexOf('\n') : 0;
    let out = code;
    for (const start of starts.filter((at) => at > introEnd)) {
      if (out.slice(start, start + 6) !== 'import') throw new Error(`core chunk: no import() at ${start}`);
      out = out.slice(0, start) + DYNAMIC_IMPORT + out.slice(start + 6);
    }
    return { code: out, map: null };
  },
};
/** Defines the function in the core chunk, before its first line (rolldown keeps the source maps true). */
const coreIntro = (chunk) =>
  chunk.fileName === `${PREFIX}-core.cjs`
    ? `const ${DYNAMIC_IMPORT} = globalThis[Symbol.for('lectern.dynamicImport')] ?? ((specifier) => import(specifier));`
    : '';

for (const name of readdirSync('lib')) if (name.startsWith(PREFIX)) rmSync(join('lib', name));

await build({
  input: { [PREFIX]: 'src/cli/main.ts' },
  platform: 'node',
  plugins: [francSubset, coreDynamicImports],
  resolve: { extensionAlias: { '.js': ['.ts', '.js'] } },
  external: (id, importer) => {
    if (id.startsWith('node:')) return true;
    if (id.startsWith('.') || id.startsWith('/') || importer === undefined) return false;
    // Handlebars' runtime is bundled (src/render/handlebars-runtime.ts); its compiler, loaded only for edited templates, is not.
    if (id === 'handlebars/dist/handlebars.runtime.js') return false;
    return !BUNDLED_PACKAGES.has(id.split('/')[0]);
  },
  // A module both imported and lazily imported simply stays in its chunk, and the plugins' timings are expected (parsing
  // the core to find its import() takes a second on a busy machine): nothing to report.
  onLog: (level, log, report) => {
    if (log.code !== 'INEFFECTIVE_DYNAMIC_IMPORT' && log.code !== 'PLUGIN_TIMINGS') report(level, log);
  },
  output: {
    dir: 'lib',
    format: 'cjs',
    intro: coreIntro,
    entryFileNames: '[name].cjs',
    chunkFileNames: `${PREFIX}-[name].cjs`,
    sourcemap: true,
    sourcemapExcludeSources: true,
    codeSplitting: {
      groups: [{ name: 'core', test: (id) => !lazy(id) && !id.endsWith('main.ts'), priority: 2 }, ...LAZY_PARTS.map((part) => ({ ...part, priority: 1 }))],
    },
  },
});
process.stderr.write(`lectern: CLI bundled into lib/${PREFIX}.cjs\n`);
