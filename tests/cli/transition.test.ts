/**
 * `transition` must be one transition Reveal.js knows: anything else (two names, a payload, a per-slide form) would
 * make Reveal throw at start-up or be ignored, so the build refuses it with exit 3 naming file:line.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter, TRANSITIONS } from '../../src/article/front-matter.js';
import { LecternError } from '../../src/errors.js';
import { runCli } from '../helpers/cli.js';

const article = (transition: string): string =>
  `---\ntitle: Moves\nauthor: A. Writer\ntransition: ${transition}\n---\n\n## One\n\nA sentence that makes the slide.\n`;

describe('front matter transition', () => {
  it("accepts each of Reveal's deck transitions, in any case", () => {
    for (const name of TRANSITIONS) {
      expect(splitFrontMatter(article(name), 'a.md').meta.transition).toBe(name);
      expect(splitFrontMatter(article(name.toUpperCase()), 'a.md').meta.transition).toBe(name);
    }
  });

  it.each([
    'fade slide',
    '"fade slide"',
    'fade-in slide-out',
    'fade-in',
    'cube',
    'default',
    '"</script><script>window.__pwned=1</script>"',
    '"fade\\tslide"',
    '[fade, slide]',
    '3',
    'true',
  ])('refuses %s with the file and line', (value) => {
    let error: unknown;
    try {
      splitFrontMatter(article(value), 'a.md');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(LecternError);
    expect((error as LecternError).exitCode).toBe(3);
    expect((error as LecternError).location).toMatchObject({ file: 'a.md', line: 4 });
    expect((error as LecternError).message).toMatch(/transition/);
  });

  it('exits 3 through the CLI, naming file:line, and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lectern-transition-'));
    writeFileSync(join(dir, 'talk.md'), article('fade slide'));
    const result = await runCli(['build', 'talk.md', '--out', 'site'], { cwd: dir });
    expect(result.code, result.stderr).toBe(3);
    expect(result.stderr.trim()).toMatch(/^lectern: talk\.md:4:1: front matter `transition` must be one of none, fade, slide, convex, concave, zoom/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(readdirSync(dir)).toEqual(['talk.md']);
  });
});
