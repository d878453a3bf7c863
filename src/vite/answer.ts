import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A Connect middleware from an async handler given the request's path (no query) that says whether it answered. Connect ignores what a middleware
 * returns, so errors are caught here and handed to `next`.
 */
export function answerWith(
  handle: (path: string, response: ServerResponse) => Promise<boolean>,
): (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void {
  return (request, response, next) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    handle(path, response).then((answered) => {
      if (!answered) next();
    }, next);
  };
}
