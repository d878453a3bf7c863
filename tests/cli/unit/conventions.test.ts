import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_HELP } from '../../../src/cli/build.js';
import { CHECK_HELP } from '../../../src/cli/check.js';
import { decksInSlides, DEV_HELP } from '../../../src/cli/dev.js';
import { EXPORT_HELP } from '../../../src/cli/export.js';
import { IMPORT_HELP } from '../../../src/cli/import.js';
import { mainHelp } from '../../../src/cli/main.js';
import { ExitCode } from '../../../src/errors.js';
import { createProgress } from '../../../src/cli/progress.js';

const HELPS = { build: BUILD_HELP, dev: DEV_HELP, export: EXPORT_HELP, check: CHECK_HELP, import: IMPORT_HELP };

describe('every command’s help', () => {
  it.each(Object.entries(HELPS))('%s offers -q, --quiet and shows one example of itself', (name, help) => {
    expect(help).toMatch(/^ {2}-q, --quiet {11}\S/m);
    const example = /\nExample:\n {2}(.+)\n$/.exec(help);
    expect(example?.[1]).toMatch(new RegExp(`^lectern ${name} \\S`));
  });

  it('the main help lists every exit code', () => {
    const codes = /Exit codes:\n([\s\S]*)$/.exec(mainHelp())?.[1] ?? '';
    expect([...codes.matchAll(/(\d) [a-z]/g)].map((match) => Number(match[1]))).toEqual(Object.values(ExitCode).sort());
  });
});

describe('decksInSlides (lectern dev with no source)', () => {
  const folder = (decks: string[]): string => {
    const dir = join(mkdtempSync(join(tmpdir(), 'lectern-dev-default-')), 'slides');
    mkdirSync(dir);
    for (const deck of decks) writeFileSync(join(dir, deck), '# Deck\n');
    return dir;
  };

  it('presents the only deck in the folder', async () => {
    const dir = folder(['talk.md', 'notes.json']);
    expect(await decksInSlides(dir)).toEqual([join(dir, 'talk.md')]);
  });

  it('presents every deck in the folder, in file name order', async () => {
    const dir = folder(['b.md', 'notes.json', 'a.txt']);
    expect(await decksInSlides(dir)).toEqual([join(dir, 'a.txt'), join(dir, 'b.md')]);
  });

  it('is a usage error (exit 2) with no deck or no folder, pointing at `lectern dev ARTICLE`', async () => {
    for (const dir of [folder([]), join(tmpdir(), 'lectern-no-such-folder')]) {
      const error = await decksInSlides(dir).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ exitCode: ExitCode.usage, hint: expect.stringMatching(/lectern dev ARTICLE/) });
    }
  });

  it('is a usage error when two decks would be served under one name, naming both', async () => {
    const dir = folder(['talk.md', 'talk.txt']);
    const error = await decksInSlides(dir).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      exitCode: ExitCode.usage,
      message: expect.stringContaining(`${join(dir, 'talk.md')} and ${join(dir, 'talk.txt')} would both be served at /talk/`),
    });
  });
});

describe('progress', () => {
  const stream = (isTTY: boolean): { isTTY: boolean; written: string[]; write: (chunk: string) => boolean } => {
    const written: string[] = [];
    return { isTTY, written, write: (chunk: string) => written.push(chunk) > 0 };
  };
  const clock = (): (() => number) => {
    let time = 0;
    return () => (time += 100);
  };

  it('writes one line per phase, and a long run of steps once per tenth, when stderr is not a terminal', () => {
    const log = stream(false);
    const progress = createProgress(false, log, clock());
    progress.update('laying out 2000 slides');
    progress.update('laying out 2000 slides');
    progress.update('printing pages 1–250 of 2000');
    for (let done = 0; done <= 2000; done++) progress.step('slides', done, 2000);
    progress.done();
    expect(log.written.every((line) => line.endsWith('\n') && !line.includes('\r'))).toBe(true);
    expect(log.written.map((line) => line.replace(/ \(\d+\.\ds\)\n$/, ''))).toEqual([
      'laying out 2000 slides',
      'printing pages 1–250 of 2000',
      ...Array.from({ length: 11 }, (_, tenth) => `slides ${tenth * 200}/2000`),
    ]);
  });

  it('rewrites one line on a terminal and clears it when done', () => {
    const terminal = stream(true);
    const progress = createProgress(false, terminal, clock());
    progress.step('slides', 1, 3);
    progress.step('slides', 2, 3);
    progress.done();
    expect(terminal.written).toHaveLength(3);
    expect(terminal.written[0]).toMatch(/^\r\x1b\[2Kslides 1\/3 \(/);
    expect(terminal.written[2]).toBe('\r\x1b[2K');
  });

  it('writes nothing when quiet', () => {
    for (const isTTY of [true, false]) {
      const log = stream(isTTY);
      const progress = createProgress(true, log);
      progress.update('printing');
      progress.step('slides', 1, 1);
      progress.done();
      expect(log.written).toEqual([]);
    }
  });
});
