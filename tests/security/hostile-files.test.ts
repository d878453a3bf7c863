/**
 * Files an article may try to make Lectern read (tests/fixtures/hostile/files.json): absolute paths, `../` escapes,
 * symlinks, percent-encodings, files that are not images whatever their name, scripted SVG, themes and a theme's own
 * references. Built, exported and presented with the real CLI and Chromium: no byte of a file outside the article's
 * folder reaches any output, a warning names each refusal (file:line), the slide shows the alt text, and the build
 * still exits 0. `--allow-root` lets a folder in; front-matter templates need `--trust-article`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBrowser, launchBrowser } from '../helpers/browser.js';
import { runCli } from '../helpers/cli.js';
import { startDevServer } from '../helpers/dev-server.js';
import { serveFolder } from '../helpers/static-server.js';

interface Corpus {
  files: Record<string, string>;
  symlinks: Record<string, string>;
  images: Array<{ name: string; src: string }>;
  themes: Array<{ name: string; theme: string }>;
  themeReferences: string[];
}

const corpus = JSON.parse(readFileSync(new URL('../fixtures/hostile/files.json', import.meta.url), 'utf8')) as Corpus;

/** A 1×1 PNG; variants differ only after IEND, so each is a real, distinct image. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
const png = (tail: string): Buffer => Buffer.concat([PNG, Buffer.from(tail)]);

const CANARY = `CANARY-${process.pid}-${Date.now().toString(36)}-OUTSIDE`;
const INSIDE_MARKER = 'INSIDE-MARKER';

const base = mkdtempSync(join(tmpdir(), 'lectern-files-'));
const outside = join(base, 'outside');
const article = join(base, 'article');
const secretPng = png(`tEXt ${CANARY}`);
const fill = (text: string): string =>
  text
    .split('{outside}')
    .join(outside)
    .split('{outside-encoded}')
    .join(encodeURIComponent(outside.slice(1)));

/** Every file under `dir`, read. */
function readTree(dir: string): Array<{ path: string; bytes: Buffer }> {
  const found: Array<{ path: string; bytes: Buffer }> = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...readTree(path));
    else found.push({ path, bytes: readFileSync(path) });
  }
  return found;
}

/** What a slide shows for an image that is not loaded: a placeholder whose visible text and accessible name are its alt. */
function placeholderHtml(alt: string): string {
  return `<div class="image-placeholder" role="img" aria-label="${alt}"><span class="image-placeholder-text">${alt}</span></div>`;
}

/** No trace of any outside file, or of the non-image files inside the folder, in these bytes. */
function expectNoLeak(bytes: Buffer, where: string): void {
  const text = bytes.toString('latin1');
  expect(text.includes(CANARY), `${where} carries the outside canary`).toBe(false);
  expect(text.includes(secretPng.toString('base64')), `${where} carries the outside image, base64`).toBe(false);
  expect(text.includes(Buffer.from(CANARY).toString('base64').slice(0, 24)), `${where} carries the canary, base64`).toBe(false);
  expect(text.includes(INSIDE_MARKER), `${where} carries a non-image file of the article's folder`).toBe(false);
}

const paragraph = 'This slide has a sentence of its own so that the deck has some text to carry along.';

function imageArticle(): { text: string; lines: number[] } {
  const parts = ['---', 'title: Files the article names', '---', ''];
  const lines: number[] = [];
  corpus.images.forEach((vector, index) => {
    parts.push(`## Vector ${index + 1}`, '', paragraph, '');
    lines.push(parts.length + 1);
    parts.push(`![alt text of vector ${index + 1}](${fill(vector.src)})`, '');
  });
  parts.push('## Inline images', '');
  corpus.images.forEach((vector, index) => parts.push(`- Item ${index + 1} shows <img src="${fill(vector.src)}" alt="inline alt ${index + 1}"> in a list.`));
  parts.push('', '## A real image', '', '![the real image](real.png)', '');
  return { text: parts.join('\n'), lines };
}

