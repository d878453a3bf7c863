/**
 * An article that tries to become the page's code or to read what is not its own, through the real CLI and in real
 * Chromium: slide titles that spell every id the page uses (`lectern-config`, …), with slide text arranged so that,
 * read as the page's configuration, it asks Reveal.js to load scripts (`dependencies`); images that point at the
 * machine's own services (an "admin page" this test serves on 127.0.0.1, named in every spelling of loopback) and at
 * files outside the article (`file:///etc/passwd`). In the built deck, the single file, the dev page, the speaker view,
 * PDF, PNG and `lectern check`: no planted script runs, nothing is fetched from the admin page, nothing of the
 * refused files is in the output, and the deck still presents.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBrowser, launchBrowser } from '../helpers/browser.js';
import { runCli } from '../helpers/cli.js';
import { guardedContext, waitForDeck } from '../helpers/page.js';
import { startDevServer } from '../helpers/dev-server.js';
import { serveFolder } from '../helpers/static-server.js';

interface Corpus {
  collidingTitles: string[];
  loopbackHosts: string[];
  fileUrls: string[];
  indexFileNames: string[];
}

const CORPUS = JSON.parse(readFileSync(new URL('../fixtures/hostile/exfiltration.json', import.meta.url), 'utf8')) as Corpus;
const CANARY = 'CANARY-SCRIPT-RAN';

/** What a planted script would do: mark the window, write the canary on the first slide, fetch the admin page, frame a secret file. */
function payload(adminUrl: string): string {
  return [
    'window.__pwned=1',
    // The canary is put together at run time, so the article's own text (the slide shows the payload) never holds it.
    `document.querySelector('.reveal .slides section')?.insertAdjacentHTML('afterbegin','<h1 style="background:#ff0000;color:#ff0000;height:600px">'+'${CANARY.slice(0, 7)}'+'${CANARY.slice(7)}</h1><iframe src="file:///etc/passwd" style="width:900px;height:500px"></iframe>')`,
    `new Image().src='${adminUrl}from-script.png'`,
  ].join(';');
}

/**
 * The article. Each colliding title gets a written-out quote slide whose visible text, with the section name in the
 * footer, reads as JSON: `{"dependencies":[…],"controls":false` + `,"z":1}`. Read as the deck's configuration, it would
 * turn the controls off and load three scripts (inline data, a file beside the article, the admin page).
 */
function article(adminUrl: string, dir: string): string {
  const script = payload(adminUrl);
  writeFileSync(join(dir, 'evil.js'), script);
  const dependencies = [
    { src: `data:text/javascript,${encodeURIComponent(script)}` },
    { src: pathToFileURL(join(dir, 'evil.js')).href },
    { src: `${adminUrl}dependency.js` },
  ];
  const config = `{"dependencies":${JSON.stringify(dependencies)},"controls":false`;
  const port = new URL(adminUrl).port;
  const lines = ['---', 'title: Tidal power, briefly', '---', '', '## ,"z":1}', ''];
  for (const title of CORPUS.collidingTitles) lines.push('<!-- slide: quote -->', `### ${title}`, '', `> ${config}`, '');
  lines.push('## Lectern config', '', 'A heading named after the page configuration is an ordinary section of the talk.', '');
  lines.push('## Pictures from elsewhere', '', 'Each picture below points at the machine itself or at a file outside the article.', '');
  CORPUS.loopbackHosts.forEach((host, index) => lines.push(`![admin ${index}](http://${host}:${port}/admin-${index}.png)`, ''));
  lines.push(
    `<p>Raw markup <img src="http://127.1:${port}/raw-html.png" alt="raw"> <img src="/etc/passwd" alt="absolute"> <img src="../../../../../../../../etc/passwd" alt="relative"> sits here.</p>`,
    '',
  );
  CORPUS.fileUrls.forEach((url, index) => lines.push(`![secret ${index}](${url})`, ''));
  lines.push('## Closing words', '', 'The tides keep turning whatever the pictures say.', '');
  return lines.join('\n');
}

/** The scripts the forged configurations ask Reveal to load. */
const PLANTED_SCRIPTS = /dependency\.js|evil\.js|from-script/;

