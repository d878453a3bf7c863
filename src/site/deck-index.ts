import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { escapeHtml } from '../escape-html.js';
import type { Deck } from '../outline/types.js';
import { writeFileAtomically } from './atomic.js';

/**
 * The link to a deck's page from the index, `dir` being its folder beside the index. Folder names come from file
 * names, which may look like a URL (`javascript:…`, `//host`, `a?b#c`): a `./` prefix keeps the link relative and
 * every segment is percent-encoded, so the name is only ever a path.
 */
export function deckIndexHref(dir: string): string {
  return `./${[...dir.split('/'), 'index.html'].map((segment) => encodeURIComponent(segment)).join('/')}`;
}

/**
 * A deck the index links: built, or (on the dev server, where a deck may be broken while it is edited) the error that
 * stopped its build, shown under its folder's name.
 */
export type DeckIndexEntry = { dir: string; deck: Deck } | { dir: string; error: string };

/** The page that links every deck built from slides/ (`dir`: each deck's folder beside the index). */
export function renderDeckIndex(entries: DeckIndexEntry[]): string {
  const items = entries
    .map((entry) => {
      const href = deckIndexHref(entry.dir);
      let title = entry.dir;
      let byline: string;
      if ('deck' in entry) {
        const { deck } = entry;
        const minutes = Math.round(deck.meta.totalTime / 60);
        title = deck.meta.title;
        byline = [deck.meta.author, `${deck.slides.length} slides`, `${minutes} min`].filter(Boolean).join(' · ');
      } else {
        byline = `cannot be built: ${entry.error}`;
      }
      return `<li><a href="${escapeHtml(href)}">${escapeHtml(title)}</a><br><small>${escapeHtml(byline)}</small></li>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Lectern">
<title>Decks</title>
<style>body{font:18px/1.5 system-ui,sans-serif;max-width:40em;margin:3em auto;padding:0 1em;color:#1f2328}li{margin:0 0 1em}small{color:#57606a}</style>
</head>
<body>
<h1>Decks</h1>
<ul>
${items}
</ul>
</body>
</html>
`;
}

export async function writeDeckIndex(outRoot: string, entries: Array<{ dir: string; deck: Deck }>): Promise<void> {
  const target = join(outRoot, 'index.html');
  await writeFileAtomically(target, (temporary) => writeFile(temporary, renderDeckIndex(entries)));
}
