import { existsSync, realpathSync, statfsSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_FLAGS, isolatedPage, launchBrowser, sandboxFlags } from '../../src/browser/launch.js';
import type { Browser } from '../../src/browser/cdp/browser.js';
import { Browser as CdpBrowser } from '../../src/browser/cdp/browser.js';
import { MEMORY_FOLDER, MEMORY_ROOM } from '../../src/files/scratch.js';
import { BROWSER, SKIP_BROWSER_TESTS, tempDir } from '../export/helpers.js';
import { isRunning } from '../helpers/browser.js';

/** Bytes free in a file system for an unprivileged user. */
function statfsRoom(folder: string): number {
  const { bavail, bsize } = statfsSync(folder);
  return bavail * bsize;
}

/** A page written to a file and its file:// URL. */
function pageFile(html: string): string {
  const file = join(tempDir(), 'page.html');
  writeFileSync(file, html);
  return pathToFileURL(file).href;
}

describe.skipIf(SKIP_BROWSER_TESTS)('the DevTools driver', () => {
  let browser: Browser;
  let server: Server;
  const hits: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser(BROWSER);
    server = createServer((request, response) => {
      hits.push(request.url ?? '');
      response.end('ok');
    });
    server.on('upgrade', (request, socket) => {
      hits.push(request.url ?? '');
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('evaluates expressions and functions, awaiting promises, and rethrows the page’s errors', async () => {
    const page = await browser.newPage();
    await page.goto(pageFile('<p id="p">hello</p>'), 30_000);
    expect(await page.evaluate<string>('document.getElementById("p").textContent')).toBe('hello');
    expect(await page.evaluate((input: { a: number; s: string }) => Promise.resolve(`${input.s}${input.a * 2}`), { a: 21, s: 'x' })).toBe('x42');
    expect(await page.evaluate<number>('NaN')).toBeNaN();
    expect(Object.is(await page.evaluate<number>('-0'), -0)).toBe(true);
    await expect(page.evaluate('null.boom')).rejects.toThrow(/^TypeError: Cannot read properties of null/);
    await expect(page.evaluate(() => Promise.reject(new RangeError('far away')), undefined)).rejects.toThrow('RangeError: far away');
    await page.close();
  });

  it('reports uncaught errors and runs init scripts before the page’s own', async () => {
    const page = await browser.newPage();
    const errors: Error[] = [];
    page.onPageError((error) => errors.push(error));
    await page.addInitScript('window.early = document.readyState');
    await page.goto(pageFile('<script>setTimeout(() => { throw new SyntaxError("late trouble"); });</script>'), 30_000);
    await page.evaluate('new Promise((resolve) => setTimeout(resolve, 50))');
    expect(await page.evaluate<string>('window.early')).toBe('loading');
    expect(errors.map((error) => [error.name, error.message])).toEqual([['SyntaxError', 'late trouble']]);
    await page.close();
  });

  it('lets files of its own folder through and refuses (and records) everything else, loopback in every spelling', async () => {
    const url = pageFile('');
    const root = dirname(fileURLToPath(url));
    writeFileSync(join(root, 'own.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>');
    const { page, blocked } = await isolatedPage(browser, { width: 400, height: 300, root });
    const port = (server.address() as AddressInfo).port;
    const loopback = [
      `127.0.0.1:${port}`,
      `localhost:${port}`,
      `[::1]:${port}`,
      `0x7f000001:${port}`,
      `2130706433:${port}`,
      `127.1:${port}`,
      `0177.0.0.1:${port}`,
    ];
    const images = [
      'own.svg',
      'https://example.com/remote.png',
      ...loopback.map((host, index) => `http://${host}/admin-${index}.png`),
      'file:///etc/passwd',
      '../outside.png',
    ];
    writeFileSync(fileURLToPath(url), images.map((src) => `<img src="${src}">`).join(''));
    await page.goto(url, 30_000);
    await page.evaluate('new Promise((resolve) => setTimeout(resolve, 300))');
    expect(hits.filter((hit) => hit.startsWith('/admin'))).toEqual([]);
    expect(blocked).toContain('https://example.com/remote.png');
    expect(blocked).toContain('file:///etc/passwd');
    expect(blocked).toContain(new URL('../outside.png', url).href);
    expect(blocked.filter((blockedUrl) => /admin-\d\.png$/.test(blockedUrl))).toHaveLength(loopback.length);
    expect(blocked.some((blockedUrl) => blockedUrl.endsWith('/own.svg'))).toBe(false);
    expect(await page.evaluate<number>('document.images[0].naturalWidth')).toBe(1);
    // A WebSocket is not intercepted, but no address resolves, loopback and this machine's own included.
    const socketHosts = [`127.0.0.1:${port}`];
    const own = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && address.family === 'IPv4' && !address.internal);
    if (own) socketHosts.push(`${own.address}:${port}`);
    for (const host of socketHosts) {
      const outcome = await page.evaluate(
        (socketUrl: string) =>
          new Promise<string>((resolve) => {
            const socket = new WebSocket(socketUrl);
            socket.onopen = () => resolve('open');
            socket.onerror = () => resolve('refused');
          }),
        `ws://${host}/socket`,
      );
      expect(outcome, host).toBe('refused');
    }
    expect(hits).not.toContain('/socket');
    await page.close();
  });

  it('prints at the paper size asked for and screenshots a clip at the device scale', async () => {
    const url = pageFile('');
    const { page } = await isolatedPage(browser, { width: 960, height: 700, scale: 2, root: dirname(fileURLToPath(url)) });
    const sections = Array.from({ length: 40 }, (_, index) => `<section style="height:699px;break-after:page">Page ${index + 1}</section>`);
    writeFileSync(fileURLToPath(url), `<style>body{margin:0}</style>${sections.join('')}`);
    await page.goto(url, 30_000);
    const pdf = await PDFDocument.load(await page.printToPDF({ width: 960, height: 700 }));
    expect(pdf.getPageCount()).toBe(40);
    const { width, height } = pdf.getPage(0).getSize();
    expect([width, Math.round(height)]).toEqual([720, 525]); // 960 × 700 px at 96 px per inch
    const png = Buffer.from(await page.screenshot({ x: 0, y: 699 * 30, width: 960, height: 700 }));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1920, 1400]);
    await page.close();
  });

  it('fails what waits on a page once it has crashed, instead of waiting for a timeout', async () => {
    const page = await browser.newPage();
    await page.goto('chrome://crash', 30_000).catch(() => undefined);
    await expect(page.evaluate('1')).rejects.toThrow('the page crashed');
    await expect(page.goto(pageFile('<p>too late</p>'), 30_000)).rejects.toThrow('the page crashed');
  });

  it('closes without leaving a process or its profile behind', async () => {
    const own = await CdpBrowser.launch({ executablePath: BROWSER as string, args: [...BROWSER_FLAGS, ...sandboxFlags(), '--no-startup-window'] });
    const { pid, profile } = own.processInfo;
    if (pid === undefined) throw new Error('no process id');
    expect(isRunning(pid)).toBe(true);
    expect(existsSync(profile)).toBe(true);
    // In memory where Linux has room for it (as here), else in the temporary folder.
    const inMemory = process.platform === 'linux' && existsSync(MEMORY_FOLDER) && statfsRoom(MEMORY_FOLDER) >= MEMORY_ROOM;
    expect(profile.startsWith(`${inMemory ? MEMORY_FOLDER : realpathSync(tmpdir())}/lectern-chromium-`)).toBe(true);
    await own.close();
    expect(isRunning(pid)).toBe(false);
    expect(existsSync(profile)).toBe(false);
  }, 30_000);

  it('says why a browser that will not start did not', async () => {
    await expect(CdpBrowser.launch({ executablePath: '/bin/false', args: [] })).rejects.toThrow('it exited with code 1');
  });
});
