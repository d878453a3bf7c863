/**
 * Exports that stage files (PDF, PNG, the brief, the browser's own profile) make their working folders in the system's
 * temporary folder. One that is missing or is not a folder is the machine's setting: the real CLI names it, with the
 * variable that chooses it, exits with the output code and writes nothing.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/errors.js';
import { scratchFolder } from '../../src/files/scratch.js';
import { hasBrowser } from '../helpers/browser.js';
import { runCli } from '../helpers/cli.js';
import { ROOT } from '../helpers/paths.js';
import { tempDir } from './helpers.js';

const DECK = join(ROOT, 'slides', 'deepseek-r1.md');

describe('a temporary folder that cannot hold working files', () => {
  it('is named with its reason, not reported as a bug', async () => {
    const home = tempDir();
    const saved = process.env.TMPDIR;
    const missing = join(home, 'gone');
    const file = join(home, 'a-file');
    writeFileSync(file, 'not a folder');
    try {
      process.env.TMPDIR = missing;
      await expect(scratchFolder('lectern-test-')).rejects.toMatchObject({
        exitCode: ExitCode.output,
        message: `cannot make a working folder in the temporary folder ${missing}: it does not exist`,
        hint: 'set TMPDIR to a folder that exists and can be written',
      });
      process.env.TMPDIR = file;
      await expect(scratchFolder('lectern-test-')).rejects.toMatchObject({ message: expect.stringContaining(`${file}: it is not a folder`) });
      process.env.TMPDIR = home;
      const made = await scratchFolder('lectern-test-');
      expect(made.startsWith(home)).toBe(true);
      expect(existsSync(made)).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });

  describe.skipIf(!hasBrowser)('through the CLI', () => {
    const cases: Array<[string, string[], string]> = [
      ['PDF', ['--format', 'pdf'], 'talk.pdf'],
      ['PNG folder', ['--format', 'png'], 'slides/'],
      ['one PNG', ['--format', 'png', '--slides', '2'], 'slide.png'],
      ['brief', ['--format', 'brief'], 'brief.pdf'],
    ];
    it.each(cases)(
      '%s: exit 5, one line naming the folder, nothing written',
      async (_name, flags, target) => {
        const out = tempDir();
        const missing = join(out, 'no-such-tmp');
        const result = await runCli(['export', DECK, ...flags, '--out', join(out, target)], { env: { TMPDIR: missing } });
        expect(result.code).toBe(ExitCode.output);
        expect(result.stderr).toContain(`cannot make a working folder in the temporary folder ${missing}: it does not exist`);
        expect(result.stderr).toContain('set TMPDIR');
        expect(result.stderr).not.toMatch(/internal error|please report|\n\s+at /);
        expect(readdirSync(out)).toEqual([]);
      },
      60_000,
    );

    it.each(cases)(
      '%s: every working folder, the browser’s own temporary files included, is gone afterwards',
      async (_name, flags, target) => {
        const out = tempDir();
        const temporary = join(out, 'tmp');
        mkdirSync(temporary);
        const result = await runCli(['export', DECK, ...flags, '--out', join(out, target), '--quiet'], { env: { TMPDIR: temporary } });
        expect(result.code, result.stderr).toBe(0);
        // The browser is ended by killing its process group, so it never removes its own temporary folder
        // (org.chromium.Chromium.*): that folder is kept inside its profile, which Lectern removes.
        expect(readdirSync(temporary)).toEqual([]);
      },
      60_000,
    );
  });
});