function webPage(): string {
  const figures = corpus.images
    .map(
      (vector, index) =>
        `<h2>Vector ${index + 1}</h2><p>${paragraph}</p><figure><img src="${fill(vector.src)}" alt="page alt ${index + 1}"><figcaption>Caption ${index + 1}</figcaption></figure>`,
    )
    .join('\n');
  return `<!doctype html><html><head><title>Saved page</title></head><body><article><h1>A saved page naming files</h1>
<p>${paragraph} The saved page goes on with enough words to be read as an article by the reader.</p>
${figures}
<p>${paragraph} Inline: ${corpus.images.map((vector, index) => `<img src="${fill(vector.src)}" alt="inline page alt ${index + 1}">`).join(' ')}</p>
</article></body></html>`;
}

beforeAll(() => {
  mkdirSync(outside, { recursive: true });
  mkdirSync(article, { recursive: true });
  writeFileSync(join(outside, 'secret.png'), secretPng);
  writeFileSync(join(outside, 'secret.txt'), `TOKEN=${CANARY}\n`);
  // The canary sits in a declaration, not a comment: a stylesheet that is parsed and reprinted keeps only declarations.
  writeFileSync(join(outside, 'evil.css'), `body { color: red; }\n.evil::after { content: "${CANARY}"; }\n`);
  mkdirSync(join(outside, 'templates', 'layouts'), { recursive: true });
  writeFileSync(join(outside, 'templates', 'layouts', 'points.hbs'), `<h2>{{title}}</h2><p>OUTSIDE-TEMPLATE ${CANARY}</p>\n`);
  for (const [name, text] of Object.entries(corpus.files)) writeFileSync(join(article, name), fill(text));
  for (const [name, target] of Object.entries(corpus.symlinks)) symlinkSync(fill(target), join(article, name));
  writeFileSync(join(article, 'real.png'), png('real'));
  writeFileSync(join(article, 'images.md'), imageArticle().text);
  writeFileSync(join(article, 'page.html'), webPage());
});

