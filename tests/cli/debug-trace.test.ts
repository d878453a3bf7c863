import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { BIN } from '../helpers/paths.js';

const temp = (): string => mkdtempSync(join(tmpdir(), 'lectern-debug-'));

/** The `at …` lines of a stack trace printed on stderr. */
const frames = (stderr: string): string[] => stderr.split('\n').filter((line) => /^\s+at /.test(line));

describe('--debug stack traces from the bundled CLI', () => {
  it('the bin runs the bundle, not the per-file output of tsc', () => {
    expect(readFileSync(BIN, 'utf8')).toMatch(/from '\.\/load-cli\.js'/);
    expect(readFileSync(join(dirname(BIN), 'load-cli.js'), 'utf8')).toMatch(/'lectern-cli\.cjs'/);
  });

  it('the core of the bundle is compiled from the code cache that `npm run compile` records', () => {
    // In a plain Node process, as the bin runs: V8 accepts a cache only from the same version and flags.
    const loader = pathToFileURL(join(dirname(BIN), 'load-cli.js')).href;
    const script = `const { loadCli } = await import(${JSON.stringify(loader)}); process.stdout.write(String(loadCli().rejected));`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    // "undefined": no cache was found; "true": V8 refused it (made by another Node, or for another text).
    expect(result.stdout, result.stderr).toBe('false');
  });

  it('a bad input names the TypeScript sources in src/ with their lines', async () => {
    const dir = temp();
    const deck = join(dir, 'deck.md');
    writeFileSync(deck, '---\ntitle: [never closed\n---\n\n# Opening\n\nA first sentence.\n');
    const result = await runCli(['build', deck, '--out', join(dir, 'out'), '--debug']);
    expect(result.code, result.stderr).toBe(3);
    const trace = frames(result.stderr);
    expect(trace.length, result.stderr).toBeGreaterThan(2);
    expect(trace.join('\n')).toMatch(/\(.*src\/article\/front-matter\.ts:\d+:\d+\)/);
    expect(trace.join('\n')).toMatch(/\(.*src\/cli\/main\.ts:\d+:\d+\)/);
    // Every frame of Lectern's own code is mapped back: none names the bundle.
    expect(trace.filter((line) => line.includes('lectern-cli'))).toEqual([]);
  });

  it('a template error names src/render/template-set.ts', async () => {
    const dir = temp();
    mkdirSync(join(dir, 'templates'));
    writeFileSync(join(dir, 'templates', 'slide.hbs'), '<section>{{#if}}\n');
    writeFileSync(join(dir, 'deck.md'), '# Opening\n\nA first sentence.\n');
    const result = await runCli(['build', join(dir, 'deck.md'), '--templates', join(dir, 'templates'), '--out', join(dir, 'out'), '--debug']);
    expect(result.code, result.stderr).toBe(4);
    expect(frames(result.stderr).join('\n')).toMatch(/\(.*src\/render\/template-set\.ts:\d+:\d+\)/);
  });

  it('without --debug no stack is printed', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'deck.md'), '---\ntitle: [never closed\n---\n\n# Opening\n');
    const result = await runCli(['build', join(dir, 'deck.md'), '--out', join(dir, 'out')]);
    expect(result.code).toBe(3);
    expect(frames(result.stderr)).toEqual([]);
  });
});
