/** The single-file export: the deck as one offline HTML file (`renderSingleFile`), written atomically. */
import { writeFile } from 'node:fs/promises';
import type { Warning } from '../errors.js';
import type { PreparedDeck } from '../pipeline.js';
import { writeFileAtomically } from '../site/atomic.js';
import { sourceFiles } from '../site/output-guard.js';
import { renderSingleFile } from '../site/single-file.js';

/** Writes the single offline file atomically; returns its size in bytes. `force` overwrites a file that is not HTML. */
export async function exportSingleFile(
  prepared: PreparedDeck,
  out: string,
  options: { force?: boolean } = {},
): Promise<{ bytes: number; warnings: Warning[] }> {
  const { html, warnings } = await renderSingleFile(prepared);
  await writeFileAtomically(out, (temporary) => writeFile(temporary, html), { kind: 'html', force: options.force, protect: sourceFiles(prepared.deck.file) });
  return { bytes: Buffer.byteLength(html), warnings };
}