describe('images an article names', () => {
  const site = join(base, 'site-images');
  let stderr = '';

  beforeAll(async () => {
    const built = await runCli(['build', join(article, 'images.md'), '--out', site]);
    expect(built.code, built.stderr).toBe(0);
    stderr = built.stderr;
  });

  it('has at least 25 file vectors in the corpus', () => {
    expect(corpus.images.length).toBeGreaterThanOrEqual(25);
  });

  it('publishes no byte of an outside file, nor a non-image file of the folder, in the built site', () => {
    for (const file of readTree(site)) expectNoLeak(file.bytes, file.path);
    // Only the one real image is published, under a name its bytes decide.
    expect(readdirSync(join(site, 'media'))).toEqual([expect.stringMatching(/^[0-9a-f]{16}\.png$/)]);
  });

  it('names every refused image with the file and line', () => {
    const { lines } = imageArticle();
    corpus.images.forEach((vector, index) => {
      expect(stderr, vector.name).toContain(`images.md:${lines[index]}: warning: image ${JSON.stringify(fill(vector.src))} left out`);
    });
    expect(stderr).toMatch(/malformed percent-encoding/);
    expect(stderr).toMatch(/outside the article's folder/);
    expect(stderr).toMatch(/not an image/);
    expect(stderr).toMatch(/an SVG that is not a plain picture/);
    expect(stderr).not.toMatch(/internal error/);
  });

  it.skipIf(!hasBrowser)(
    'shows each refused image as its alt text in Chromium, and nothing runs',
    async () => {
      const server = await serveFolder(site);
      const browser = await launchBrowser();
      try {
        const page = await browser.newPage();
        await page.goto(server.url);
        await page.waitForFunction(() => (window as unknown as { lectern?: unknown }).lectern !== undefined);
        await page.evaluate(() => (window as unknown as { lectern: { ready: Promise<void> } }).lectern.ready);
        // A refused image is a placeholder box: its alt text is the box's visible text and its accessible name.
        const figures = await page.$$eval('figure.image', (elements) =>
          elements.map((figure) => ({
            text: figure.textContent ?? '',
            name:
              figure.querySelector('.image-placeholder[role="img"]')?.getAttribute('aria-label') ?? figure.querySelector('img')?.getAttribute('alt') ?? null,
            images: figure.querySelectorAll('img').length,
          })),
        );
        corpus.images.forEach((vector, index) => {
          expect(figures, vector.name).toContainEqual({ text: `alt text of vector ${index + 1}`, name: `alt text of vector ${index + 1}`, images: 0 });
        });
        expect(figures).toContainEqual({ text: 'the real image', name: 'the real image', images: 1 });
        const inline = await page.$$eval('li img', (elements) => elements.map((img) => ({ alt: img.getAttribute('alt'), src: img.getAttribute('src') })));
        expect(inline.length).toBe(corpus.images.length);
        for (const img of inline) expect(img.src, String(img.alt)).toBeNull();
        const realLoaded = await page.$eval('img[alt="the real image"]', (img) =>
          (img as HTMLImageElement).decode().then(() => (img as HTMLImageElement).naturalWidth),
        );
        expect(realLoaded).toBe(1);
        expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      } finally {
        await browser.close();
        await server.close();
      }
    },
    60_000,
  );

  it('carries none of them in the single-file export', async () => {
    const out = join(base, 'images.html');
    const exported = await runCli(['export', join(article, 'images.md'), '--format', 'html', '--out', out]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stderr).toMatch(/images\.md:\d+: warning: image "\.\.\/outside\/secret\.png" left out/);
    const html = readFileSync(out);
    expectNoLeak(html, out);
    expect(html.toString()).toContain(`data:image/png;base64,${png('real').toString('base64')}`);
  }, 60_000);

  it.skipIf(!hasBrowser)(
    'carries none of them in the PDF',
    async () => {
      const out = join(base, 'images.pdf');
      const exported = await runCli(['export', join(article, 'images.md'), '--format', 'pdf', '--out', out]);
      expect(exported.code, exported.stderr).toBe(0);
      expect(exported.stderr).toMatch(/warning: image "leak\.png" left out/);
      const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
      expect(text).toContain('alt text of vector 1');
      expect(text).not.toContain(CANARY);
      expectNoLeak(readFileSync(out), out);
    },
    120_000,
  );

  it('refuses the same vectors as <img src> in a saved web page', async () => {
    const out = join(base, 'site-page');
    const built = await runCli(['build', join(article, 'page.html'), '--out', out]);
    expect(built.code, built.stderr).toBe(0);
    for (const file of readTree(out)) expectNoLeak(file.bytes, file.path);
    expect(built.stderr).toMatch(/page\.html:\d+: warning: image "\.\.\/outside\/secret\.png" left out/);
    expect(built.stderr).toContain(`warning: image ${JSON.stringify(join(outside, 'secret.txt'))} left out`);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain(placeholderHtml('page alt 1'));
    const single = join(base, 'page-single.html');
    const exported = await runCli(['export', join(article, 'page.html'), '--format', 'html', '--out', single]);
    expect(exported.code, exported.stderr).toBe(0);
    expectNoLeak(readFileSync(single), single);
  }, 60_000);
});

describe('themes an article names', () => {
  it.each(corpus.themes)('refuses a theme by $name, with a warning naming the line, and builds with the default theme', async ({ theme }) => {
    const name = `theme-${corpus.themes.findIndex((vector) => vector.theme === theme)}`;
    writeFileSync(join(article, `${name}.md`), `---\ntitle: Theme\ntheme: ${fill(theme)}\n---\n\n## Part\n\n${paragraph}\n`);
    const out = join(base, `site-${name}`);
    const built = await runCli(['build', join(article, `${name}.md`), '--out', out]);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).toContain(`${name}.md:3: warning: theme ${JSON.stringify(fill(theme))} not used`);
    for (const file of readTree(out)) expectNoLeak(file.bytes, file.path);
  });

  it('inlines only references inside the folder when a theme @imports or url()s outside it in the single file', async () => {
    const css = [...corpus.themeReferences.map(fill), '.ok { background: url(real.png); }', '.ok2 { background: url("real.png?v=2"); }'].join('\n');
    writeFileSync(join(article, 'own-theme.css'), css);
    writeFileSync(join(article, 'own-theme.md'), `---\ntitle: Own theme\ntheme: own-theme.css\n---\n\n## Part\n\n${paragraph}\n`);
    const out = join(base, 'own-theme.html');
    const exported = await runCli(['export', join(article, 'own-theme.md'), '--format', 'html', '--out', out]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stderr).not.toMatch(/internal error/);
    expectNoLeak(readFileSync(out), out);
    // One warning per refused reference, each naming the theme file, the line and the reference.
    const warnings = exported.stderr.split('\n').filter((line) => /own-theme\.css:\d+: warning: /.test(line));
    expect(warnings.length, exported.stderr).toBe(corpus.themeReferences.length);
    corpus.themeReferences.forEach((reference, index) => {
      expect(warnings[index], reference).toMatch(new RegExp(`own-theme\\.css:${index + 1}: warning: stylesheet reference ".+" left out: `));
    });
    expect(exported.stderr).toMatch(/own-theme\.css:8: warning: stylesheet reference "%E0%A4%A\.png" left out: its percent-encoding is malformed/);
    expect(readFileSync(out, 'utf8')).toContain(`url("data:image/png;base64,${png('real').toString('base64')}")`);
  }, 60_000);
});

