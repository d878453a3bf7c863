import { escapeHtml } from '../escape-html.js';
import { LecternError, formatLocation } from '../errors.js';

/** The shape Vite's error overlay shows: message plus file:line. */
export function toViteError(error: LecternError): {
  message: string;
  stack: string;
  id?: string;
  loc?: { file: string; line: number; column: number };
  plugin: string;
} {
  const location = error.location;
  return {
    message: error.format(),
    stack: '',
    plugin: 'lectern',
    id: location?.file,
    loc: location?.line !== undefined ? { file: location.file, line: location.line, column: location.column ?? 1 } : undefined,
  };
}

/** Shown when the deck cannot be built at all; the dev client reloads it when a good save arrives. */
export function errorPage(error: Error, clientEntry: string): string {
  const message = error instanceof LecternError ? error.format() : error.message;
  const where = error instanceof LecternError && error.location ? formatLocation(error.location) : '';
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Lectern: build error</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:3em;color:#1f2328}pre{white-space:pre-wrap;background:#fff0ee;border-left:6px solid #c8553d;padding:1em}</style></head>
<body>
<h1>The deck could not be built</h1>
<pre class="lectern-error" data-location="${escapeHtml(where)}">${escapeHtml(message)}</pre>
<p>Fix the source and save: this page updates by itself.</p>
<script type="module" src="${clientEntry}"></script>
</body>
</html>
`;
}
