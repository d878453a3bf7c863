/**
 * Keeps the dev server from serving anything outside its folders through a symlink: Vite checks the path a request
 * names against `server.fs.allow`, not where a symlink on that path leads, so `leak.png -> /etc/passwd` in the served
 * folder would be served. Every request naming an existing file is resolved through its symlinks first, and refused
 * (403) when the real file lies outside the allowed folders.
 */
import { realpath } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { decodeLocalPath } from '../files/local-images.js';
import { isInside } from '../files/roots.js';

type Next = (error?: unknown) => void;

/** The file a request path names: `/@fs/ABS` is an absolute path, anything else lies under `root`. */
function requestedFile(url: string, root: string): string | undefined {
  const path = decodeLocalPath(url);
  // Malformed percent-encoding: Vite answers such URLs itself.
  if (path === undefined || path.includes('\0')) return undefined;
  return path.startsWith('/@fs/') ? path.slice('/@fs'.length) : join(root, path);
}

/** Connect middleware refusing requests whose file's real path is outside `allowed` (folders, made real once). */
export function serveOnlyInside(root: string, allowed: readonly string[]): (request: IncomingMessage, response: ServerResponse, next: Next) => void {
  const realAllowed = Promise.all(allowed.map((folder) => realpath(folder).catch(() => folder)));
  return (request, response, next) => {
    const file = requestedFile(request.url ?? '/', root);
    if (file === undefined) {
      next();
      return;
    }
    void Promise.all([realpath(file).catch(() => undefined), realAllowed]).then(([real, folders]) => {
      if (real === undefined || folders.some((folder) => isInside(real, folder))) {
        next();
        return;
      }
      response.statusCode = 403;
      response.setHeader('Content-Type', 'text/plain; charset=utf-8');
      response.end('403: this file lies outside the folders the dev server serves\n');
    }, next);
  };
}
