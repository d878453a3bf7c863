import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/api/commands.js';
import { revealThemeNames } from '../../src/site/runtime.js';
import { DEFAULT_THEME } from '../../src/site/themes.js';
import { hasBrowser, launchBrowser } from '../helpers/browser.js';
import { SEED_ARTICLE } from '../helpers/paths.js';
import { serveFolder } from '../helpers/static-server.js';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const EVERY_LAYOUT = fileURLToPath(new URL('every-layout.md', import.meta.url));
// A 1×1 PNG: the one image of the fixture that exists.
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const THEMES = [DEFAULT_THEME, ...(await revealThemeNames())];

interface Finding {
  slide: number;
  rule: string;
  impact: string;
  targets: string[];
  summary: string;
}

/** Loads axe-core into the page (through DevTools, so the deck's Content-Security-Policy stays in force). */
async function injectAxe(page: Page): Promise<void> {
  if (await page.evaluate(() => 'axe' in window)) return;
  await page.evaluate(AXE_SOURCE);
}

/** Runs axe-core on every slide in turn (each one the visible, present slide) and returns every violation. */
async function auditEverySlide(page: Page): Promise<Finding[]> {
  await injectAxe(page);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const reveal = window.Reveal;
    reveal.configure({ transition: 'none', backgroundTransition: 'none' });
    const findings: Finding[] = [];
    const total = reveal.getTotalSlides();
    for (let slide = 0; slide < total; slide++) {
      reveal.slide(slide);
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const result = await axe.run(document, { resultTypes: ['violations'] });
      for (const violation of result.violations) {
        for (const node of violation.nodes) {
          findings.push({
            slide,
            rule: violation.id,
            impact: node.impact ?? violation.impact ?? 'unknown',
            targets: node.target.map(String),
            summary: node.failureSummary ?? '',
          });
        }
      }
    }
    reveal.slide(0);
    return findings;
  });
}

const severe = (findings: Finding[]): Finding[] => findings.filter((finding) => finding.impact === 'serious' || finding.impact === 'critical');
/** What a deck must not have: a serious or critical violation, or a skipped heading level (which axe rates moderate). */
const unacceptable = (findings: Finding[]): Finding[] => findings.filter((finding) => severe([finding]).length > 0 || finding.rule === 'heading-order');
const describeFindings = (findings: Finding[]): string =>
  findings
    .map((finding) => `slide ${finding.slide}: ${finding.rule} (${finding.impact}) ${finding.targets.join(' ')}: ${finding.summary.replace(/\s+/g, ' ')}`)
    .join('\n');

