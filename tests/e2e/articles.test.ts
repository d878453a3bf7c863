import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deck } from '../../src/outline/types.js';
import { hasBrowser, launchBrowser } from '../helpers/browser.js';
import { runCli } from '../helpers/cli.js';
import { DEFAULT_DECK, FIXTURE_ARTICLES } from '../helpers/paths.js';

const expected = JSON.parse(readFileSync(join(FIXTURE_ARTICLES, 'expected.json'), 'utf8')) as Record<string, { mustNotAppear?: string[] }>;

async function build(source: string, extra: string[] = []): Promise<{ html: string; deck: Deck; out: string }> {
  const out = join(mkdtempSync(join(tmpdir(), 'lectern-articles-')), 'site');
  const result = await runCli(['build', source, '--out', out, ...extra]);
  expect(result.code, result.stderr).toBe(0);
  const deck = JSON.parse((await runCli(['build', source, '--json', ...extra])).stdout) as Deck;
  return { html: readFileSync(join(out, 'index.html'), 'utf8'), deck, out };
}

describe('real-world articles', () => {
  it('builds a saved Wikipedia-style page into a deck about its article, with no page furniture on any slide', async () => {
    const { html, deck } = await build(join(FIXTURE_ARTICLES, 'wiki-page.html'));
    expect(deck.meta.title).toBe('Bell Rock Lighthouse');
    const slidesHtml = html.slice(html.indexOf('<div class="slides">'), html.indexOf('<script type="application/json"'));
    for (const phrase of [...(expected['wiki-page.html']?.mustNotAppear ?? []), 'Donate', 'Privacy policy', 'Accept cookies']) {
      expect(slidesHtml, phrase).not.toContain(phrase);
    }
    expect(deck.sections.map((section) => section.title)).toEqual(['History', 'Design', 'Keepers and automation', 'In popular culture']);
  });

  it('splits Chinese sentences at 。！？ and sets the language', async () => {
    const { html, deck } = await build(join(FIXTURE_ARTICLES, 'zh-article.md'));
    expect(html).toMatch(/<html lang="zh" dir="ltr">/);
    const points = deck.slides.filter((slide) => slide.layout === 'points').flatMap((slide) => slide.points ?? []);
    expect(points.length).toBeGreaterThan(5);
    // Each point is one whole sentence: no sentence-ending mark inside it.
    for (const point of points) expect(point.text.slice(0, -1)).not.toMatch(/[。！？]/);
  });

  it('lays Hebrew out right to left', async () => {
    const { html, deck } = await build(join(FIXTURE_ARTICLES, 'he-article.md'));
    expect(deck.meta).toMatchObject({ lang: 'he', dir: 'rtl' });
    expect(html).toMatch(/<html lang="he" dir="rtl">/);
    expect(html).toMatch(/"rtl":true/);
  });

  it('detects Arabic from its script and lays it out right to left', async () => {
    const { html, deck } = await build(join(FIXTURE_ARTICLES, 'ar-article.md'));
    expect(deck.meta).toMatchObject({ lang: 'ar', dir: 'rtl' });
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(deck.slides.map((slide) => slide.id)).toContain('s-كيف-يعمل-الأسطرلاب');
  });

  it('reads a UTF-16 letter with a byte-order mark and keeps its accents and quotes', async () => {
    const { html, deck } = await build(join(FIXTURE_ARTICLES, 'utf16-letter.txt'));
    expect(deck.meta.title).toBe('Bringing the Müller Clock Back to Life');
    expect(html).toContain('René Kessler');
    for (const phrase of expected['utf16-letter.txt']?.mustNotAppear ?? []) expect(html, JSON.stringify(phrase)).not.toContain(phrase);
  });

  it('scales the default deck to a 15-minute talk', async () => {
    const { deck } = await build(DEFAULT_DECK, ['--duration', '15m']);
    const total = deck.slides.reduce((sum, slide) => sum + slide.timing, 0);
    expect(Math.abs(total - 900)).toBeLessThanOrEqual(45);
    expect(deck.meta.totalTime).toBe(total);
  });
});

