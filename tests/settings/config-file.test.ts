/**
 * The project's config file: found from the working folder up to the project root, below the command line and the
 * article's front matter, ignored with --no-config, and a clear exit 2 naming the file when it is wrong.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDeck } from '../../src/index.js';
import { runCli } from '../helpers/cli.js';

const ARTICLE = `---
title: Canal Boats
---

Narrow boats once carried coal across the country. Today most of them carry people on holiday.

## Locks

A lock lifts a boat from one level of water to the next. The crew opens the paddles and waits for the water to settle.

## Moorings

Boats tie up along the towpath for up to two weeks. Busy spots near towns allow only a day or two.
`;

const CONFIG = `export default {
  theme: 'white',
  wpm: 100,
  labels: { agenda: 'Route for today' },
};
`;

const work = mkdtempSync(join(tmpdir(), 'lectern-config-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A project folder (its own package.json, so the search stops there) holding the article and `files`. */
function project(name: string, files: Record<string, string>): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "name": "talks", "private": true }\n');
  writeFileSync(join(dir, 'boats.md'), ARTICLE);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

async function deckJson(
  cwd: string,
  ...args: string[]
): Promise<{ meta: { theme: string; wpm: number; labels: Record<string, string> }; slides: Array<{ layout: string; title: string }> }> {
  const result = await runCli(['build', 'boats.md', '--json', ...args], { cwd });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

const agendaTitle = (deck: Awaited<ReturnType<typeof deckJson>>): string | undefined => deck.slides.find((slide) => slide.layout === 'agenda')?.title;

describe('lectern.config.mjs', () => {
  const dir = project('mjs', { 'lectern.config.mjs': CONFIG });

  it('sets the theme, speaking rate and labels of the built deck', async () => {
    const deck = await deckJson(dir);
    expect(deck.meta.theme).toBe('white');
    expect(deck.meta.wpm).toBe(100);
    expect(agendaTitle(deck)).toBe('Route for today');
    const built = await runCli(['build', 'boats.md', '--out', 'site'], { cwd: dir });
    expect(built.code).toBe(0);
    const html = readFileSync(join(dir, 'site', 'index.html'), 'utf8');
    expect(html).toContain('Route for today');
    // The theme's stylesheet is Reveal's `white`, not Lectern's own.
    expect(readFileSync(join(dir, 'site', 'assets', 'theme.css'), 'utf8')).not.toBe(
      readFileSync(join(__dirname, '../../templates/styles/theme-lectern.css'), 'utf8'),
    );
  });

  it('is overridden by a command-line flag', async () => {
    const deck = await deckJson(dir, '--wpm', '180', '--theme', 'black');
    expect(deck.meta.wpm).toBe(180);
    expect(deck.meta.theme).toBe('black');
    expect(agendaTitle(deck)).toBe('Route for today');
  });

  it('is ignored with --no-config', async () => {
    const deck = await deckJson(dir, '--no-config');
    expect(deck.meta.wpm).toBe(140);
    expect(deck.meta.theme).toBe('lectern');
    expect(agendaTitle(deck)).toBe('Agenda');
  });

  it('is found from a folder below it, but not above the project root', async () => {
    mkdirSync(join(dir, 'talks', 'spring'), { recursive: true });
    writeFileSync(join(dir, 'talks', 'spring', 'boats.md'), ARTICLE);
    expect((await deckJson(join(dir, 'talks', 'spring'))).meta.wpm).toBe(100);
    // A nested project (its own package.json) does not see its parent's config.
    writeFileSync(join(dir, 'talks', 'package.json'), '{}\n');
    expect((await deckJson(join(dir, 'talks', 'spring'))).meta.wpm).toBe(140);
  });

  it('gives way to the front matter, key by key for labels', async () => {
    const own = project('front-matter', { 'lectern.config.mjs': CONFIG });
    writeFileSync(join(own, 'boats.md'), ARTICLE.replace('title: Canal Boats', 'title: Canal Boats\nwpm: 120\nlabels:\n  keyTakeaways: What to keep'));
    const deck = await deckJson(own);
    expect(deck.meta.wpm).toBe(120);
    expect(agendaTitle(deck)).toBe('Route for today');
    expect(deck.slides.at(-1)?.title).toBe('What to keep');
  });

  it('is chosen with --config, and read by the API', async () => {
    const other = project('chosen', { 'settings/slow.json': '{ "wpm": 90, "transition": "fade" }\n' });
    expect((await deckJson(other, '--config', 'settings/slow.json')).meta.wpm).toBe(90);
    const cwd = process.cwd();
    process.chdir(other);
    try {
      expect((await readDeck('boats.md', { config: 'settings/slow.json' })).meta.transition).toBe('fade');
      expect((await readDeck('boats.md', { config: false })).meta.transition).toBe('slide');
    } finally {
      process.chdir(cwd);
    }
  });
});

/** The Reveal.js options a built page starts with. */
const revealConfigOf = (html: string): Record<string, unknown> =>
  JSON.parse(/<script type="application\/json" id="lectern-config">(.*?)<\/script>/s.exec(html)?.[1] ?? '{}') as Record<string, unknown>;
/** A 1×1 PNG. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2f5e4a50000000049454e44ae426082',
  'hex',
);

describe('size, logo and brand in a config file', () => {
  it('size 4:3 builds a deck Reveal lays out 960 wide; the flag and the front matter win', async () => {
    const dir = project('size', { 'lectern.config.mjs': "export default { size: '4:3' };\n" });
    const built = await runCli(['build', 'boats.md', '--out', 'site'], { cwd: dir });
    expect(built.code, built.stderr).toBe(0);
    expect(revealConfigOf(readFileSync(join(dir, 'site', 'index.html'), 'utf8'))).toMatchObject({ width: 960, height: 700 });
    const flagged = await runCli(['build', 'boats.md', '--json', '--size', '16:10'], { cwd: dir });
    expect(JSON.parse(flagged.stdout).meta.size).toEqual({ width: 1280, height: 800 });
    writeFileSync(join(dir, 'wide.md'), ARTICLE.replace('title: Canal Boats', 'title: Canal Boats\nsize: 16:9'));
    const fromFront = await runCli(['build', 'wide.md', '--json'], { cwd: dir });
    expect(JSON.parse(fromFront.stdout).meta.size).toEqual({ width: 1280, height: 720 });
  });

  it('a logo path resolves against the config file and is published; brand colours merge with the front matter', async () => {
    const dir = project('logo', { 'lectern.config.json': '{\n  "logo": "brand/logo.png",\n  "brand": { "accent": "teal", "text": "black" }\n}\n' });
    mkdirSync(join(dir, 'brand'));
    writeFileSync(join(dir, 'brand', 'logo.png'), PNG);
    mkdirSync(join(dir, 'deep'));
    writeFileSync(join(dir, 'boats.md'), ARTICLE.replace('title: Canal Boats', 'title: Canal Boats\nbrand:\n  text: navy'));
    // Run from below: the path is the config file's, not the working folder's.
    const built = await runCli(['build', '../boats.md', '--out', 'site'], { cwd: join(dir, 'deep') });
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).not.toContain('warning');
    const html = readFileSync(join(dir, 'deep', 'site', 'index.html'), 'utf8');
    expect(html).toMatch(/\.slide-logo \{ background-image: url\("media\/[^"]+\.png"\)/);
    expect(html).toContain('--lectern-accent: rgb(0, 128, 128);');
    expect(html).toContain('--r-main-color: rgb(0, 0, 128);');
  });

  it("a logo outside the article's roots is left out, the warning naming the config file and line", async () => {
    const dir = project('logo-outside', { 'lectern.config.json': '{\n  "wpm": 120,\n  "logo": "brand/logo.png"\n}\n', 'talks/boats.md': ARTICLE });
    mkdirSync(join(dir, 'brand'));
    writeFileSync(join(dir, 'brand', 'logo.png'), PNG);
    const result = await runCli(['build', 'talks/boats.md', '--json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/lectern\.config\.json:3: warning: logo .* left out: .*outside the article's folder/);
    expect(JSON.parse(result.stdout).meta.logo).toBeUndefined();
    const allowed = await runCli(['build', 'talks/boats.md', '--json', '--allow-root', 'brand'], { cwd: dir });
    expect(allowed.stderr).toBe('');
    expect(JSON.parse(allowed.stdout).meta.logo).toBeDefined();
  });
});

describe('strict in a config file', () => {
  it('makes a missing image an error (exit 3, nothing written); without it, a warning', async () => {
    const dir = project('strict', { 'lectern.config.json': '{ "strict": true }\n' });
    writeFileSync(join(dir, 'boats.md'), `${ARTICLE}\n![A narrow boat](boat.png)\n`);
    const strict = await runCli(['build', 'boats.md', '--out', 'site'], { cwd: dir });
    expect(strict.code).toBe(3);
    expect(strict.stderr).toContain('boat.png');
    expect(existsSync(join(dir, 'site'))).toBe(false);
    const loose = await runCli(['build', 'boats.md', '--out', 'site', '--no-config'], { cwd: dir });
    expect(loose.code, loose.stderr).toBe(0);
    expect(loose.stderr).toMatch(/warning: .*boat\.png/);
  });
});

describe('other config files', () => {
  it('reads lectern.config.ts', async () => {
    const dir = project('ts', { 'lectern.config.ts': "const wpm: number = 110;\nexport default { wpm, theme: 'serif' as const };\n" });
    const deck = await deckJson(dir);
    expect(deck.meta.wpm).toBe(110);
    expect(deck.meta.theme).toBe('serif');
  });

  it('reads the "lectern" key of package.json', async () => {
    const dir = project('package', {});
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'talks', lectern: { wpm: 160 } }));
    expect((await deckJson(dir)).meta.wpm).toBe(160);
  });

  it('resolves a theme path against the config file, not the working folder', async () => {
    const dir = project('paths', { 'lectern.config.json': '{ "theme": "styles/house.css" }\n', 'styles/house.css': '.reveal { color: rgb(1, 2, 3); }\n' });
    mkdirSync(join(dir, 'deep'));
    writeFileSync(join(dir, 'deep', 'boats.md'), ARTICLE);
    const built = await runCli(['build', 'boats.md', '--out', 'site'], { cwd: join(dir, 'deep') });
    expect(built.code).toBe(0);
    expect(readFileSync(join(dir, 'deep', 'site', 'assets', 'theme.css'), 'utf8')).toContain('#010203');
  });
});

describe('paths on the command line', () => {
  it('resolve against the working folder, not the article', async () => {
    const dir = project('cli-paths', { 'styles/stage.css': '.reveal { color: rgb(4, 5, 6); }\n', 'talks/boats.md': ARTICLE });
    const built = await runCli(['build', 'talks/boats.md', '--theme', 'styles/stage.css', '--out', 'site'], { cwd: dir });
    expect(built.code).toBe(0);
    expect(readFileSync(join(dir, 'site', 'assets', 'theme.css'), 'utf8')).toContain('#040506');
  });
});

describe('a config error', () => {
  it('names the file and line of a value out of range, exit 2', async () => {
    const dir = project('bad-value', { 'lectern.config.mjs': "export default {\n  theme: 'white',\n  wpm: 5,\n};\n" });
    const result = await runCli(['build', 'boats.md', '--json'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/lectern\.config\.mjs:3: config: `wpm` must be a speaking rate in words a minute from 40 to 400/);
    expect(result.stdout).toBe('');
  });

  it('names the file and line of a syntax error, exit 2', async () => {
    const dir = project('bad-syntax', { 'lectern.config.json': '{\n  "wpm": 100,\n  "theme": \n}\n' });
    const result = await runCli(['build', 'boats.md', '--json'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/lectern\.config\.json:4: config: invalid JSON/);
    const js = project('bad-js', { 'lectern.config.mjs': 'export default {\n  wpm: 100\n  theme: "white",\n};\n' });
    const thrown = await runCli(['build', 'boats.md', '--json'], { cwd: js });
    expect(thrown.code).toBe(2);
    expect(thrown.stderr).toMatch(/lectern\.config\.mjs:3: config: Unexpected identifier/);
  });

  it('names a --config file that does not exist, and warns about unknown settings', async () => {
    const dir = project('unknown', { 'lectern.config.json': '{ "wmp": 100 }\n' });
    const missing = await runCli(['build', 'boats.md', '--json', '--config', 'nope.json'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('config file not found: nope.json');
    const unknown = await runCli(['build', 'boats.md', '--json'], { cwd: dir });
    expect(unknown.code).toBe(0);
    expect(unknown.stderr).toMatch(/lectern\.config\.json:1: warning: unknown config setting `wmp` ignored/);
  });
});