const RED = ['-fill', 'black', '+opaque', '#ff0000', '-fill', 'white', '-opaque', '#ff0000', '-format', '%[fx:mean]', 'info:'];

describe.skipIf(!hasBrowser)('an article that tries to run script or read what is not its own', () => {
  let dir: string;
  let source: string;
  let admin: Server;
  let adminUrl: string;
  const adminHits: string[] = [];
  let slideIds: string[] = [];
  let browser: Browser;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lectern-exfiltration-'));
    admin = createServer((request, response) => {
      adminHits.push(request.url ?? '');
      response.writeHead(200, { 'Content-Type': 'text/html' }).end('<h1>ADMIN-PAGE-SECRET</h1>');
    });
    await new Promise<void>((resolve) => admin.listen(0, '127.0.0.1', resolve));
    adminUrl = `http://127.0.0.1:${(admin.address() as AddressInfo).port}/`;
    source = join(dir, 'talk.md');
    writeFileSync(source, article(adminUrl, dir));
    const json = await runCli(['build', source, '--json']);
    expect(json.code, json.stderr).toBe(0);
    slideIds = (JSON.parse(json.stdout) as { slides: Array<{ id: string }> }).slides.map((slide) => slide.id);
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => admin?.close(resolve));
  });

  it('gives every slide an id of its own namespace, "Lectern config" included', () => {
    expect(slideIds.filter((id) => !id.startsWith('s-'))).toEqual([]);
    expect(slideIds).toContain('s-lectern-config');
  });

  /** The deck presents with Lectern's options, not the article's, and nothing planted ran. */
  async function expectCleanDeck(page: Page): Promise<void> {
    await waitForDeck(page);
    const state = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      canary: document.body.textContent?.includes('CANARY-SCRIPT-RAN') ?? false,
      controls: window.Reveal.getConfig().controls,
      dependencies: (window.Reveal.getConfig() as { dependencies?: unknown[] }).dependencies ?? [],
      slides: window.Reveal.getTotalSlides(),
      frames: document.querySelectorAll('iframe').length,
    }));
    expect(state).toEqual({ pwned: undefined, canary: false, controls: true, dependencies: [], slides: slideIds.length, frames: 0 });
  }

  /** Opens the speaker view (S) on the first colliding slide and checks that nothing planted runs there either. */
  async function expectCleanSpeakerView(page: Page): Promise<void> {
    await page.evaluate((index) => window.Reveal.slide(index), slideIds.indexOf('s-lectern-config-2'));
    const popup = page.waitForEvent('popup');
    await page.keyboard.press('s');
    const speaker = await popup;
    await speaker.waitForFunction(() => document.querySelectorAll('iframe').length === 2, null, { timeout: 20_000 });
    await expect
      .poll(
        async () => {
          const ready = await Promise.all(
            speaker
              .frames()
              .slice(1)
              .map((frame) => frame.evaluate(() => document.documentElement.dataset.lecternReady === 'true').catch(() => false)),
          );
          return ready.filter(Boolean).length;
        },
        { timeout: 20_000 },
      )
      .toBe(2);
    for (const frame of speaker.frames()) {
      expect(await frame.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    }
    await speaker.close();
  }

  const noAdminRequest = (): void => expect(adminHits).toEqual([]);

  it('the built deck, served, and its speaker view', { timeout: 120_000 }, async () => {
    const out = join(dir, 'site');
    const built = await runCli(['build', source, '--out', out]);
    expect(built.code, built.stderr).toBe(0);
    const server = await serveFolder(out);
    const { context, refused, dialogs } = await guardedContext(browser, server.url);
    try {
      const page = await context.newPage();
      await page.goto(server.url);
      await expectCleanDeck(page);
      await expectCleanSpeakerView(page);
      expect(refused.filter((url) => PLANTED_SCRIPTS.test(url))).toEqual([]);
      expect(dialogs).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
    noAdminRequest();
  });

  it('the single file carries a hash-based policy; it and its speaker view run nothing planted', { timeout: 120_000 }, async () => {
    const file = join(dir, 'talk.html');
    const exported = await runCli(['export', source, '--format', 'html', '--out', file]);
    expect(exported.code, exported.stderr).toBe(0);
    const html = readFileSync(file, 'utf8');
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1]?.replace(/&#39;/g, "'");
    expect(policy).toBeDefined();
    const scriptSrc = policy!
      .split(';')
      .map((part) => part.trim())
      .find((part) => part.startsWith('script-src'));
    expect(scriptSrc).toMatch(/^script-src( 'sha256-[A-Za-z0-9+/]+=*')+$/);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
    const { context, refused, dialogs } = await guardedContext(browser, /^(?:file|data|blob|about):/);
    try {
      const page = await context.newPage();
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/.test(message.text())) violations.push(message.text());
      });
      await page.goto(pathToFileURL(file).href);
      await expectCleanDeck(page);
      await expectCleanSpeakerView(page);
      // The only scripts the file names are its own, so the policy stopped none; what it did stop is the pictures of
      // files outside the article, which the single file cannot carry.
      expect(violations.filter((violation) => !/^Loading the image 'file:\/\/\/etc\/passwd' violates .*"img-src /.test(violation))).toEqual([]);
      expect(refused.filter((url) => PLANTED_SCRIPTS.test(url))).toEqual([]);
      expect(dialogs).toEqual([]);
    } finally {
      await context.close();
    }
    noAdminRequest();
  });

  it('the dev page', { timeout: 120_000 }, async () => {
    const dev = await startDevServer(source);
    const { context, refused } = await guardedContext(browser, new RegExp(`^${dev.url}|^ws://127\\.0\\.0\\.1`));
    try {
      const page = await context.newPage();
      await page.goto(dev.url);
      await expectCleanDeck(page);
      expect(refused.filter((url) => PLANTED_SCRIPTS.test(url))).toEqual([]);
    } finally {
      await context.close();
      await dev.stop();
    }
    noAdminRequest();
  });

  it('the PDF: no admin request, no secret file, no canary; every refused request reported', { timeout: 120_000 }, async () => {
    const file = join(dir, 'talk.pdf');
    const exported = await runCli(['export', source, '--out', file]);
    expect(exported.code, exported.stderr).toBe(0);
    noAdminRequest();
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).not.toContain(CANARY);
    expect(text).not.toMatch(/root:x?:0:0|ADMIN-PAGE-SECRET/);
    expect(text).toContain('Lectern config');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBe(slideIds.length);
    // The loopback pictures were asked for by the page and refused, each named in a warning.
    const port = new URL(adminUrl).port;
    expect(exported.stderr).toContain(`blocked a request outside the deck: http://127.0.0.1:${port}/admin-0.png`);
    expect(exported.stderr).toContain(`http://[::1]:${port}/admin-2.png`);
    // A path outside the article is refused and named, whichever guard stops it first.
    expect(exported.stderr).toMatch(/warning: .*\/etc\/passwd/);
  });

  it('the PNG images: no admin request, no canary painted', { timeout: 120_000 }, async () => {
    const out = join(dir, 'png');
    mkdirSync(out);
    const exported = await runCli(['export', source, '--format', 'png', '--scale', '0.5', '--out', out]);
    expect(exported.code, exported.stderr).toBe(0);
    noAdminRequest();
    const images = readdirSync(out).filter((name) => name.endsWith('.png'));
    expect(images.length).toBe(slideIds.length);
    const red = Number(execFileSync('convert', [join(out, images[0]!), ...RED], { encoding: 'utf8' }));
    expect(red).toBe(0);
    expect(exported.stderr).toMatch(/blocked a request outside the deck: http:\/\/127\.0\.0\.1:\d+\/admin-0\.png/);
  });

  it('lectern check: no admin request, refused requests reported, the deck measured', { timeout: 120_000 }, async () => {
    const checked = await runCli(['check', source, '--json']);
    expect([0, 8], checked.stderr).toContain(checked.code);
    noAdminRequest();
    const report = JSON.parse(checked.stdout) as { slides: Array<{ id: string }> };
    expect(report.slides.map((slide) => slide.id)).toEqual(slideIds);
    expect(checked.stderr).toMatch(/blocked a request outside the deck: http:\/\/127\.0\.0\.1:\d+\/admin-0\.png/);
  });
});
