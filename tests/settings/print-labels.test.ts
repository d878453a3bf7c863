/**
 * Through `lectern export` (which runs the API's exportDeck): a config file's `export:` defaults choose notes pages,
 * whose headers are written with the deck's labels (French for the French article, one label overridden).
 */
import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE_ARTICLES } from '../helpers/paths.js';
import { exportOk, pdfPages, SKIP_BROWSER_TESTS, tempDir } from '../export/helpers.js';

const work = tempDir();
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.skipIf(SKIP_BROWSER_TESTS)('labels on printed pages', () => {
  it("writes French notes-page headers, with the config file's notes default and label", async () => {
    const article = join(work, 'jardins.md');
    copyFileSync(join(FIXTURE_ARTICLES, 'fr-article.md'), article);
    const config = join(work, 'lectern.config.json');
    writeFileSync(config, JSON.stringify({ export: { notes: true }, labels: { notes: 'remarques' } }));
    const out = join(work, 'jardins.pdf');
    await exportOk([article, '--out', out, '--config', config, '--quiet']);
    const pages = pdfPages(out);
    // Slides with notes are followed by a notes page (the config's default, no --notes flag).
    const headers = pages.filter((page) => /^\s*Diapositive \d+\/10 · remarques/.test(page));
    expect(headers.length).toBeGreaterThanOrEqual(3);
    expect(pages.join('\n')).not.toMatch(/Slide \d+\/\d+ · notes/);
  });
});
