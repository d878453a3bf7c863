/**
 * Entity-encoded and otherwise disguised script URLs in Markdown links, clicked in real Chromium: every link on every
 * slide of the built deck, the single-file export and the dev page is clicked with the mouse, and no planted script
 * may run (each payload opens a dialog, which the test records). Every href and src the page holds is also resolved
 * the way the browser resolves it and must be http(s), mailto or a raster data: image.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBrowser, launchBrowser } from '../helpers/browser.js';
import { runCli } from '../helpers/cli.js';
import { startDevServer, type DevServer } from '../helpers/dev-server.js';
import { serveFolder } from '../helpers/static-server.js';

interface LinkVector {
  name: string;
  markdown: string;
}

const VECTORS = JSON.parse(readFileSync(new URL('../fixtures/hostile/markdown-links.json', import.meta.url), 'utf8')) as LinkVector[];

/** One section per vector, the vector in a paragraph and in a list item; the reference definitions after each. */
function article(): string {
  const parts = ['---', 'title: Links that must not run', 'transition: none', '---', ''];
  VECTORS.forEach((vector, index) => {
    const [first, ...definitions] = vector.markdown.split('\n');
    parts.push(
      `## Link vector ${index + 1}`,
      '',
      `The sentence carries vector ${index + 1}: ${first} and then ends.`,
      '',
      `- An item carries it too: ${first}`,
      '- A second item has no link.',
      '',
      ...definitions,
      '',
    );
  });
  // Slides show list items as written (paragraphs become condensed points): the ordinary links sit in a list too.
  parts.push('## Ordinary links', '', '- A [fragment link](#/0) stays on the page.', '- An [https link](https://example.org/page) leaves it.', '');
  return parts.join('\n');
}

