import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { hashTree } from '../helpers/hash-tree.js';
import { DEFAULT_DECK, FIXTURE_ARTICLES, SEED_ARTICLE } from '../helpers/paths.js';

const temp = (): string => mkdtempSync(join(tmpdir(), 'lectern-cli-'));

describe('lectern build', () => {
  it('builds the seed article into DIR/index.html with its assets', async () => {
    const out = join(temp(), 'seed');
    const result = await runCli(['build', SEED_ARTICLE, '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/built .*index\.html: \d+ slides, 3 sections, \d+:\d\d planned/);
    expect(readdirSync(join(out, 'assets')).sort()).toEqual(['lectern.css', 'lectern.js', 'reveal.css', 'theme.css']);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain('Strategic competition between the US and China');
    expect(result.stdout).toBe('');
  });

  // A 1×1 PNG, so the deck copies a local image under its content hash.
  const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  const withImage = (dir: string): string => {
    writeFileSync(join(dir, 'pixel.png'), PIXEL);
    writeFileSync(
      join(dir, 'deck.md'),
      '---\ntitle: One Pixel\n---\n\n## Picture\n\n![A single grey pixel](pixel.png)\n\nThe image above is one pixel wide.\n',
    );
    return join(dir, 'deck.md');
  };
  const copyOf =
    (source: string) =>
    (dir: string): string => {
      const target = join(dir, source.split('/').pop()!);
      copyFileSync(source, target);
      return target;
    };

  it.each([
    ['Markdown deck', copyOf(DEFAULT_DECK)],
    ['plain-text article', copyOf(SEED_ARTICLE)],
    ['saved web page', copyOf(join(FIXTURE_ARTICLES, 'wiki-page.html'))],
    ['Markdown deck with a local image', withImage],
  ])('builds byte-identical output from the same %s, wherever source and output live', async (_kind, place) => {
    const outputs = [];
    for (const dir of [temp(), temp()]) {
      const out = join(dir, 'site');
      const result = await runCli(['build', place(dir), '--out', out], { cwd: dir });
      expect(result.code, result.stderr).toBe(0);
      outputs.push(hashTree(out));
      // No absolute path of the source or output leaks into the files.
      for (const file of Object.keys(outputs[outputs.length - 1]!)) expect(readFileSync(join(out, file), 'latin1')).not.toContain(dir);
    }
    expect(outputs[1]).toEqual(outputs[0]);
    expect(Object.keys(outputs[0]!).length).toBeGreaterThan(3);
  });

  it('fails on a missing source with a one-line message naming the file, and writes nothing', async () => {
    const dir = temp();
    const out = join(dir, 'out');
    const result = await runCli(['build', 'no-such-file.md', '--out', out]);
    expect(result.code).toBe(3);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('no-such-file.md');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('leaves the previous output exactly as it was when a rebuild fails', async () => {
    const dir = temp();
    const out = join(dir, 'out');
    const source = join(dir, 'talk.md');
    writeFileSync(source, '---\ntitle: Fine\n---\n\n## Part\n\nA sentence.\n');
    expect((await runCli(['build', source, '--out', out])).code).toBe(0);
    const before = hashTree(out);
    writeFileSync(source, '---\ntitle: [broken\n---\n\n## Part\n\nA sentence.\n');
    const result = await runCli(['build', source, '--out', out]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/talk\.md:\d+:\d+: invalid front matter/);
    expect(hashTree(out)).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(['out', 'talk.md']);
  });

  it('refuses an output path that is an existing file', async () => {
    const dir = temp();
    const out = join(dir, 'taken');
    writeFileSync(out, 'keep me');
    const result = await runCli(['build', SEED_ARTICLE, '--out', out]);
    expect(result.code).toBe(5);
    expect(result.stderr).toContain(out);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
  });

  it('refuses a directory as source', async () => {
    const result = await runCli(['build', temp(), '--out', join(temp(), 'x')]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/is a directory/);
  });

  it('builds every deck in slides/ with an index page when given no source', async () => {
    const dir = temp();
    mkdirSync(join(dir, 'slides'));
    copyFileSync(DEFAULT_DECK, join(dir, 'slides', 'deepseek-r1.md'));
    writeFileSync(join(dir, 'slides', 'tides.txt'), 'Tides\n\nThe sea rises twice a day. The moon is the main cause.\n');
    const result = await runCli(['build'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(join(dir, 'dist', 'deepseek-r1', 'index.html'))).toBe(true);
    expect(existsSync(join(dir, 'dist', 'tides', 'index.html'))).toBe(true);
    const index = readFileSync(join(dir, 'dist', 'index.html'), 'utf8');
    expect(index).toContain('href="./deepseek-r1/index.html"');
    expect(index).toContain('href="./tides/index.html"');
  });

  it('reads standard input for `-` and prints the deck as JSON with --json', async () => {
    const result = await runCli(['build', '-', '--json'], { input: '# Tides\n\n## Moon\n\nThe moon pulls the sea.\n' });
    expect(result.code, result.stderr).toBe(0);
    const deck = JSON.parse(result.stdout);
    expect(deck.meta.title).toBe('Tides');
    expect(deck.slides.map((slide: { layout: string }) => slide.layout)).toEqual(['title', 'section', 'points', 'closing']);
  });

  it('prints help and exits 0; a bad flag is a usage error', async () => {
    const help = await runCli(['build', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: lectern build/);
    const bad = await runCli(['build', '--frobnicate']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--frobnicate/);
  });

  it('rejects an unknown theme, listing the themes', async () => {
    const result = await runCli(['build', SEED_ARTICLE, '--theme', 'blak', '--out', join(temp(), 'x')]);
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/unknown theme `blak`.*did you mean `black`\?.*lectern, beige/);
  });

  // A README copied without its img/ folder: the talk is still there, the picture is not.
  const withMissingImage = (dir: string): string => {
    writeFileSync(
      join(dir, 'readme.md'),
      '# Harbour survey\n\n## The quay\n\n![Aerial view of the north quay at low tide](img/quay.png)\n\nThe quay was surveyed at low tide in spring.\n',
    );
    return join(dir, 'readme.md');
  };

  it('builds a deck whose image is missing, warning with file:line and showing the alt text in its place', async () => {
    const dir = temp();
    const out = join(dir, 'site');
    const result = await runCli(['build', withMissingImage(dir), '--out', out], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/readme\.md:5: warning: image "img\/quay\.png" left out: no such file/);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    const slide = /<section[^>]*layout-image[^>]*>[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(slide).toContain('<div class="image-placeholder" role="img" aria-label="Aerial view of the north quay at low tide">');
    expect(slide).toMatch(/<span class="image-placeholder-text">Aerial view of the north quay at low tide<\/span>/);
    expect(slide).not.toContain('<img');
  });

  it('stops with exit 3 and writes nothing for a missing image under --strict', async () => {
    const dir = temp();
    const out = join(dir, 'site');
    const result = await runCli(['build', withMissingImage(dir), '--out', out, '--strict'], { cwd: dir });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/readme\.md:5: image not found: img\/quay\.png/);
    expect(existsSync(out)).toBe(false);
  });
});