describe.skipIf(!hasBrowser)('right-to-left in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders Hebrew slides with rtl direction and no overflow', async () => {
    const { out } = await build(join(FIXTURE_ARTICLES, 'he-article.md'));
    const page = await browser.newPage({ viewport: { width: 960, height: 700 } });
    await page.goto(`file://${join(out, 'index.html')}`);
    await page.waitForFunction(() => document.documentElement.dataset.lecternReady === 'true');
    const direction = await page.$eval('.reveal .slides > section.layout-points', (section) => getComputedStyle(section).direction);
    expect(direction).toBe('rtl');
    expect(await page.evaluate(() => window.Reveal.getConfig().rtl)).toBe(true);
    const overflow = await page.evaluate(() => window.lectern.overflow());
    expect(overflow.filter((slide) => slide.x > 1 || slide.y > 1)).toEqual([]);
    await page.close();
  });

  it('keeps the section footer, the slide number and the arrows apart, in either direction', async () => {
    const long = join(mkdtempSync(join(tmpdir(), 'lectern-footer-')), 'long-section.md');
    writeFileSync(long, `## ${'A section title long enough to run the whole width of the footer line '.repeat(3)}\n\nOne sentence of text.\n`);
    for (const source of [join(FIXTURE_ARTICLES, 'ar-article.md'), long]) {
      const { out } = await build(source);
      for (const viewport of [
        { width: 960, height: 700 },
        { width: 1280, height: 720 },
      ]) {
        const page = await browser.newPage({ viewport });
        await page.goto(`file://${join(out, 'index.html')}`);
        await page.waitForFunction(() => document.documentElement.dataset.lecternReady === 'true');
        const clashes = await page.evaluate(async () => {
          const index = [...document.querySelectorAll('.reveal .slides > section')].findIndex((slide) => slide.querySelector('.slide-footer'));
          // No transition, so the slide is measured where it stays, not on its way in.
          window.Reveal.configure({ transition: 'none' });
          window.Reveal.slide(index);
          await new Promise(requestAnimationFrame);
          const parts = [
            '.reveal .slides > section.present .slide-footer',
            '.reveal .slide-number',
            '.reveal .controls .navigate-left',
            '.reveal .controls .navigate-right',
          ];
          const boxes = parts.map((selector) => ({ selector, box: document.querySelector(selector)!.getBoundingClientRect() }));
          const found: string[] = [];
          boxes.forEach((a, i) =>
            boxes.slice(i + 1).forEach((b) => {
              const arrows = a.selector.includes('navigate') && b.selector.includes('navigate');
              if (!arrows && a.box.left < b.box.right && b.box.left < a.box.right && a.box.top < b.box.bottom && b.box.top < a.box.bottom)
                found.push(`${a.selector} × ${b.selector}`);
            }),
          );
          return found;
        });
        expect(clashes, `${source} at ${viewport.width}×${viewport.height}`).toEqual([]);
        await page.close();
      }
    }
  });
});

/** The id of a built deck's first table slide, whatever title its content gives it. */
const tableSlideId = (out: string): string => /<section id="([^"]+)" class="layout-table"/.exec(readFileSync(join(out, 'index.html'), 'utf8'))?.[1] ?? '';

describe.skipIf(!hasBrowser)('tables in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(out: string, id: string) {
    const page = await browser.newPage({ viewport: { width: 960, height: 700 } });
    await page.goto(`file://${join(out, 'index.html')}`);
    await page.waitForFunction(() => document.documentElement.dataset.lecternReady === 'true');
    await page.evaluate(async (slideId) => {
      window.Reveal.configure({ transition: 'none' });
      const index = [...document.querySelectorAll('.reveal .slides > section')].findIndex((section) => section.id === slideId);
      if (index < 0) throw new Error(`no slide ${slideId}`);
      window.Reveal.slide(index);
      await new Promise(requestAnimationFrame);
    }, id);
    return page;
  }

  it('keeps words whole in table cells and aligns columns as the author marked them', async () => {
    const { out } = await build(join(FIXTURE_ARTICLES, 'field-guide.md'));
    const page = await open(out, tableSlideId(out));
    const result = await page.evaluate(() => {
      const cells = [...document.querySelectorAll<HTMLElement>('section.present table.table th, section.present table.table td')];
      const split: string[] = [];
      for (const cell of cells) {
        const text = cell.firstChild as Text;
        for (const match of (text.data ?? '').matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(text, match.index);
          range.setEnd(text, match.index + match[0].length);
          if (new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size > 1) split.push(match[0]);
        }
      }
      const align = [...document.querySelectorAll('section.present table.table tbody tr:first-child td')].map((cell) => getComputedStyle(cell).textAlign);
      return { split, align };
    });
    expect(result.split).toEqual([]);
    expect(result.align).toEqual(['left', 'center', 'left', 'left', 'right']);
    await page.close();
  });

  it('still fits a table whose cell holds a long unbreakable run, breaking it instead', async () => {
    const source = join(mkdtempSync(join(tmpdir(), 'lectern-table-')), 'links.md');
    const checksum = '3f2a9c0e7b1d4a5f8e6c2b9a0d3f7e1c'.repeat(3);
    writeFileSync(source, `## Links\n\n| Source | Checksum | Note |\n| --- | --- | --- |\n| Survey | ${checksum} | raw data |\n`);
    const { out } = await build(source);
    const page = await open(out, tableSlideId(out));
    const overflow = await page.evaluate(() => window.lectern.overflow());
    expect(overflow.filter((slide) => slide.x > 1 || slide.y > 1)).toEqual([]);
    await page.close();
  });
});