describe.skipIf(!hasBrowser)("a theme's references in the PDF", () => {
  it("draws no image from outside the article's folder, though the browser reads the staged deck over file://", async () => {
    // A large magenta picture outside the folder, named by the theme as a page background by `../` and by absolute path.
    const magenta = join(outside, 'magenta.png');
    execFileSync('convert', ['-size', '64x64', 'xc:#ff00ff', magenta]);
    writeFileSync(
      join(article, 'bg-theme.css'),
      `.reveal .slides section { background: url(../outside/magenta.png); }\n.reveal h2 { background-image: url("${magenta}"); }\n`,
    );
    writeFileSync(join(article, 'bg.md'), `---\ntitle: Background\ntheme: bg-theme.css\n---\n\n## Part\n\n${paragraph}\n`);
    const out = join(base, 'bg.pdf');
    const exported = await runCli(['export', join(article, 'bg.md'), '--format', 'pdf', '--out', out]);
    expect(exported.code, exported.stderr).toBe(0);
    // Chromium may print a uniform picture as a plain fill, so look at the rendered pages for its colour.
    execFileSync('pdftoppm', ['-r', '20', '-png', out, join(base, 'bg-page')]);
    const pages = readdirSync(base).filter((name) => name.startsWith('bg-page'));
    expect(pages.length).toBeGreaterThan(0);
    for (const name of pages) {
      const colours = execFileSync('convert', [join(base, name), '-format', '%c', 'histogram:info:-'], { encoding: 'utf8' });
      expect(colours, name).not.toMatch(/#F[EF]00F[EF]\b/i);
    }
    expect(exported.stderr).toMatch(/bg-theme\.css:1: warning: stylesheet reference "\.\.\/outside\/magenta\.png" left out: it lies outside/);
    expect(exported.stderr).toContain(`bg-theme.css:2: warning: stylesheet reference ${JSON.stringify(magenta)} left out: it lies outside`);
  }, 120_000);
});

describe('--allow-root', () => {
  it('lets an image and a theme from the allowed folder in, and nothing else', async () => {
    writeFileSync(
      join(article, 'allowed.md'),
      `---\ntitle: Allowed\ntheme: ../outside/evil.css\n---\n\n## Part\n\n${paragraph}\n\n## Picture\n\n![allowed picture](../outside/secret.png)\n\n## Other\n\n![still refused](/etc/passwd)\n`,
    );
    const out = join(base, 'site-allowed');
    const built = await runCli(['build', join(article, 'allowed.md'), '--out', out, '--allow-root', outside]);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).not.toMatch(/secret\.png|evil\.css/);
    expect(built.stderr).toMatch(/allowed\.md:\d+: warning: image "\/etc\/passwd" left out/);
    const media = readdirSync(join(out, 'media'));
    expect(media).toHaveLength(1);
    expect(readFileSync(join(out, 'media', media[0]!)).equals(secretPng)).toBe(true);
    expect(readFileSync(join(out, 'assets', 'theme.css'), 'utf8')).toContain(CANARY);
  });

  it("inlines a theme's @import of a stylesheet in the allowed folder, in the site and the single file, and only with it", async () => {
    writeFileSync(join(article, 'importing-theme.css'), '@import "../outside/evil.css";\n.own-rule { color: blue; }\n');
    writeFileSync(join(article, 'importing.md'), `---\ntitle: Importing\ntheme: importing-theme.css\n---\n\n## Part\n\n${paragraph}\n`);
    const out = join(base, 'site-importing');
    const built = await runCli(['build', join(article, 'importing.md'), '--out', out, '--allow-root', outside]);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).not.toMatch(/warning/);
    const theme = readFileSync(join(out, 'assets', 'theme.css'), 'utf8');
    expect(theme).not.toMatch(/@import/);
    // In the imported sheet's place: before the importing sheet's own rules.
    expect(theme.indexOf(CANARY)).toBeGreaterThan(-1);
    expect(theme.indexOf(CANARY)).toBeLessThan(theme.indexOf('.own-rule'));
    const single = join(base, 'importing-allowed.html');
    const allowed = await runCli(['export', join(article, 'importing.md'), '--format', 'html', '--out', single, '--allow-root', outside]);
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(readFileSync(single, 'utf8')).toContain(CANARY);
    const refused = join(base, 'importing-refused.html');
    const exported = await runCli(['export', join(article, 'importing.md'), '--format', 'html', '--out', refused]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stderr).toMatch(/importing-theme\.css:1: warning: stylesheet reference "\.\.\/outside\/evil\.css" left out: it lies outside/);
    expectNoLeak(readFileSync(refused), refused);
    expect(readFileSync(refused, 'utf8')).toContain('.own-rule');
  }, 60_000);

  it('is a usage error when the folder does not exist', async () => {
    const built = await runCli(['build', join(article, 'allowed.md'), '--out', join(base, 'never'), '--allow-root', join(base, 'no-such-folder')]);
    expect(built.code).toBe(2);
    expect(built.stderr).toMatch(/--allow-root: no such folder/);
  });
});

