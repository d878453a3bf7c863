/**
 * rewriteStylesheet on real files: a local `@import` inside the stylesheet's folder or the roots is inlined in its
 * place (with its conditions, its own `url()`s resolved from its own folder), everything else is left out with a
 * warning naming the stylesheet, line and reference.
 */
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Warning } from '../../src/errors.js';
import { inlineAsset, rewriteStylesheet } from '../../src/files/theme-assets.js';

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

function tree(): { theme: string; shared: string; elsewhere: string } {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'lectern-theme-assets-')));
  const dirs = { theme: join(base, 'theme'), shared: join(base, 'shared'), elsewhere: join(base, 'elsewhere') };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  mkdirSync(join(dirs.theme, 'parts'));
  return dirs;
}

const lines = (warnings: Warning[]): string[] => warnings.map((warning) => `${warning.location?.line}: ${warning.message}`);

describe('rewriteStylesheet', () => {
  it('inlines local @imports from the folder and the roots, nested, with their conditions and their own url()s', async () => {
    const { theme, shared } = tree();
    writeFileSync(
      join(theme, 'main.css'),
      '@import "parts/colours.css" screen;\n@import url("../shared/fonts.css") supports(display: grid);\n.main-rule { color: black; }\n',
    );
    writeFileSync(join(theme, 'parts', 'colours.css'), '@import "inner.css";\n.colours-rule { background: url(dot.png); }\n');
    writeFileSync(join(theme, 'parts', 'inner.css'), '.inner-rule { color: teal; }\n');
    writeFileSync(join(theme, 'parts', 'dot.png'), PNG);
    writeFileSync(join(shared, 'fonts.css'), '.fonts-rule { color: navy; }\n');
    const warnings: Warning[] = [];
    const css = await rewriteStylesheet(join(theme, 'main.css'), [shared], inlineAsset, warnings);
    expect(lines(warnings)).toEqual([]);
    expect(css).not.toMatch(/@import/);
    const order = ['.inner-rule', '.colours-rule', '.fonts-rule', '.main-rule'].map((rule) => css.indexOf(rule));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(css).toMatch(/@media screen \{[\s\S]*\.inner-rule[\s\S]*\.colours-rule/);
    expect(css).toMatch(/@supports \(display: grid\) \{[\s\S]*\.fonts-rule/);
    // dot.png is read from the imported sheet's folder, not the importing one's.
    expect(css).toContain(`url("data:image/png;base64,${PNG.toString('base64')}")`);
  });

  it('leaves out an @import outside the folder and the roots, a remote one, and one that nests too deep, each named', async () => {
    const { theme, elsewhere } = tree();
    writeFileSync(join(elsewhere, 'secret.css'), '.secret-rule { content: "SECRET"; }\n');
    writeFileSync(join(theme, 'loop.css'), '@import "loop.css";\n.loop-rule { color: red; }\n');
    writeFileSync(
      join(theme, 'main.css'),
      `@import "../elsewhere/secret.css";\n@import "https://example.org/remote.css";\n@import "${join(elsewhere, 'secret.css')}";\n@import "loop.css";\n.main-rule { color: black; }\n`,
    );
    const warnings: Warning[] = [];
    const css = await rewriteStylesheet(join(theme, 'main.css'), [], inlineAsset, warnings);
    expect(css).not.toContain('SECRET');
    expect(css).not.toMatch(/@import/);
    expect(css).toContain('.main-rule');
    expect(css).toContain('.loop-rule');
    expect(warnings.every((warning) => warning.location?.file !== undefined)).toBe(true);
    expect(lines(warnings)).toEqual([
      `1: stylesheet reference "../elsewhere/secret.css" left out: it lies outside the article's folder (allow a folder with --allow-root DIR)`,
      '2: @import "https://example.org/remote.css" left out: only local stylesheets are inlined',
      `3: stylesheet reference ${JSON.stringify(join(elsewhere, 'secret.css'))} left out: it lies outside the article's folder (allow a folder with --allow-root DIR)`,
      '1: @import "loop.css" left out: imports nest more than 4 deep',
    ]);
    expect(warnings[0]?.location?.file).toBe(join(theme, 'main.css'));
    expect(warnings[3]?.location?.file).toBe(join(theme, 'loop.css'));
  });
});
