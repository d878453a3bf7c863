/**
 * Shared by the hostile-*.test.ts files (one per source kind, so they run in parallel).
 * Hostile articles, built by the real CLI and presented in real Chromium: no planted script may run, in the deck or
 * in the speaker view, whether the vector sits in Markdown, plain text, a saved web page, front matter or notes.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBrowser, launchBrowser } from '../helpers/browser.js';
import { runCli } from '../helpers/cli.js';
import { guardedContext, waitForDeck } from '../helpers/page.js';
import { serveFolder } from '../helpers/static-server.js';

interface Vector {
  name: string;
  html: string;
}

const shared = JSON.parse(readFileSync(new URL('../fixtures/hostile/vectors.json', import.meta.url), 'utf8')) as Vector[];

/** The shared corpus (which calls alert) plus the same vectors rewritten to set a canary global instead. */
const VECTORS: Vector[] = [
  ...shared,
  ...shared
    .filter((vector) => vector.html.includes('alert(1)'))
    .map((vector) => ({ name: `${vector.name} (canary)`, html: vector.html.split('alert(1)').join('window.__pwned=1') })),
].map((vector) => ({
  // A NUL byte makes the whole file unreadable (a separate, tested refusal); without it the vector is still hostile.
  name: vector.name,
  html: vector.html.replace(/\u0000/g, ''),
}));

const isCanary = (vector: Vector): boolean => vector.name.endsWith('(canary)');

/** Markdown link destinations in encoded forms (entities, tabs, reference definitions…), each also as a canary. */
const LINK_VECTORS = (
  JSON.parse(readFileSync(new URL('../fixtures/hostile/markdown-links.json', import.meta.url), 'utf8')) as Array<{ name: string; markdown: string }>
).flatMap((vector) => [vector.markdown, vector.markdown.split('alert(1)').join('window.__pwned=1')]);

/** Handlebars syntax that would leak data or run helpers if article text were ever compiled as a template. */
const TEMPLATE_VECTORS = ['{{constructor.constructor("window.__pwned=1")()}}', '{{{slidesHtml}}}', '{{> notes}}', '{{#each this}}leak{{/each}}'];

const oneLine = (text: string): string => text.replace(/[\r\n]+/g, ' ');
const yamlString = (text: string): string => JSON.stringify(oneLine(text));

/** Front matter where every text value is hostile. */
function frontMatter(): string {
  return [
    '---',
    `title: ${yamlString('Hostile <script>alert(1)</script> "quoted" {{constructor.constructor("alert(1)")()}}')}`,
    `subtitle: ${yamlString('<img src=x onerror=window.__pwned=1> subtitle')}`,
    `author: ${yamlString('"><script>window.__pwned=1</script><meta x="')}`,
    `date: ${yamlString('2024-01-01" onmouseover="window.__pwned=1')}`,
    `lang: ${yamlString('en" onclick="window.__pwned=1')}`,
    // `transition` admits only Reveal's names: a hostile one is refused (tests/cli/transition.test.ts).
    // Labels are the article's own words on generated slides and notes pages; `reveal:` options pass an allow-list.
    'labels:',
    `  agenda: ${yamlString('<img src=x onerror=window.__pwned=1> agenda')}`,
    `  keyTakeaways: ${yamlString('</script><script>window.__pwned=1</script>')}`,
    `  introduction: ${yamlString('{{constructor.constructor("window.__pwned=1")()}}')}`,
    `  notes: ${yamlString('"><svg onload=window.__pwned=1>')}`,
    'reveal:',
    `  controls: ${yamlString('"><script>window.__pwned=1</script>')}`,
    `  dependencies: ${yamlString('https://evil.example/x.js')}`,
    '---',
    '',
  ].join('\n');
}