describe('front-matter templates', () => {
  const marker = 'ARTICLE-TEMPLATE-MARKER';
  const write = (name: string, templates: string): string => {
    const file = join(article, `${name}.md`);
    writeFileSync(file, `---\ntitle: Templates\ntemplates: ${templates}\n---\n\n## Part\n\n${paragraph}\n`);
    return file;
  };
  const build = async (file: string, ...flags: string[]): Promise<{ code: number | null; stderr: string; html: string }> => {
    const out = join(base, `site-${Math.random().toString(36).slice(2)}`);
    const built = await runCli(['build', file, '--out', out, ...flags]);
    return { code: built.code, stderr: built.stderr, html: built.code === 0 ? readFileSync(join(out, 'index.html'), 'utf8') : '' };
  };

  beforeAll(() => {
    mkdirSync(join(article, 'own-templates', 'layouts'), { recursive: true });
    writeFileSync(join(article, 'own-templates', 'layouts', 'points.hbs'), `<h2>{{title}}</h2><p>${marker}</p>\n`);
    mkdirSync(join(article, 'linked-templates'), { recursive: true });
    symlinkSync(join(outside, 'templates', 'layouts'), join(article, 'linked-templates', 'layouts'));
  });

  it('are ignored without --trust-article, with a warning naming the file, the line and the flag', async () => {
    const result = await build(write('tpl-plain', 'own-templates'));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/tpl-plain\.md:3: warning: front matter `templates: own-templates` ignored: .*--trust-article/);
    expect(result.html).not.toContain(marker);
  });

  it('are used with --trust-article from inside the article folder', async () => {
    const result = await build(write('tpl-trusted', 'own-templates'), '--trust-article');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(/warning/);
    expect(result.html).toContain(marker);
  });

  it('are refused even with --trust-article when they lie outside the folder, directly or through a symlink', async () => {
    for (const [name, folder] of [
      ['tpl-outside', '../outside/templates'],
      ['tpl-absolute', join(outside, 'templates')],
      ['tpl-linked', 'linked-templates'],
    ] as const) {
      const result = await build(write(name, folder), '--trust-article');
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toMatch(new RegExp(`${name}\\.md:3: warning: front matter \`templates: .*\` ignored: .*outside the article's folder`));
      expect(result.html).not.toContain(CANARY);
    }
  });

  it("from the command line are the user's choice, wherever they are", async () => {
    const result = await build(write('tpl-cli', 'own-templates'), '--templates', join(outside, 'templates'));
    expect(result.code, result.stderr).toBe(0);
    expect(result.html).toContain('OUTSIDE-TEMPLATE');
  });
});

