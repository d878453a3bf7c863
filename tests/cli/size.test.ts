import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDeck } from '../../src/api/commands.js';
import { brandCss } from '../../src/brand.js';
import { ExitCode } from '../../src/errors.js';
import { BUDGET, budgetFor } from '../../src/outline/budget.js';
import type { Deck } from '../../src/outline/types.js';
import { parseSlideSize } from '../../src/slide-size.js';
import { runCli } from '../helpers/cli.js';

const temp = (): string => mkdtempSync(join(tmpdir(), 'lectern-size-'));
const revealConfigOf = (html: string): Record<string, unknown> =>
  JSON.parse(/<script type="application\/json" id="lectern-config">(.*?)<\/script>/s.exec(html)?.[1] ?? '{}') as Record<string, unknown>;
const CODE = Array.from({ length: 30 }, (_, line) => `let value${line} = ${'x'.repeat(70)};`).join('\n');
const article = (front: string): string => `---\ntitle: Frames\n${front}---\n\n## Code\n\n\`\`\`js\n${CODE}\n\`\`\`\n`;

describe('slide size', () => {
  it('reads the presets and WIDTHxHEIGHT, and refuses anything else', () => {
    expect(parseSlideSize('16:9')).toEqual({ width: 1280, height: 720 });
    expect(parseSlideSize('4:3')).toEqual({ width: 960, height: 700 });
    expect(parseSlideSize('16:10')).toEqual({ width: 1280, height: 800 });
    expect(parseSlideSize('1024x768')).toEqual({ width: 1024, height: 768 });
    for (const bad of ['16:8', '1024', '100x100', '99999x720', '1280x720px', '', 'wide']) expect(parseSlideSize(bad), bad).toBeUndefined();
  });

  it('keeps the tuned budget at 4:3, shrinks it for a smaller frame and gives code longer lines on a wider one', () => {
    expect(budgetFor({ width: 960, height: 700 })).toEqual(BUDGET);
    const wide = budgetFor({ width: 1280, height: 720 });
    expect(wide.codeColumns).toBeGreaterThan(BUDGET.codeColumns);
    expect(wide.words).toBe(BUDGET.words);
    const small = budgetFor({ width: 640, height: 360 });
    expect(small.words).toBeLessThan(BUDGET.words);
    expect(small.codeLines).toBeLessThan(BUDGET.codeLines);
    expect(small.points).toBeLessThan(BUDGET.points);
  });

  it('builds at 16:9 (1280×720) by default; front matter, --size and the API choose another size', async () => {
    const dir = temp();
    const plain = join(dir, 'plain.md');
    const framed = join(dir, 'framed.md');
    writeFileSync(plain, article(''));
    writeFileSync(framed, article('size: 4:3\n'));
    const deckOf = async (args: string[]): Promise<Deck> => {
      const result = await runCli(['build', ...args, '--json']);
      expect(result.code, result.stderr).toBe(0);
      return JSON.parse(result.stdout) as Deck;
    };
    expect((await deckOf([plain])).meta.size).toEqual({ width: 1280, height: 720 });
    expect((await deckOf([framed])).meta.size).toEqual({ width: 960, height: 700 });
    expect((await deckOf([framed, '--size', '1024x768'])).meta.size).toEqual({ width: 1024, height: 768 });
    expect((await readDeck(plain, { size: '16:10' })).meta.size).toEqual({ width: 1280, height: 800 });

    // The budget follows: the small frame splits the code over more slides than the default one.
    const codeSlides = (deck: Deck): number => deck.slides.filter((slide) => slide.layout === 'code').length;
    expect(codeSlides(await deckOf([plain, '--size', '640x360']))).toBeGreaterThan(codeSlides(await deckOf([plain])));

    const out = join(dir, 'site');
    const built = await runCli(['build', plain, '--out', out]);
    expect(built.code, built.stderr).toBe(0);
    expect(revealConfigOf(readFileSync(join(out, 'index.html'), 'utf8'))).toMatchObject({ width: 1280, height: 720 });
  });

  it('refuses a bad size naming the front-matter line, the flag, or the setting', async () => {
    const dir = temp();
    const file = join(dir, 'bad.md');
    writeFileSync(file, article('author: Someone\nsize: 5:4\n'));
    const fromFront = await runCli(['build', file, '--json']);
    expect(fromFront.code).toBe(ExitCode.input);
    expect(fromFront.stderr).toContain(`${file}:4:1`);
    expect(fromFront.stderr).toMatch(/front matter `size` must be a slide size: 16:9, 4:3, 16:10 or WIDTHxHEIGHT/);

    const fromFlag = await runCli(['build', join(dir, 'bad.md'), '--size', 'huge', '--json']);
    expect(fromFlag.code).toBe(ExitCode.usage);
    expect(fromFlag.stderr).toMatch(/--size must be a slide size: 16:9, 4:3, 16:10 or WIDTHxHEIGHT/);

    await expect(readDeck({ text: '# T\n\nText.\n' }, { size: '10x10' })).rejects.toMatchObject({ exitCode: ExitCode.usage });
  });

  it('refuses a brand colour that is not a CSS colour, naming the line; a logo outside the roots or not an image is left out with a warning', async () => {
    const dir = temp();
    const file = join(dir, 'brand.md');
    writeFileSync(file, '---\ntitle: T\nbrand:\n  accent: "red; } body { background: url(x)"\n---\n\n## One\n\nText.\n');
    const bad = await runCli(['build', file, '--json']);
    expect(bad.code).toBe(ExitCode.input);
    expect(bad.stderr).toContain(`${file}:3:1`);
    expect(bad.stderr).toMatch(/front matter `brand` must be a CSS colour for `accent`/);
    await expect(readDeck({ text: '# T\n\nText.\n' }, { brand: { accent: 'nope' } })).rejects.toMatchObject({ exitCode: ExitCode.usage });
    expect((await readDeck({ text: '# T\n\nText.\n' }, { brand: { background: 'hsl(200 50% 40%)' } })).meta.brand).toEqual({ background: 'rgb(51, 119, 153)' });

    const outside = join(temp(), 'logo.png');
    writeFileSync(outside, Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'));
    writeFileSync(join(dir, 'script.png'), '<script>alert(1)</script>');
    for (const [logo, reason] of [
      [outside, /lies outside the article's folder/],
      ['script.png', /it is not an image/],
    ] as const) {
      writeFileSync(file, `---\ntitle: T\nlogo: ${logo}\n---\n\n## One\n\nText.\n`);
      const result = await runCli(['build', file, '--json']);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toContain(`${file}:3: warning: logo`);
      expect(result.stderr).toMatch(reason);
      expect((JSON.parse(result.stdout) as Deck).meta.logo).toBeUndefined();
    }
  });

  it('lectern import writes size, logo and brand into the front matter, so the written file builds alike', async () => {
    const dir = temp();
    const file = join(dir, 'talk.md');
    writeFileSync(file, article('size: 4:3\nlogo: logo.png\nbrand:\n  accent: teal\n'));
    const imported = await runCli(['import', file]);
    expect(imported.code, imported.stderr).toBe(0);
    writeFileSync(join(dir, 'again.md'), imported.stdout);
    const [first, second] = await Promise.all([readDeck(file), readDeck(join(dir, 'again.md'))]);
    expect(second.meta.size).toEqual({ width: 960, height: 700 });
    expect(second.meta.brand).toEqual(first.meta.brand);
    expect(second.slides.map((slide) => slide.layout)).toEqual(first.slides.map((slide) => slide.layout));
  });

  it('prints brand rules that cannot close their <style> or carry anything but colours', () => {
    const css = brandCss({ accent: 'rgb(1, 2, 3)' }, 'media/x</style><script>alert(1)</script>.png');
    expect(css).toContain('--lectern-accent: rgb(1, 2, 3);');
    expect(css).not.toMatch(/<\//);
  });
});