describe.skipIf(!hasBrowser)('accessibility of built decks (axe-core in Chromium)', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let server: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), 'lectern-a11y-'));
    const source = join(root, 'source');
    mkdirSync(source);
    copyFileSync(EVERY_LAYOUT, join(source, 'every-layout.md'));
    writeFileSync(join(source, 'bridge.png'), PIXEL);
    const site = join(root, 'site');
    await build(SEED_ARTICLE, { out: join(site, 'seed') });
    for (const theme of THEMES) await build(join(source, 'every-layout.md'), { out: join(site, theme), theme });
    server = await serveFolder(site);
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // Nothing but this test's server answers: the fixture's remote image fails, as it does offline.
    await context.route('**/*', (route) => (route.request().url().startsWith(server.url) ? route.continue() : route.abort()));
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(deck: string, target: Page = page): Promise<void> {
    await target.goto(`${server.url}${deck}/`);
    await target.waitForFunction(() => document.documentElement.dataset.lecternReady === 'true');
  }

  it('the seed deck has no serious or critical violation on any slide, and headings in order', async () => {
    await open('seed');
    const findings = unacceptable(await auditEverySlide(page));
    expect(findings, describeFindings(findings)).toEqual([]);
  });

  it('gives the page a language, every image an alt text, and a missing image a placeholder with its text', async () => {
    await open(DEFAULT_THEME);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    const images = await page.$$eval('.reveal .slides img', (elements) => elements.map((img) => img.getAttribute('alt')));
    expect(images.length).toBeGreaterThan(0);
    for (const alt of images) expect(alt?.trim()).toBeTruthy();
    const placeholders = await page.$$eval('.reveal .image-placeholder', (elements) =>
      elements.map((element) => ({ role: element.getAttribute('role'), label: element.getAttribute('aria-label') })),
    );
    expect(placeholders).toEqual([{ role: 'img', label: 'Drawing of the upstream face, kept in the parish archive' }]);
  });

  it.each([
    ['a missing image', 'the-upstream-face', 'Drawing of the upstream face, kept in the parish archive'],
    ['a remote image that cannot load', 'the-river-from-the-bank', 'The river below the bridge seen from the east bank'],
  ])('shows the text of %s where the picture would be', async (_kind, slug, text) => {
    await open(DEFAULT_THEME);
    await page.evaluate((id) => {
      window.Reveal.configure({ transition: 'none' });
      window.Reveal.slide(window.Reveal.getSlides().findIndex((slide) => slide.id === id));
    }, `s-${slug}`);
    const present = page.locator('.reveal .slides > section.present');
    await expect.poll(() => present.getAttribute('id')).toBe(`s-${slug}`);
    // Seen on screen: rendered, inside the slide's frame, and not covered by anything.
    const shown = present.locator('figure.image').getByText(text, { exact: true }).first();
    expect(await shown.isVisible()).toBe(true);
    const box = await shown.boundingBox();
    const frame = await present.locator('.slide-frame').boundingBox();
    expect(box && frame && box.height > 0 && box.y >= frame.y && box.y + box.height <= frame.y + frame.height).toBe(true);
    const onTop = await shown.evaluate((element) => {
      const rect = element.getBoundingClientRect();
      const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
      return hit !== null && (element === hit || element.contains(hit));
    });
    expect(onTop).toBe(true);
  });

  it('changes slides without a transition when the viewer asks for reduced motion, and with one otherwise', async () => {
    const motion = async (reducedMotion: 'reduce' | 'no-preference'): Promise<{ transition: unknown; duration: string }> => {
      const viewer = await context.newPage();
      try {
        await viewer.emulateMedia({ reducedMotion });
        await open(DEFAULT_THEME, viewer);
        return await viewer.evaluate(() => ({
          transition: window.Reveal.getConfig().transition,
          duration: getComputedStyle(document.querySelector('.reveal .slides > section')!).transitionDuration,
        }));
      } finally {
        await viewer.close();
      }
    };
    const reduced = await motion('reduce');
    expect(reduced.transition).toBe('none');
    expect(reduced.duration.split(',').every((part) => parseFloat(part) === 0)).toBe(true);
    const usual = await motion('no-preference');
    expect(usual.transition).toBe('slide');
    expect(usual.duration.split(',').some((part) => parseFloat(part) > 0)).toBe(true);
  });

  it('opens a speaker view with no serious or critical violation, driven from the keyboard', async () => {
    await open(DEFAULT_THEME);
    const [speaker] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
    try {
      await speaker.waitForSelector('#speaker-controls', { state: 'attached' });
      await speaker.waitForFunction(() => document.querySelectorAll('iframe').length >= 2);
      await injectAxe(speaker);
      const findings = await speaker.evaluate(async () => {
        const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
        // The two previews are the deck itself, audited above; here the speaker view's own page.
        const result = await axe.run(document, { resultTypes: ['violations'], iframes: false });
        return result.violations.flatMap((violation) =>
          violation.nodes.map((node) => ({
            slide: -1,
            rule: violation.id,
            impact: node.impact ?? violation.impact ?? 'unknown',
            targets: node.target.map(String),
            summary: node.failureSummary ?? '',
          })),
        );
      });
      expect(severe(findings), describeFindings(severe(findings))).toEqual([]);
      // The presenter moves the deck from the speaker view's keyboard, once its preview shows where the deck is.
      const current = speaker.frameLocator('#current-slide iframe').locator('.reveal .slides > section.present');
      await expect.poll(() => current.getAttribute('id').catch(() => null), { timeout: 10_000 }).toBe('s-title');
      await speaker.bringToFront();
      await speaker.keyboard.press('ArrowRight');
      await expect.poll(() => page.evaluate(() => window.Reveal.getIndices().h)).toBe(1);
      // The speaker view applies the deck's state a moment late and can undo a key pressed before it: back on the first
      // slide, a further ArrowLeft changes nothing, so the key is pressed until the deck is there.
      await expect
        .poll(
          async () => {
            await speaker.keyboard.press('ArrowLeft');
            return page.evaluate(() => window.Reveal.getIndices().h);
          },
          { timeout: 10_000, interval: 300 },
        )
        .toBe(0);
    } finally {
      await speaker.close();
    }
  });

  it.each(THEMES)('every layout in the %s theme: no serious or critical violation on any slide, and headings in order', async (theme) => {
    await open(theme);
    const findings = unacceptable(await auditEverySlide(page));
    expect(findings, describeFindings(findings)).toEqual([]);
  });
});