describe.skipIf(!hasBrowser)('single file with media names that are prefixes of one another', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('keeps every image and every url() whole', async () => {
    const dir = join(base, 'prefix');
    mkdirSync(dir, { recursive: true });
    // The same bytes with and without an extension, and theme files whose names are prefixes of others.
    writeFileSync(join(dir, 'pic'), png('same'));
    writeFileSync(join(dir, 'pic.png'), png('same'));
    writeFileSync(join(dir, 'other.png'), png('other'));
    writeFileSync(join(dir, 'dot.png'), png('dot'));
    writeFileSync(join(dir, 'dot.png.png'), png('dot-dot'));
    writeFileSync(join(dir, 'prefix.css'), '.a { background: url(dot.png); }\n.b { background: url(dot.png.png); }\n');
    writeFileSync(
      join(dir, 'prefix.md'),
      `---\ntitle: Prefixes\ntheme: prefix.css\n---\n\n## One\n\n![one](pic)\n\n## Two\n\n![two](pic.png)\n\n## Three\n\n![three](other.png)\n`,
    );
    const out = join(base, 'prefix.html');
    const exported = await runCli(['export', join(dir, 'prefix.md'), '--format', 'html', '--out', out]);
    expect(exported.code, exported.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(/base64,[A-Za-z0-9+/=]+\.png/);
    expect(html).not.toMatch(/media\//);
    const page = await browser.newPage();
    await page.goto(`file://${out}`);
    const widths = await page.$$eval('figure.image img', (images) =>
      Promise.all(
        images.map((img) =>
          (img as HTMLImageElement).decode().then(
            () => (img as HTMLImageElement).naturalWidth,
            () => 0,
          ),
        ),
      ),
    );
    expect(widths).toEqual([1, 1, 1]);
    const backgrounds = await page.evaluate(() =>
      ['a', 'b'].map((name) => {
        const probe = document.createElement('div');
        probe.className = name;
        document.body.append(probe);
        return getComputedStyle(probe).backgroundImage;
      }),
    );
    expect(backgrounds[0]).toContain(`base64,${png('dot').toString('base64')}`);
    expect(backgrounds[1]).toContain(`base64,${png('dot-dot').toString('base64')}`);
    await page.close();
  }, 60_000);
});

describe('the dev server', () => {
  it('refuses (403) a symlink in the served folder that leads outside it, and serves real files', async () => {
    writeFileSync(
      join(article, 'dev.md'),
      `---\ntitle: Dev\n---\n\n## Part\n\n${paragraph}\n\n## Picture\n\n![real](real.png)\n\n## Leak\n\n![leak alt](leak-image.png)\n`,
    );
    const server = await startDevServer(join(article, 'dev.md'));
    try {
      for (const path of ['leak.png', 'leak-image.png', 'leak.css', 'linked/secret.txt', 'linked/secret.png']) {
        const response = await fetch(`${server.url}@fs${article}/${path}`);
        const body = await response.text();
        expect(response.status, path).toBe(403);
        expect(body).not.toContain(CANARY);
      }
      const encoded = await fetch(`${server.url}@fs${article}/%6ceak.png`);
      expect(encoded.status).toBe(403);
      const real = await fetch(`${server.url}@fs${article}/real.png`);
      expect(real.status).toBe(200);
      expect(Buffer.from(await real.arrayBuffer()).equals(png('real'))).toBe(true);
      // The page shows the checked copy of the real image, and only the alt text of the refused one.
      const html = await (await fetch(server.url)).text();
      const sources = [...html.matchAll(/<img src="([^"]+)"/g)].map((match) => match[1]);
      expect(sources).toEqual([expect.stringMatching(/^media\/[0-9a-f]{16}\.png$/)]);
      expect(html).toContain(placeholderHtml('leak alt'));
      const copy = await fetch(new URL(sources[0]!, server.url));
      expect(copy.status).toBe(200);
      expect(copy.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await copy.arrayBuffer()).equals(png('real'))).toBe(true);
      expect(server.output()).toMatch(/dev\.md:\d+: warning: image "leak-image\.png" left out/);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
