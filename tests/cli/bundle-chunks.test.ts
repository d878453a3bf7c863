import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { SKIP_BROWSER_TESTS, tempDir } from '../export/helpers.js';

/**
 * Each command loads only the chunks of the bundled CLI it needs (scripts/bundle-cli.mjs): PPTX's libraries took
 * 74 ms to load, before a PDF export could start its browser; pdf-lib took about 130 ms while the browser printed.
 */
async function modulesLoadedBy(args: string[], dir: string): Promise<string[]> {
  const hook = join(dir, 'record-modules.cjs');
  const list = join(dir, 'modules.txt');
  writeFileSync(hook, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, Object.keys(require.cache).join('\\n')));\n`);
  const result = await runCli(args, { env: { ...process.env, NODE_OPTIONS: `--require ${hook}` } });
  expect(result.code, result.stderr).toBe(0);
  return readFileSync(list, 'utf8').split('\n');
}

const PPTX_LIBRARIES = /[\\/]node_modules[\\/](pptxgenjs|jszip|image-size)[\\/]/;

describe.skipIf(SKIP_BROWSER_TESTS)('the bundled CLI loads what a command needs', () => {
  it('a PDF export loads neither pptxgenjs, JSZip, image-size nor pdf-lib; a PPTX export does', async () => {
    const dir = tempDir();
    const source = join(dir, 'ferry.md');
    writeFileSync(source, '---\ntitle: Ferry timetable\n---\n\n## Crossings\n\n- The first ferry leaves at six.\n- The last returns at ten.\n');
    const pdf = await modulesLoadedBy(['export', source, '--format', 'pdf', '--out', join(dir, 'ferry.pdf')], dir);
    expect(pdf.some((file) => file.endsWith('lectern-cli-export.cjs'))).toBe(true);
    expect(pdf.filter((file) => PPTX_LIBRARIES.test(file))).toEqual([]);
    // Chromium's PDF is joined and annotated by Lectern's own joiner: pdf-lib's chunk (a megabyte to compile) is
    // loaded only for a PDF in another form (src/export/pdf-finish.ts).
    expect(pdf.filter((file) => file.endsWith('lectern-cli-pdf-lib.cjs'))).toEqual([]);
    const pptx = await modulesLoadedBy(['export', source, '--format', 'pptx', '--out', join(dir, 'ferry.pptx')], dir);
    expect(pptx.some((file) => /[\\/]pptxgenjs[\\/]/.test(file))).toBe(true);
  }, 60_000);
});
