import { readdir } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { ExitCode, LecternError } from '../errors.js';
import { prepareDeck, type PrepareOptions } from '../pipeline.js';
import { buildSite } from '../site/build-site.js';
import { writeDeckIndex } from '../site/deck-index.js';
import { checkFileOutput, checkFolderNotProtected, checkFolderOutput, type OutputRules } from '../site/output-guard.js';
import { parseCommand } from './args.js';
import { DECK_EXTENSIONS, SOURCE_HELP, SOURCE_OPTIONS, deckName, prepareOptions, SETTING_OPTIONS, SETTINGS_HELP } from './deck-options.js';
import { formatMinutes, QUIET_HELP, QUIET_OPTION, say, setQuiet, warn } from './output.js';

export const BUILD_HELP = `Usage: lectern build [source] [options]

Builds a static site: DIR/index.html plus assets/. With no source, builds every deck in
slides/ into dist/<name>/ and writes dist/index.html linking them. Output is replaced only
when the build succeeds, and an existing folder only if it is empty or Lectern wrote it
(it holds a .lectern-output file); never a folder that holds the source or the working folder.

Options:
  -o, --out DIR         output folder (default: dist/<name>/; with no source: dist/)
      --force           replace an --out folder that holds files Lectern did not write
      --json            print the outlined deck as JSON on stdout instead of building
${SETTINGS_HELP}
${SOURCE_HELP}
${QUIET_HELP}
      --debug           show stack traces (naming the files in src/)
  -h, --help            show this help

Example:
  lectern build talk.md --out site --duration 20m
`;

/** `lectern build` */
export async function buildCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand('build', argv, {
    out: { type: 'string', short: 'o' },
    json: { type: 'boolean' },
    ...SETTING_OPTIONS,
    force: { type: 'boolean' },
    ...SOURCE_OPTIONS,
    ...QUIET_OPTION,
    debug: { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(BUILD_HELP);
    return ExitCode.ok;
  }
  setQuiet(values.quiet === true);
  if (positionals.length > 1) throw new LecternError('build takes one source', { exitCode: ExitCode.usage, hint: 'see `lectern build --help`' });
  const options = await prepareOptions(values);
  const source = positionals[0];
  const rules: OutputRules = { force: values.force === true };
  if (source === undefined) return buildAll(typeof values.out === 'string' ? values.out : 'dist', options, rules);

  if (values.json) {
    const prepared = await prepareDeck(source, options);
    warn(prepared.warnings);
    process.stdout.write(`${JSON.stringify(prepared.deck, null, 2)}\n`);
    return ExitCode.ok;
  }
  const outDir = typeof values.out === 'string' ? values.out : join('dist', deckName(source));
  const { build } = await import('../api/commands.js');
  const { deck, warnings } = await build(source, { out: outDir, ...rules }, { prepareOptions: options });
  warn(warnings);
  say(`built ${join(outDir, 'index.html')}: ${deck.slides.length} slides, ${deck.sections.length} sections, ${formatMinutes(deck.meta.totalTime)} planned`);
  return ExitCode.ok;
}

async function buildAll(outRoot: string, options: PrepareOptions, rules: OutputRules): Promise<number> {
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
  const named = new Map<string, string>();
  for (const source of sources) {
    const name = deckName(source);
    const other = named.get(name);
    if (other !== undefined) {
      throw new LecternError(`slides/${other} and slides/${source} would both be built into ${join(outRoot, name)}`, {
        exitCode: ExitCode.output,
        location: { file: join(folder, source) },
        hint: 'rename one of them',
      });
    }
    named.set(name, source);
  }
  // Everything this build would replace is checked before anything is written: each deck's folder and the index
  // page. The root itself is only written into (other outputs may sit beside the decks), never replaced, but it
  // must not hold the decks' sources or the working folder.
  const protect = sources.map((source) => join(folder, source));
  await checkFolderNotProtected(outRoot, { protect: [...protect, folder] });
  for (const name of named.keys()) await checkFolderOutput(join(outRoot, name), { ...rules, protect });
  await checkFileOutput(join(outRoot, 'index.html'), 'html', { ...rules, protect });
  // Outline every deck first, so one broken deck stops the build before anything is replaced.
  const prepared = [];
  for (const source of sources) {
    const deck = await prepareDeck(join(folder, source), options);
    warn(deck.warnings);
    prepared.push({ name: deckName(source), deck });
  }
  for (const { name, deck } of prepared) {
    const outDir = join(outRoot, name);
    warn(await buildSite(deck, outDir, rules));
    say(`built ${join(outDir, 'index.html')}: ${deck.deck.slides.length} slides, ${formatMinutes(deck.deck.meta.totalTime)} planned`);
  }
  await writeDeckIndex(
    outRoot,
    prepared.map(({ name, deck }) => ({ dir: name, deck: deck.deck })),
  );
  say(`built ${relative(process.cwd(), join(outRoot, 'index.html')) || 'index.html'}: ${prepared.length} deck${prepared.length === 1 ? '' : 's'}`);
  return ExitCode.ok;
}