describe.skipIf(!hasBrowser)('disguised script URLs in Markdown links, clicked in Chromium', () => {
  let browser: Browser;
  let dir: string;
  let source: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lectern-link-clicks-'));
    source = join(dir, 'links.md');
    writeFileSync(source, article());
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** Opens `url`, visits every slide and clicks every visible link with the mouse; returns what went wrong. */
  async function clickEveryLink(url: string, allowedOrigin: string): Promise<{ clicked: number; problems: string[]; followed: string[] }> {
    const context: BrowserContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const problems: string[] = [];
    // Nothing leaves the machine; an https link that is clicked simply fails to load.
    await context.route('**/*', (route) => (route.request().url().startsWith(allowedOrigin) ? route.continue() : route.abort()));
    context.on('dialog', (dialog) => {
      problems.push(`${dialog.type()} opened: ${dialog.message()}`);
      void dialog.dismiss();
    });
    let lastLink = '';
    const page: Page = await context.newPage();
    context.on('page', (popup) => problems.push(`a new page opened: ${popup.url()} after clicking ${lastLink}`));
    const open = async (): Promise<void> => {
      await page.goto(url);
      await page.waitForFunction(() => document.documentElement.dataset.lecternReady === 'true', null, { timeout: 30_000 });
    };
    await open();
    const total = await page.evaluate(() => window.Reveal.getTotalSlides());
    let clicked = 0;
    const followed: string[] = [];
    for (let slide = 0; slide < total; slide++) {
      const count = await page.evaluate((index) => {
        window.Reveal.slide(index);
        return document.querySelectorAll('.reveal .slides section.present a').length;
      }, slide);
      for (let link = 0; link < count; link++) {
        const target = await page.evaluate(
          ({ index, link: n }) => {
            window.Reveal.slide(index);
            const anchor = document.querySelectorAll<HTMLAnchorElement>('.reveal .slides section.present a')[n];
            const box = anchor?.getBoundingClientRect();
            if (!anchor || !box || box.width === 0 || box.height === 0) return undefined;
            // An ordinary link to another document navigates away; anything else stays on this page.
            const leaves = ['http:', 'https:', 'file:'].includes(anchor.protocol) && anchor.href.split('#')[0] !== location.href.split('#')[0];
            return { x: box.x + box.width / 2, y: box.y + box.height / 2, leaves, html: anchor.outerHTML };
          },
          { index: slide, link },
        );
        if (!target) continue;
        const before = page.url().split('#')[0];
        lastLink = target.html;
        if (target.leaves) {
          // A link to another document runs no script (its URL is checked below); following it would leave the deck.
          followed.push(target.html);
          continue;
        }
        await page.mouse.click(target.x, target.y);
        await page.waitForTimeout(100);
        if (page.url().split('#')[0] !== before) problems.push(`a click left the deck for ${page.url()}`);
        clicked++;
      }
    }
    await page.waitForTimeout(200);
    const urls = await page.evaluate(() => {
      const found: string[] = [];
      for (const element of Array.from(document.querySelectorAll('[href], [src]'))) {
        for (const name of ['href', 'src']) {
          const value = element.getAttribute(name);
          if (value === null) continue;
          const resolved = new URL(value, document.baseURI);
          const safe =
            ['http:', 'https:', 'mailto:', 'file:', 'blob:'].includes(resolved.protocol) ||
            /^data:(image\/(png|jpeg|gif|webp)|text\/javascript|text\/css|font\/)/.test(resolved.href);
          if (!safe) found.push(`${element.localName}[${name}]=${resolved.href.slice(0, 80)}`);
        }
      }
      return found;
    });
    problems.push(...urls);
    await context.close();
    return { clicked, problems, followed };
  }

  it('the built deck', async () => {
    const out = join(dir, 'site');
    const built = await runCli(['build', source, '--out', out]);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).toMatch(/link to .* removed/);
    const server = await serveFolder(out);
    try {
      const { clicked, problems } = await clickEveryLink(server.url, server.url);
      expect(problems).toEqual([]);
      expect(clicked).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  }, 180_000);

  it('the single-file export', async () => {
    const out = join(dir, 'links.html');
    const exported = await runCli(['export', source, '--format', 'html', '--out', out]);
    expect(exported.code, exported.stderr).toBe(0);
    const url = pathToFileURL(out).href;
    const { clicked, problems } = await clickEveryLink(url, 'file://');
    expect(problems).toEqual([]);
    expect(clicked).toBeGreaterThan(0);
  }, 180_000);

  it('the PDF export: its link annotations point only at http(s), mailto or a file', async () => {
    const out = join(dir, 'links.pdf');
    const exported = await runCli(['export', source, '--out', out, '--quiet']);
    expect(exported.code, exported.stderr).toBe(0);
    const { PDFArray, PDFDict, PDFDocument, PDFName, PDFString, PDFHexString } = await import('pdf-lib');
    const pdf = await PDFDocument.load(readFileSync(out));
    const uris: string[] = [];
    for (const page of pdf.getPages()) {
      const annotations = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
      for (let index = 0; index < (annotations?.size() ?? 0); index++) {
        const action = annotations!.lookup(index, PDFDict).lookupMaybe(PDFName.of('A'), PDFDict);
        const uri = action?.lookupMaybe(PDFName.of('URI'), PDFString, PDFHexString);
        if (uri) uris.push(uri.decodeText());
      }
    }
    expect(uris).toContain('https://example.org/page');
    // Lectern joins and annotates Chromium's PDF itself (src/export/pdf-objects.ts): an address full of PDF syntax
    // comes through as the article wrote it, and no reference inside it is renumbered.
    expect(uris).toContain('https://example.org/pdf/)endobj/2%200%20R/%3E%3E/%5C');
    // A relative link resolves against the staged copy the PDF was printed from (file:): inert, if useless.
    expect(uris.filter((uri) => !/^(https?|mailto|file):/i.test(uri))).toEqual([]);
  }, 180_000);

  it('the dev page', async () => {
    let server: DevServer | undefined;
    try {
      server = await startDevServer(source);
      const { clicked, problems } = await clickEveryLink(server.url, server.url);
      expect(problems).toEqual([]);
      expect(clicked).toBeGreaterThan(0);
    } finally {
      await server?.stop();
    }
  }, 180_000);
});
