import { readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Plugin } from 'vite';
import { ExitCode, LecternError } from '../errors.js';
import type { PrepareOptions } from '../pipeline.js';
import { lecternDecks } from '../vite/decks-plugin.js';
import { lectern } from '../vite/plugin.js';
import { watchOnlyWhatIsAdded } from '../vite/watch-scope.js';
import { DECK_EXTENSIONS, deckName, SOURCE_HELP, SOURCE_OPTIONS, prepareOptions, SETTING_OPTIONS, SETTINGS_HELP } from './deck-options.js';
import { numberOption, parseCommand } from './args.js';
import { QUIET_OPTION } from './output.js';

export const DEV_HELP = `Usage: lectern dev [source] [options]

Serves the deck on 127.0.0.1 with live updates: saving the source or a template updates the
open page without a restart; a broken save shows the error (file:line) in the page and here.
Press S in the deck for the speaker view (notes and pacing timer).

With no source, presents the decks (.md, .markdown, .txt, .html, .htm) in slides/: the only one
at /, or several with an index at / linking each deck at /NAME/ (NAME: its file name without
the extension); a save updates only that deck's open pages. The decks are those in slides/
when the server starts. With no deck there it exits 2.

Options:
      --port N          port to listen on (default: a free port the system picks)
      --host ADDR       address to listen on (default: 127.0.0.1)
${SETTINGS_HELP}
${SOURCE_HELP}
  -q, --quiet           no line per live update (the address, warnings and errors still show)
  -h, --help            show this help

Example:
  lectern dev talk.md --port 8080
`;

/** `lectern dev`: runs until interrupted. */
export async function devCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand('dev', argv, {
    port: { type: 'string' },
    host: { type: 'string' },
    ...SETTING_OPTIONS,
    ...SOURCE_OPTIONS,
    ...QUIET_OPTION,
    debug: { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(DEV_HELP);
    return ExitCode.ok;
  }
  if (positionals.length > 1) throw new LecternError('dev takes one source', { exitCode: ExitCode.usage, hint: 'see `lectern dev --help`' });
  const sources = positionals[0] !== undefined ? [positionals[0]] : await decksInSlides();
  const host = typeof values.host === 'string' ? values.host : '127.0.0.1';
  const requested = numberOption('port', typeof values.port === 'string' ? values.port : undefined, 1, 65535);
  const { createServer } = await import('vite');
  const server = await createServer({
    configFile: false,
    root: process.cwd(),
    logLevel: 'warn',
    clearScreen: false,
    // First, so the watcher is kept to the decks' files before their servers add them.
    plugins: [watchOnlyWhatIsAdded(), presenter(sources, { ...(await prepareOptions(values)), quiet: values.quiet === true })],
    // Port 0: the system hands out a free port as the server binds, so nothing can take it between a probe and the listen.
    server: { host, port: requested ?? 0, strictPort: true, open: false },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    await server.listen();
  } catch (error) {
    await server.close();
    throw new LecternError(`cannot listen on ${host}:${requested ?? 0}: ${(error as Error).message}`, { exitCode: ExitCode.usage });
  }
  const address = server.httpServer?.address();
  const port = typeof address === 'object' && address ? address.port : requested;
  // The address is what `dev` is for: printed even with --quiet.
  const what = sources.length === 1 ? sources[0] : `${sources.length} decks from slides/`;
  const open = sources.length === 1 ? 'press S in the deck' : 'open a deck from the index; press S in it';
  process.stderr.write(`Lectern is presenting ${what} at http://${host}:${port}/ (${open} for the speaker view; Ctrl+C stops)\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      void server.close().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return ExitCode.ok;
}

/** The plugin for one deck at `/`, or for several behind an index. */
function presenter(sources: string[], options: PrepareOptions & { quiet: boolean }): Plugin {
  if (sources.length === 1) return lectern({ source: sources[0]!, ...options });
  return lecternDecks({ decks: sources.map((source) => ({ name: deckName(source), source })), ...options });
}

/**
 * The decks `lectern dev` presents when given none: every deck in ./slides/, by file name. Each is served under its
 * name without the extension, as `lectern build` names its folders, so two files with one name are refused.
 */
export async function decksInSlides(folder = 'slides'): Promise<string[]> {
  const entries = await readdir(folder).catch(() => [] as string[]);
  const decks = entries.filter((entry) => DECK_EXTENSIONS.has(extname(entry).toLowerCase())).sort();
  if (decks.length === 0) {
    throw new LecternError(`no source given and no deck (.md, .txt, .html) in ${folder}/`, {
      exitCode: ExitCode.usage,
      hint: 'run `lectern dev ARTICLE` (see `lectern dev --help`)',
    });
  }
  const named = new Map<string, string>();
  for (const deck of decks) {
    const other = named.get(deckName(deck));
    if (other !== undefined) {
      throw new LecternError(`no source given and ${join(folder, other)} and ${join(folder, deck)} would both be served at /${deckName(deck)}/`, {
        exitCode: ExitCode.usage,
        hint: `rename one, or name one: \`lectern dev ${join(folder, deck)}\``,
      });
    }
    named.set(deckName(deck), deck);
  }
  return decks.map((deck) => join(folder, deck));
}
