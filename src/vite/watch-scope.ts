/**
 * Keeps Vite's file watcher to what the deck servers add. Vite watches its root recursively, and `lectern dev`'s root
 * is the folder it was started in, which may be a home folder: every file under it would be listed and watched, which
 * cost about 200 ms of the start in a project folder and can run out of the system's watches in a large one. Lectern
 * reloads the page itself, from the deck's source and templates, so nothing else needs watching.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { isInside } from '../files/roots.js';

/** A plugin to list before the deck's: the watcher ignores every path but those added to it, and what lies inside them. */
export function watchOnlyWhatIsAdded(): Plugin {
  const added = new Set<string>();
  const isAdded = (path: string): boolean => {
    const full = resolve(path);
    for (const root of added) if (isInside(full, root)) return true;
    return false;
  };
  return {
    name: 'lectern:watch-scope',
    apply: 'serve',
    config: () => ({ server: { watch: { ignored: [(path: string) => !isAdded(path)] } } }),
    configureServer(server) {
      const { watcher } = server;
      const add = watcher.add.bind(watcher);
      watcher.add = (paths) => {
        for (const path of typeof paths === 'string' ? [paths] : paths) added.add(resolve(path));
        return add(paths);
      };
    },
  };
}
