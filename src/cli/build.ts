import { readdir } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { ExitCode, LecternError } from '../errors.js';
import { prepareDeck, type PrepareOptions } from '../pipeline.js';
import { buildSite } from '../site/build-site.js';
import { writeDeckIndex } from '../site/deck-index.js';
import { parseCommand } from './args.js';
import { FILE_ACCESS_HELP, FILE_ACCESS_OPTIONS, deckName, prepareOptions } from './deck-options.js';
import { formatMinutes, say, warn } from './output.js';

export const BUILD_HELP = `Usage: lectern build [source] [options]

Builds a static site: DIR/index.html plus assets/. With no source, builds every deck in
slides/ into dist/<name>/ and writes dist/index.html linking them. Output is replaced only
when the build succeeds.

Options:
  -o, --out DIR         output folder (default: dist/<name>/; with no source: dist/)
      --json            print the outlined deck as JSON on stdout instead of building
      --duration TIME   planned talk length, e.g. 20m (overrides front matter)
      --wpm N           speaking rate in words a minute (default 140)
      --theme NAME      theme: lectern, a Reveal.js theme name, or a .css path
      --templates DIR   folder of template overrides
${FILE_ACCESS_HELP}
      --debug           show stack traces
  -h, --help            show this help
`;

const DECK_EXTENSIONS = new Set(['.md', '.markdown', '.txt', '.html', '.htm']);

/** `lectern build` */
export async function buildCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand('build', argv, {
    out: { type: 'string', short: 'o' },
    json: { type: 'boolean' },
    duration: { type: 'string' },
    wpm: { type: 'string' },
    theme: { type: 'string' },
    templates: { type: 'string' },
    ...FILE_ACCESS_OPTIONS,
    debug: { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(BUILD_HELP);
    return ExitCode.ok;
  }
  if (positionals.length > 1) throw new LecternError('build takes one source', { exitCode: ExitCode.usage, hint: 'see `lectern build --help`' });
  const options = prepareOptions(values);
  const source = positionals[0];
  if (source === undefined) return buildAll(typeof values.out === 'string' ? values.out : 'dist', options);

  const prepared = await prepareDeck(source, options);
  warn(prepared.warnings);
  if (values.json) {
    process.stdout.write(`${JSON.stringify(prepared.deck, null, 2)}\n`);
    return ExitCode.ok;
  }
  const outDir = typeof values.out === 'string' ? values.out : join('dist', deckName(source));
  await buildSite(prepared, outDir);
  const { deck } = prepared;
  say(`built ${join(outDir, 'index.html')}: ${deck.slides.length} slides, ${deck.sections.length} sections, ${formatMinutes(deck.meta.totalTime)} planned`);
  return ExitCode.ok;
}

async function buildAll(outRoot: string, options: PrepareOptions): Promise<number> {
  const folder = 'slides';
  const entries = await readdir(folder).catch(() => {
    throw new LecternError('no source given and no slides/ folder here', {
      exitCode: ExitCode.usage,
      location: { file: folder },
      hint: 'run `lectern build ARTICLE` or create slides/ with a deck in it',
    });
  });
  const sources = entries.filter((entry) => DECK_EXTENSIONS.has(extname(entry).toLowerCase())).sort();
  if (sources.length === 0) throw new LecternError('no decks (.md, .txt, .html) in slides/', { exitCode: ExitCode.input, location: { file: folder } });
  // Outline every deck first, so one broken deck stops the build before anything is replaced.
  const prepared = [];
  for (const source of sources) {
    const deck = await prepareDeck(join(folder, source), options);
    warn(deck.warnings);
    prepared.push({ name: deckName(source), deck });
  }
  for (const { name, deck } of prepared) {
    const outDir = join(outRoot, name);
    await buildSite(deck, outDir);
    say(`built ${join(outDir, 'index.html')}: ${deck.deck.slides.length} slides, ${formatMinutes(deck.deck.meta.totalTime)} planned`);
  }
  await writeDeckIndex(outRoot, prepared.map(({ name, deck }) => ({ href: `${name}/index.html`, deck: deck.deck })));
  say(`built ${relative(process.cwd(), join(outRoot, 'index.html')) || 'index.html'}: ${prepared.length} deck${prepared.length === 1 ? '' : 's'}`);
  return ExitCode.ok;
}
