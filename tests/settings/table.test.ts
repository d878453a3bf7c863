/** The settings table is the one place a setting's flag, help line, range and default come from. */
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/article/front-matter.js';
import { LecternError } from '../../src/errors.js';
import { DECK_SETTINGS, DEFAULT_WPM, WPM_RANGE } from '../../src/settings/table.js';
import { resolveSettings } from '../../src/settings/resolve.js';
import { runCli } from '../helpers/cli.js';

describe('the settings table', () => {
  it("writes every command's setting flags and their help, with --config and --no-config", async () => {
    for (const command of ['build', 'dev', 'export', 'check', 'import']) {
      const { stdout, code } = await runCli([command, '--help']);
      expect(code).toBe(0);
      for (const [key, spec] of Object.entries(DECK_SETTINGS)) {
        // `import` publishes no images, so it has no --strict.
        if (!('flag' in spec) || (command === 'import' && key === 'strict')) continue;
        const flag: { arg?: string; help: string | readonly string[] } = spec.flag;
        const [first, ...more] = typeof flag.help === 'string' ? [flag.help] : flag.help;
        const lines = [
          `      ${(flag.arg === undefined ? `--${key}` : `--${key} ${flag.arg}`).padEnd(17)} ${first}`,
          ...more.map((line) => `${' '.repeat(24)}${line}`),
        ];
        expect(stdout, `${command} --${key}`).toContain(lines.join('\n'));
      }
      expect(stdout).toContain('--config FILE');
      expect(stdout).toContain('--no-config');
    }
    const help = (await runCli(['build', '--help'])).stdout;
    expect(help).toContain(`${WPM_RANGE.min} to ${WPM_RANGE.max} (default ${DEFAULT_WPM})`);
  });

  it('checks front matter and flags against the same range', async () => {
    const article = '---\ntitle: Fast\nwpm: 500\n---\n\nText.\n';
    expect(() => splitFrontMatter(article, 'fast.md')).toThrow(LecternError);
    expect(() => splitFrontMatter(article, 'fast.md')).toThrow(DECK_SETTINGS.wpm.expected);
    const flag = await runCli(['build', '-', '--json', '--wpm', '500', '--no-config'], { input: 'Text.\n' });
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain(`--wpm must be ${DECK_SETTINGS.wpm.expected}`);
  });

  it('resolves command line over front matter over config file over the defaults', () => {
    const settings = resolveSettings({
      cli: { values: { wpm: 180 } },
      frontMatter: { values: { wpm: 120, theme: 'serif', labels: { agenda: 'Plan' } } },
      config: { values: { wpm: 100, theme: 'white', transition: 'fade', labels: { agenda: 'Route', thankYou: 'Cheers' } } },
    });
    expect(settings).toMatchObject({ wpm: 180, theme: 'serif', transition: 'fade', fragments: false, labels: { agenda: 'Plan', thankYou: 'Cheers' } });
    expect(settings.origin).toMatchObject({ wpm: 'cli', theme: 'frontMatter', transition: 'config' });
    expect(resolveSettings({})).toMatchObject({ wpm: DEFAULT_WPM, theme: DECK_SETTINGS.theme.default, transition: DECK_SETTINGS.transition.default });
  });
});
