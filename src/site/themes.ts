import { stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { editDistance } from '../article/front-matter.js';
import { ExitCode, LecternError } from '../errors.js';
import { resolveStyle } from '../render/template-files.js';
import { DEFAULT_THEME } from '../settings/table.js';
import { revealThemeNames, type RuntimeFiles } from './runtime.js';
import { isStandardInput } from '../article/stdin.js';

/** Lectern's own theme (light, system fonts, small) is the default (src/settings/table.ts). */
export { DEFAULT_THEME };

/**
 * Finds the stylesheet for a theme: `lectern` (templates/styles/theme-lectern.css, overridable), a Reveal.js theme
 * name, or a path to a CSS file relative to the source.
 */
export async function resolveTheme(theme: string, sourceFile: string, runtime: RuntimeFiles, templatesDir?: string): Promise<string> {
  if (theme === DEFAULT_THEME) return resolveStyle('theme-lectern.css', templatesDir);
  if (/\.css$/i.test(theme)) {
    const base = isStandardInput(sourceFile) ? process.cwd() : dirname(sourceFile);
    const path = isAbsolute(theme) ? theme : resolve(base, theme);
    if (
      await stat(path).then(
        (info) => info.isFile(),
        () => false,
      )
    )
      return path;
    throw new LecternError(`theme file not found: ${theme}`, { exitCode: ExitCode.template, location: { file: sourceFile } });
  }
  const names = await revealThemeNames();
  if (names.includes(theme)) return join(runtime.themesDir, `${theme}.css`);
  const all = [DEFAULT_THEME, ...names];
  const closest = all.map((name) => ({ name, distance: editDistance(theme, name) })).sort((a, b) => a.distance - b.distance)[0];
  throw new LecternError(`unknown theme \`${theme}\``, {
    exitCode: ExitCode.template,
    location: { file: sourceFile },
    hint: `${closest && closest.distance <= 2 ? `did you mean \`${closest.name}\`? ` : ''}themes: ${all.join(', ')}, or a path to a .css file`,
  });
}
