/**
 * Hostile sizes and shapes, through the real CLI: inputs small on disk that were built to make a stage do super-linear
 * work, run out of memory or overflow the stack. Each slow shape, at ten times the size it was found at, builds (or is
 * refused cleanly) within 10 s of CPU and 1 GB; each nesting attack is refused with exit 3 and one line naming
 * file:line and the limit. The inputs are generated at run time (tests/fixtures/hostile/shapes.mjs, shared with
 * `npm run bench:hostile`).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Deck } from '../../src/outline/types.js';
import { DEEP_SHAPES, SLOW_SHAPES } from '../fixtures/hostile/shapes.mjs';
import { runCli } from '../helpers/cli.js';
import { BIN } from '../helpers/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'lectern-hostile-sizes-'));
const SCALE = 10;
const MARK = 'lectern-resources';

interface Measured {
  code: number | null;
  stdout: string;
  /** Lectern's own stderr lines, without the resource line. */
  lines: string[];
  cpuSeconds: number;
  rssMb: number;
}

/**
 * Runs `lectern build` under /usr/bin/time for its CPU time and peak RSS. CPU time rather than wall time: the machine
 * is shared, and a test that other processes can slow down would fail for the wrong reason.
 */
function measuredBuild(file: string, out: string): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', `${MARK} %U %S %M`, process.execPath, BIN, 'build', file, '--out', out], { cwd: dir });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const all = stderr.trim().split('\n');
      const resources = all.find((line) => line.startsWith(MARK))?.split(' ') ?? [];
      resolve({
        code,
        stdout,
        lines: all.filter((line) => line && !line.startsWith(MARK) && !line.startsWith('Command exited with non-zero status')),
        cpuSeconds: Number(resources[1]) + Number(resources[2]),
        rssMb: Number(resources[3]) / 1024,
      });
    });
  });
}

const refusal = (file: string): RegExp =>
  new RegExp(`^lectern: ${file.replace('.', '\\.')}:\\d+: (?:.+ nested more than (?:50|256) deep|more than 10,000 headings .+) \\(.+\\)$`);

describe('hostile sizes: ×10 of each slow shape in under 10 s of CPU and 1 GB', () => {
  it.each(SLOW_SHAPES)(
    '$name',
    async ({ file, make }) => {
      writeFileSync(join(dir, file), make(SCALE));
      const out = `site-${file}`;
      const result = await measuredBuild(file, out);
      expect([0, 3], result.lines.join('\n')).toContain(result.code);
      if (result.code === 3) {
        expect(result.lines).toHaveLength(1);
        expect(result.lines[0]).toMatch(refusal(file));
        expect(existsSync(join(dir, out))).toBe(false);
      } else {
        expect(readFileSync(join(dir, out, 'index.html'), 'utf8')).toContain('<section');
        expect(result.lines.filter((line) => !/warning|^built /.test(line))).toEqual([]);
      }
      expect(result.cpuSeconds).toBeLessThan(10);
      expect(result.rssMb).toBeLessThan(1024);
    },
    180_000,
  );
});

describe('hostile nesting: refused before parsing, exit 3, one line with file:line and the limit', () => {
  it.each(DEEP_SHAPES)(
    '$name',
    async ({ file, make }) => {
      writeFileSync(join(dir, file), make());
      const result = await measuredBuild(file, `never-${file}`);
      expect(result.code, result.lines.join('\n')).toBe(3);
      expect(result.lines).toHaveLength(1);
      expect(result.lines[0]).toMatch(refusal(file));
      expect(result.stdout).toBe('');
      expect(existsSync(join(dir, `never-${file}`))).toBe(false);
      expect(result.cpuSeconds).toBeLessThan(10);
      expect(result.rssMb).toBeLessThan(1024);
    },
    120_000,
  );
});

describe('hostile sizes: nothing of the article lost on the simpler paths', () => {
  it('a page too deep for Readability keeps every sentence', async () => {
    const shape = SLOW_SHAPES.find((s) => s.file === 'divs.html')!;
    writeFileSync(join(dir, 'divs-1.html'), shape.make(1));
    const json = await runCli(['build', 'divs-1.html', '--json'], { cwd: dir });
    expect(json.code, json.stderr).toBe(0);
    const deck = JSON.parse(json.stdout) as Deck;
    const text = JSON.stringify(deck.slides);
    const missing = Array.from({ length: 250 }, (_, n) => `dawn number ${n}.`).filter((s) => !text.includes(s));
    expect(missing).toEqual([]);
  }, 120_000);

  it('a large quote alternating > and > > keeps every sentence', async () => {
    const shape = SLOW_SHAPES.find((s) => s.file === 'alternating.md')!;
    writeFileSync(join(dir, 'alternating-1.md'), shape.make(1));
    const json = await runCli(['build', 'alternating-1.md', '--json'], { cwd: dir });
    expect(json.code, json.stderr).toBe(0);
    const text = JSON.stringify((JSON.parse(json.stdout) as Deck).slides);
    const missing = Array.from({ length: 4_000 }, (_, n) => `dawn number ${n}.`).filter((s) => !text.includes(s));
    expect(missing).toEqual([]);
  }, 120_000);
});
