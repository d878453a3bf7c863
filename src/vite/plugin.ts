import { resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { PACKAGE_ROOT } from '../paths.js';
import type { PrepareOptions } from '../pipeline.js';
import { answerWith } from './answer.js';
import { startDeckServer } from './deck-server.js';
import { serveOnlyInside } from './serve-inside.js';

export interface LecternPluginOptions extends PrepareOptions {
  /** The deck source the dev server presents. */
  source: string;
  /** Called with human messages (rebuilds, errors); defaults to stderr. */
  log?: (message: string) => void;
  /** Leaves out the line per live update; warnings and errors still go to `log`. */
  quiet?: boolean;
}

/** Vite plugin that serves a Lectern deck at `/` and updates the open page when its source or templates change. */
export function lectern(options: LecternPluginOptions): Plugin {
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const servedFolders = (): string[] => [PACKAGE_ROOT, resolve(options.source, '..'), process.cwd()];

  return {
    name: 'lectern:deck',
    apply: 'serve',
    config() {
      return { server: { fs: { allow: servedFolders() } }, appType: 'custom' };
    },
    async configureServer(server: ViteDevServer) {
      // Before Vite's own file serving: a symlink in a served folder never leads outside them.
      server.middlewares.use(serveOnlyInside(server.config.root, [...servedFolders(), ...(options.allowRoots ?? [])]));
      const deck = await startDeckServer(server, { ...options, tag: '', base: '/', log });
      server.middlewares.use(answerWith((path, response) => deck.handle(path, response)));
    },
  };
}
