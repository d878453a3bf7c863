/**
 * Hostile sizes and shapes, through the real CLI: inputs small on disk that were built to make a stage do super-linear
 * work, run out of memory or overflow the stack. Each slow shape, at ten times the size it was found at, builds (or is
 * refused cleanly) in 1 GB, and its CPU time grows linearly from ×1 to ×10; each nesting attack is refused with exit 3
 * and one line naming file:line and the limit.
 *
 * The growth is checked as a ratio of CPU times measured side by side, not against a fixed number of seconds: beside
 * the rest of the suite on two shared cores one build's CPU time doubles (5.5 s alone, 11.2 s in a CI run), while a
 * super-linear stage multiplies it by the size. The absolute targets (×10 in under 10 s of CPU) are measured on a quiet
 * machine by `npm run bench:hostile`. The inputs are generated at run time (tests/fixtures/hostile/shapes.mjs, shared with
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
 * CPU(×10) ÷ CPU(×1) that linear work stays under. Linear work gives at most 10 (less, as start-up is paid once): 2.2–6.2
 * here on a quiet machine. Quadratic work at ×10 gives 17 or more for every shape, the cheapest (the wide table) included.
 */
const LINEAR_RATIO = 12;
/** A hang guard only: no build of a few MB may take this long, however loaded the machine. */
const HANG_CPU_SECONDS = 60;

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

describe('hostile sizes: each slow shape grows linearly from ×1 to ×10, in 1 GB', () => {
  it.each(SLOW_SHAPES)(
    '$name',
    async ({ file, make }) => {
      const small = `small-${file}`;
      writeFileSync(join(dir, small), make(1));
      writeFileSync(join(dir, file), make(SCALE));
      const base = await measuredBuild(small, `site-${small}`);
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
        expect(base.code, base.lines.join('\n')).toBe(0);
        const growth = result.cpuSeconds / base.cpuSeconds;
        expect(growth, `CPU ${base.cpuSeconds} s at ×1, ${result.cpuSeconds} s at ×${SCALE}`).toBeLessThan(LINEAR_RATIO);
      }
      expect(result.cpuSeconds).toBeLessThan(HANG_CPU_SECONDS);
      expect(result.rssMb).toBeLessThan(1024);
    },
    240_000,
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
