// Run by `npm run compile` after the bundle: builds two sample decks (Markdown and plain text) through
// bin/load-cli.js and records what V8 compiled for the CLI's core as lib/lectern-cli-core.cache, so a later start
// of the CLI need not parse and compile the core again. Only start-up time depends on it: a missing or rejected cache
// changes nothing else.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CODE_CACHE, loadCli } from '../bin/load-cli.js';

const SAMPLES = ['tests/fixtures/articles/field-guide.md', 'tests/fixtures/articles/tidal-power.txt'];

rmSync(CODE_CACHE, { force: true });
const { cli, writeCodeCache } = loadCli();
const out = mkdtempSync(join(tmpdir(), 'lectern-code-cache-'));
try {
  for (const [index, sample] of SAMPLES.entries()) {
    const code = await cli.main(['build', sample, '--out', join(out, String(index)), '--quiet']);
    if (code !== 0) throw new Error(`the sample build of ${sample} failed (exit code ${code})`);
  }
  writeCodeCache();
} finally {
  rmSync(out, { recursive: true, force: true });
}
process.stderr.write(`lectern: code cache written to ${CODE_CACHE}\n`);
