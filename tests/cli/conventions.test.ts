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
});
