import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { DEFAULT_DECK } from '../helpers/paths.js';

describe('command-line conventions', () => {
  it('names the closest option when one is mistyped, and exits 2 without building', async () => {
    const result = await runCli(['build', DEFAULT_DECK, '--outt', 'never-written']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown option `--outt` (did you mean `--out`?)');
    expect(result.stderr).toContain('see `lectern build --help`');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('suggests nothing for an option that resembles none', async () => {
    const result = await runCli(['export', DEFAULT_DECK, '--zzzzzzzz']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown option `--zzzzzzzz`');
    expect(result.stderr).not.toContain('did you mean');
  });

  it('suggests for a short flag typed with two dashes and for --opt=value', async () => {
    expect((await runCli(['export', DEFAULT_DECK, '--formt=pdf'])).stderr).toContain('did you mean `--format`?');
    expect((await runCli(['check', DEFAULT_DECK, '--jsn'])).stderr).toContain('did you mean `--json`?');
  });

  it('shows a command’s help with `lectern help COMMAND`', async () => {
    const viaHelp = await runCli(['help', 'build']);
    const viaFlag = await runCli(['build', '--help']);
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.stdout).toMatch(/^Usage: lectern build/);
    expect(viaHelp.stdout).toBe(viaFlag.stdout);
  });

  it('rejects `lectern help` of an unknown command with exit 2', async () => {
    const result = await runCli(['help', 'nosuch']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown command `nosuch`');
  });

  it('prints the version with -V, -v and --version, and lists the exit codes in the main help', async () => {
    const { version } = (await import('../../package.json', { with: { type: 'json' } })).default as { version: string };
    for (const flag of ['-V', '-v', '--version']) {
      const result = await runCli([flag]);
      expect(result.code).toBe(0);
      expect(result.stdout.trim()).toBe(version);
    }
    const help = await runCli(['--help']);
    expect(help.stdout).toMatch(/Exit codes:[\s\S]*8 check failed/);
  });

  it('builds and imports silently with -q, leaving errors audible', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lectern-quiet-'));
    writeFileSync(join(dir, 'talk.md'), '# Quiet Harbour\n\n## Night\n\nThe boats rest at their moorings until dawn.\n');
    const loud = await runCli(['build', 'talk.md', '--out', 'loud'], { cwd: dir });
    expect(loud.code).toBe(0);
    expect(loud.stderr).toMatch(/built .*index\.html/);
    for (const args of [
      ['build', 'talk.md', '--out', 'site', '-q'],
      ['import', 'talk.md', '--out', 'deck.md', '--quiet'],
    ]) {
      const quiet = await runCli(args, { cwd: dir });
      expect(quiet.code, quiet.stderr).toBe(0);
      expect(quiet.stderr).toBe('');
    }
    expect(existsSync(join(dir, 'site', 'index.html'))).toBe(true);
    const failing = await runCli(['build', 'absent.md', '-q'], { cwd: dir });
    expect(failing.code).toBe(3);
    expect(failing.stderr).toMatch(/absent\.md/);
  });

  it('`lectern dev` with no source and no deck in ./slides/ exits 2 with how to name one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lectern-dev-none-'));
    mkdirSync(join(dir, 'slides'));
    const result = await runCli(['dev'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no deck .* in slides\/.*lectern dev ARTICLE/);
  });
});