function markdownArticle(): string {
  const parts = [frontMatter(), '# Hostile vectors in Markdown', ''];
  VECTORS.forEach((vector, index) => {
    const inline = oneLine(vector.html);
    if (isCanary(vector)) {
      // The canary copies need only one placement each: the paragraph and block paths are the same code.
      parts.push(`Canary vector ${index + 1} sits in this paragraph: ${inline} and ends here.`, '', vector.html, '');
      return;
    }
    parts.push(
      `## Vector ${index + 1}: ${oneLine(vector.name)} <img src=x onerror=window.__pwned=1>`,
      '',
      `The reader checks vector number ${index + 1} inline here: ${inline} and the sentence goes on.`,
      '',
      vector.html,
      '',
      `- A list item carries vector ${index + 1}: ${inline}`,
      `- A second item has a [bad link](javascript:window.__pwned=1) and an ![image](javascript:window.__pwned=1)`,
      '',
      `> A quoted line carries vector ${index + 1}: ${inline}`,
      '',
      'Note: the speaker reads this aloud, with the vector in the notes: ' + inline,
      '',
    );
  });
  parts.push(
    '## A table of vectors',
    '',
    '| Vector | Markup |',
    '| --- | --- |',
    ...VECTORS.slice(0, 12).map((vector, index) => `| ${index + 1} | ${oneLine(vector.html).replace(/\|/g, '\\|')} |`),
    '',
    '## Links and images',
    '',
    'An autolink <javascript:window.__pwned=1> stays inert. A [reference link][evil] does too.',
    '',
    '[evil]: javascript:window.__pwned=1',
    '',
    '![data html](data:text/html,<script>window.__pwned=1</script>)',
    '',
    '![vbscript image](vbscript:msgbox)',
    '',
    '[angle link](<javascript:window.__pwned=1>) and [entity link](&#106;avascript:window.__pwned=1) are plain.',
    '',
    ...LINK_VECTORS.flatMap((markdown) => [`- An item links: ${markdown.split('\n')[0]}`, '', ...markdown.split('\n').slice(1), '']),
    '```html',
    '<script>window.__pwned=1</script>',
    '```',
    '',
    '## Template syntax',
    '',
    ...TEMPLATE_VECTORS.map((vector) => `The article literally says ${vector} in this sentence.\n`),
    'Note: notes that say {{constructor.constructor("window.__pwned=1")()}} and <script>window.__pwned=1</script> too.',
    '',
  );
  return parts.join('\n');
}

function textArticle(): string {
  const parts = ['Hostile Vectors in Plain Text <script>window.__pwned=1</script>', ''];
  VECTORS.forEach((vector, index) => {
    parts.push(`Vector ${index + 1} is written here as text: ${oneLine(vector.html)} and nothing happens.`, '');
  });
  parts.push(...TEMPLATE_VECTORS.map((vector) => `The text literally says ${vector} in this sentence.\n`));
  return parts.join('\n');
}

/** True when the vector, as HTML source, swallows what follows it (an unclosed raw-text element, <plaintext>…). */
function swallowsTheRest(html: string): boolean {
  const doc = new JSDOM(`<!doctype html><body><div>${html}</div><p id="after">after</p></body>`, { virtualConsole: new VirtualConsole() }).window.document;
  const after = doc.getElementById('after');
  return !after || after.textContent !== 'after' || after.parentElement !== doc.body;
}

