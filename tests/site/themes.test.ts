import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/errors.js';
import { BUILTIN_TEMPLATES } from '../../src/paths.js';
import type { RuntimeFiles } from '../../src/site/runtime.js';
import { DEFAULT_THEME, resolveTheme } from '../../src/site/themes.js';

const runtime: RuntimeFiles = { dir: '/runtime', script: '/runtime/lectern.js', revealCss: '/runtime/reveal.css', themesDir: '/runtime/themes' };
const temp = (): string => mkdtempSync(join(tmpdir(), 'lectern-themes-'));

describe('resolveTheme', () => {
  it('finds Lectern’s own theme among the built-in styles, or in a --templates folder that overrides it', async () => {
    const source = join(temp(), 'talk.md');
    expect(await resolveTheme(DEFAULT_THEME, source, runtime)).toBe(join(BUILTIN_TEMPLATES, 'styles', 'theme-lectern.css'));
    const templates = temp();
    mkdirSync(join(templates, 'styles'));
    writeFileSync(join(templates, 'styles', 'theme-lectern.css'), 'body { color: navy; }');
    expect(await resolveTheme(DEFAULT_THEME, source, runtime, templates)).toBe(join(templates, 'styles', 'theme-lectern.css'));
  });

  it('maps a Reveal.js theme name to its copy in the runtime', async () => {
    expect(await resolveTheme('night', '/talks/talk.md', runtime)).toBe('/runtime/themes/night.css');
  });

  it('resolves a stylesheet path against the article’s folder, and standard input against the working folder', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'sea.css'), '');
    expect(await resolveTheme('sea.css', join(dir, 'talk.md'), runtime)).toBe(join(dir, 'sea.css'));
    expect(await resolveTheme(join(dir, 'sea.css'), '/elsewhere/talk.md', runtime)).toBe(join(dir, 'sea.css'));
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect(await resolveTheme('sea.css', '<stdin>', runtime)).toBe(join(process.cwd(), 'sea.css'));
    } finally {
      process.chdir(cwd);
    }
  });

  it('refuses a missing stylesheet with exit 4, naming the article', async () => {
    const source = join(temp(), 'talk.md');
    await expect(resolveTheme('gone.css', source, runtime)).rejects.toMatchObject({ exitCode: ExitCode.template, location: { file: source } });
  });

  it('refuses an unknown name, suggesting the closest and listing them all', async () => {
    const error = await resolveTheme('nihgt', '/talks/talk.md', runtime).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ exitCode: ExitCode.template, message: 'unknown theme `nihgt`' });
    expect((error as { hint: string }).hint).toMatch(/^did you mean `night`\? themes: lectern, beige, .*night.*, or a path to a \.css file$/);
    const far = await resolveTheme('zzzzzzzz', '/talks/talk.md', runtime).catch((caught: { hint: string }) => caught);
    expect(far.hint).not.toMatch(/did you mean/);
  });
});
