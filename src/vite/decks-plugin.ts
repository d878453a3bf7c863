import { resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { PACKAGE_ROOT } from '../paths.js';
import type { PrepareOptions } from '../pipeline.js';
import { renderDeckIndex, type DeckIndexEntry } from '../site/deck-index.js';
import { answerWith } from './answer.js';
import { startDeckServer, type DeckServer } from './deck-server.js';
import { serveOnlyInside } from './serve-inside.js';

export interface LecternDecksPluginOptions extends PrepareOptions {
  /** The decks, in the index's order; `name` is the deck's path on the server (`/<name>/`) and must be unique. */
  decks: Array<{ name: string; source: string }>;
  /** Called with human messages (rebuilds, errors); defaults to stderr. */
  log?: (message: string) => void;
  /** Leaves out the line per live update; warnings and errors still go to `log`. */
  quiet?: boolean;
}

/** The first segment of a request path (`/<name>/…`), decoded; undefined for malformed percent-encoding. */
function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * Vite plugin that serves several decks: an index at `/` linking each (the static site's deck index), each deck at
 * `/<name>/` with its own live updates and errors, tagged with its name so that only its own open pages act on them.
 */
export function lecternDecks(options: LecternDecksPluginOptions): Plugin {
  const { decks: listed, log = (message: string) => process.stderr.write(`${message}\n`), quiet, ...prepare } = options;
  const servedFolders = (): string[] => [PACKAGE_ROOT, ...new Set(listed.map(({ source }) => resolve(source, '..'))), process.cwd()];

  return {
    name: 'lectern:decks',
    apply: 'serve',
    config() {
      return { server: { fs: { allow: servedFolders() } }, appType: 'custom' };
    },
    async configureServer(server: ViteDevServer) {
      // Before Vite's own file serving: a symlink in a served folder never leads outside them.
      server.middlewares.use(serveOnlyInside(server.config.root, [...servedFolders(), ...(prepare.allowRoots ?? [])]));
      const decks = new Map<string, DeckServer>();
      for (const { name, source } of listed) {
        decks.set(name, await startDeckServer(server, { ...prepare, source, quiet, log, tag: name, base: `/${encodeURIComponent(name)}/`, label: name }));
      }
      // Built afresh on each request, so a title changed or a deck broken since the last visit shows.
      const index = (): string =>
        renderDeckIndex(
          [...decks].map(([name, served]): DeckIndexEntry => {
            const { deck, error } = served.state();
            return deck ? { dir: name, deck } : { dir: name, error: error?.format() ?? 'the deck is not ready' };
          }),
        );
      server.middlewares.use(
        answerWith(async (path, response) => {
          if (path === '/' || path === '/index.html') {
            response.setHeader('Content-Type', 'text/html; charset=utf-8');
            response.setHeader('Cache-Control', 'no-store');
            response.end(index());
            return true;
          }
          const [, segment, rest] = /^\/([^/]+)(\/.*)?$/.exec(path) ?? [];
          const name = segment === undefined ? undefined : decodeSegment(segment);
          const deck = name === undefined ? undefined : decks.get(name);
          if (name === undefined || !deck) return false;
          if (rest === undefined) {
            // Relative links in the deck (its images) resolve against the folder, so `/<name>` goes to `/<name>/`.
            response.statusCode = 302;
            response.setHeader('Location', `/${encodeURIComponent(name)}/`);
            response.end();
            return true;
          }
          return deck.handle(rest, response);
        }),
      );
    },
  };
}