function htmlArticle(): string {
  // A browser would also lose the page after such a vector: put those last, so every other vector is exercised.
  const ordered = [...VECTORS.filter((v) => !swallowsTheRest(v.html)), ...VECTORS.filter((v) => swallowsTheRest(v.html))];
  const sections = ordered
    .map((vector, index) =>
      isCanary(vector)
        ? `<p>Canary vector ${index + 1} is in this paragraph of the page: ${vector.html} and the paragraph ends.</p>`
        : `<h2>Vector ${index + 1} ${escapeText(vector.name)}</h2>
<p>The page discusses vector number ${index + 1} with enough words to be an article paragraph: ${vector.html} and the paragraph continues.</p>
<ul><li>A list item holds vector ${index + 1}: ${vector.html}</li><li>Another item has a <a href="javascript:window.__pwned=1">bad link</a>.</li></ul>
<blockquote><p>A quotation carries vector ${index + 1}: ${vector.html}</p></blockquote>
<figure><img src="javascript:window.__pwned=1" alt="unsafe image ${index + 1}"><figcaption>Caption ${index + 1}</figcaption></figure>
<details><summary>Details ${index + 1}</summary>${vector.html} more details text.</details>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en" onclick="window.__pwned=1">
<head>
<meta charset="utf-8">
<title>Hostile &lt;script&gt;alert(1)&lt;/script&gt; page</title>
<meta name="author" content="&quot;&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt;">
<script>window.__pwned = 1;</script>
</head>
<body onload="window.__pwned=1">
<nav><a href="/">Home</a></nav>
<article>
<h1>Hostile vectors in a saved web page</h1>
<p>This saved page is an article whose every paragraph carries one hostile vector, to check the web-page reader.</p>
<p>The page literally says ${TEMPLATE_VECTORS.join(' and ')} in this sentence.</p>
${sections}
</article>
</body>
</html>
`;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Everything suspicious in the current document: handler attributes, script URLs, unexpected scripts or frames. */
function domProblems(): string[] {
  const found: string[] = [];
  const scriptUrl = (value: string): boolean =>
    /^(?:javascript|vbscript|data:text\/html)/i.test(value.replace(/[\u0000-\u0020\u007f-\u00a0\u200b-\u200f\ufeff]/g, ''));
  for (const element of Array.from(document.querySelectorAll('*'))) {
    for (const attribute of Array.from(element.attributes)) {
      if (/^on/i.test(attribute.name)) found.push(`${attribute.name} on <${element.localName}>`);
      if (
        ['href', 'src', 'action', 'formaction', 'data', 'cite', 'xlink:href', 'srcdoc', 'poster'].includes(attribute.name.toLowerCase()) &&
        scriptUrl(attribute.value)
      ) {
        found.push(`${attribute.name}="${attribute.value}" on <${element.localName}>`);
      }
    }
  }
  const slides = document.querySelector('.reveal .slides');
  for (const element of Array.from(
    slides?.querySelectorAll('script, iframe, object, embed, form, input, button, style, svg, math, meta, base, link, template, textarea') ?? [],
  )) {
    found.push(`<${element.localName}> inside the slides`);
  }
  const scripts = Array.from(document.querySelectorAll('script'));
  for (const script of scripts) {
    const allowed = (script.type === 'application/json' && script.id === 'lectern-config') || /assets\/lectern\.js$/.test(script.src);
    if (!allowed) found.push(`unexpected script ${script.outerHTML.slice(0, 80)}`);
  }
  const w = window as unknown as { __pwned?: unknown };
  if (w.__pwned !== undefined) found.push('window.__pwned was set');
  return found;
}

/** The hostile articles, one per source kind. */
export const HOSTILE_ARTICLES = {
  markdown: { kind: 'Markdown', file: 'hostile.md', text: markdownArticle },
  text: { kind: 'plain text', file: 'hostile.txt', text: textArticle },
  html: { kind: 'saved web page', file: 'hostile.html', text: htmlArticle },
};

/** Builds the article with the real CLI, opens it in Chromium and checks that nothing planted runs. */
export function describeHostileDeck(article: { kind: string; file: string; text: () => string }): void {
  describe.skipIf(!hasBrowser)('hostile articles in Chromium', () => {
    let browser: Browser;
    let dir: string;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'lectern-hostile-'));
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('has a corpus of at least 30 vectors', () => {
      expect(VECTORS.length).toBeGreaterThanOrEqual(30);
    });

    describe(`a ${article.kind} article`, () => {
      const { file, text } = article;
      let context: BrowserContext;
      let page: Page;
      let server: { url: string; close: () => Promise<void> };
      let dialogs: string[] = [];
      const pageErrors: string[] = [];
      let html = '';

      beforeAll(async () => {
        const source = join(dir, file);
        writeFileSync(source, text());
        const out = join(dir, `${file}-site`);
        const built = await runCli(['build', source, '--out', out]);
        expect(built.code, built.stderr).toBe(0);
        html = readFileSync(join(out, 'index.html'), 'utf8');
        server = await serveFolder(out);
        // Nothing leaves this machine: a request elsewhere is refused (and would be a finding).
        ({ context, dialogs } = await guardedContext(browser, server.url));
        // Records policy violations in every page, the speaker view included: a violation means the sanitiser let
        // something executable through and only the Content-Security-Policy stopped it.
        await context.addInitScript(() => {
          const w = window as unknown as { __violations: string[] };
          w.__violations = [];
          document.addEventListener('securitypolicyviolation', (event) =>
            w.__violations.push(`${event.violatedDirective}: ${event.blockedURI} ${event.sample}`),
          );
        });
        page = await context.newPage();
        page.on('pageerror', (error) => pageErrors.push(error.message));
        await page.goto(server.url);
        await waitForDeck(page);
      }, 120_000);

      afterAll(async () => {
        await context?.close();
        await server?.close();
      });

      it('carries a Content-Security-Policy that forbids inline and foreign scripts', () => {
        const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/
          .exec(html)?.[1]
          ?.replace(/&#x27;/g, "'")
          .replace(/&#x3D;/g, '=');
        expect(csp).toBeDefined();
        expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/]+=*'(;|$)/);
        expect(csp!.split(';').find((directive) => directive.trim().startsWith('script-src'))).not.toMatch(/unsafe|\*|data:|https?:/);
      });

      it('runs no planted script while every slide is visited and every link and element is hovered', { timeout: 180_000 }, async () => {
        const total = await page.evaluate(() => window.Reveal.getTotalSlides());
        expect(total).toBeGreaterThan(3);
        // Every slide is shown in turn (Reveal's slide-change handlers run for each); then the pointer really hovers
        // the links of up to 40 slides that have any, and (below) every element gets synthetic events: an on*
        // attribute anywhere would fire for one of them.
        const withLinks = await page.evaluate((count) => {
          const found: number[] = [];
          for (let index = 0; index < count; index++) {
            window.Reveal.slide(index);
            if (document.querySelector('.reveal .slides section.present a')) found.push(index);
          }
          return found;
        }, total);
        let hovered = 0;
        for (const index of withLinks.filter((_, n) => n % Math.ceil(withLinks.length / 40) === 0)) {
          const points = await page.evaluate((target) => {
            window.Reveal.slide(target);
            return Array.from(document.querySelectorAll('.reveal .slides section.present a'))
              .map((link) => link.getBoundingClientRect())
              .filter((box) => box.width > 0 && box.height > 0)
              .map((box) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 }));
          }, index);
          for (const point of points) {
            await page.mouse.move(point.x, point.y);
            hovered++;
          }
        }
        if (!file.endsWith('.txt')) expect(hovered).toBeGreaterThan(0);
        await page.evaluate(() => {
          for (const element of Array.from(document.querySelectorAll('.reveal .slides *'))) {
            for (const type of ['mouseover', 'mouseenter', 'focus', 'toggle', 'load', 'error', 'animationstart']) {
              element.dispatchEvent(new Event(type));
            }
          }
          for (const details of Array.from(document.querySelectorAll('details'))) details.open = !details.open;
        });
        await page.waitForTimeout(300);
        expect(dialogs).toEqual([]);
        expect(await page.evaluate(domProblems)).toEqual([]);
        expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
        expect(pageErrors).toEqual([]);
      });

      it('shows markup and template syntax of the article as literal text', async () => {
        const text = await page.evaluate(() => document.querySelector('.reveal .slides')?.textContent ?? '');
        const literal = ['{{constructor.constructor("window.__pwned=1")()}}', '{{{slidesHtml}}}', '{{> notes}}', '{{#each this}}leak{{/each}}'];
        if (file.endsWith('.txt')) literal.push('<script>alert(1)</script>', '<img src=x onerror=alert(1)>');
        // Compared as a list of misses so a failure does not print the whole deck.
        expect(literal.filter((snippet) => !text.includes(snippet))).toEqual([]);
        expect(text.includes('leakleak')).toBe(false);
      });

      it('keeps hostile front matter as text in the title, attributes and config', async () => {
        if (!file.endsWith('.md')) return;
        const title = await page.title();
        expect(title).toContain('<script>alert(1)</script>');
        expect(await page.evaluate(() => document.documentElement.getAttribute('lang'))).toBe('en" onclick="window.__pwned=1');
        const author = await page.evaluate(() => document.querySelector('meta[name="author"]')?.getAttribute('content'));
        expect(author).toBe('"><script>window.__pwned=1</script><meta x="');
      });

      it('opens the speaker view with no planted script running in it', async () => {
        const total = await page.evaluate(() => window.Reveal.getTotalSlides());
        const target = await page.evaluate(() => {
          const notes = Array.from(document.querySelectorAll('.reveal .slides > section')).map(
            (section) => section.querySelector('aside.notes')?.textContent ?? '',
          );
          const hostile = notes.findIndex((text) => /script|onerror|__pwned|\{\{/.test(text));
          return hostile >= 0 ? hostile : notes.findIndex((text) => text.trim().length > 0);
        });
        expect(target).toBeGreaterThanOrEqual(0);
        await page.evaluate((index) => window.Reveal.slide(index), target);
        const popupPromise = page.waitForEvent('popup');
        await page.keyboard.press('s');
        const speaker = await popupPromise;
        await speaker.waitForFunction(() => (document.querySelector('.speaker-controls-notes .value')?.textContent ?? '').trim().length > 0, null, {
          timeout: 15_000,
        });
        const notes = await speaker.evaluate(() => document.querySelector('.speaker-controls-notes .value')?.textContent ?? '');
        expect(notes.length).toBeGreaterThan(0);
        // Step through a few slides with the speaker view open, so it renders hostile notes too.
        for (let index = target; index < Math.min(total, target + 5); index++) {
          await page.evaluate((i) => window.Reveal.slide(i), index);
        }
        await speaker.waitForTimeout(500);
        const speakerProblems = await speaker.evaluate(() => {
          const found: string[] = [];
          for (const element of Array.from(document.querySelectorAll('.speaker-controls-notes *'))) {
            for (const attribute of Array.from(element.attributes)) {
              if (/^on/i.test(attribute.name) || /javascript:/i.test(attribute.value)) found.push(`${attribute.name} on <${element.localName}>`);
            }
            if (['script', 'iframe', 'object', 'embed', 'img', 'svg'].includes(element.localName)) found.push(`<${element.localName}> in the notes`);
          }
          const w = window as unknown as { __pwned?: unknown; __violations?: string[] };
          if (w.__pwned !== undefined) found.push('window.__pwned was set');
          found.push(...(w.__violations ?? []));
          return found;
        });
        expect(speakerProblems).toEqual([]);
        // The speaker view's slide previews are the deck again, in frames: check them as well.
        for (const frame of speaker.frames().filter((f) => f !== speaker.mainFrame())) {
          expect(await frame.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
        }
        expect(dialogs).toEqual([]);
        expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
        await speaker.close();
      }, 60_000);
    });
  });
}
