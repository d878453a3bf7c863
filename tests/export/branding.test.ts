import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateSync, inflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import { serveFolder } from '../helpers/static-server.js';
import { exportOk, SKIP_BROWSER_TESTS, tempDir } from './helpers.js';
import { runCliInProcess as runCli } from '../helpers/cli.js';

type Rgb = [number, number, number];
const LOGO: Rgb = [0, 200, 0];
const THEME_BACKGROUND: Rgb = [255, 0, 255];
const OUTSIDE: Rgb = [255, 160, 0];

/** A one-colour RGB PNG. */
function png(width: number, height: number, rgb: Rgb): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer): number => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), ...Array.from({ length: width }, () => Buffer.from(rgb))]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Pixels of an 8-bit RGB or RGBA PNG (as Chromium writes them), as RGB triples. */
function pngPixels(bytes: Buffer): Rgb[] {
  let offset = 8;
  let width = 0;
  let channels = 3;
  const data: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      channels = body[9] === 6 ? 4 : 3;
    }
    if (type === 'IDAT') data.push(body);
    offset += length + 12;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const pixels: Rgb[] = [];
  let previous = Buffer.alloc(stride);
  for (let start = 0; start < raw.length; start += stride + 1) {
    const filter = raw[start]!;
    const line = Buffer.from(raw.subarray(start + 1, start + 1 + stride));
    for (let i = 0; i < stride; i++) {
      const left = i >= channels ? line[i - channels]! : 0;
      const up = previous[i]!;
      const upLeft = i >= channels ? previous[i - channels]! : 0;
      const paeth = (): number => {
        const p = left + up - upLeft;
        const [a, b, c] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        return a <= b && a <= c ? left : b <= c ? up : upLeft;
      };
      const add = [0, left, up, (left + up) >> 1, paeth()][filter] ?? 0;
      line[i] = (line[i]! + add) & 0xff;
    }
    for (let i = 0; i < stride; i += channels) pixels.push([line[i]!, line[i + 1]!, line[i + 2]!]);
    previous = line;
  }
  return pixels;
}

/** Pixels of a PDF page rendered by pdftoppm (PPM, RGB). */
function pdfPagePixels(file: string, page: number): Rgb[] {
  const ppm = execFileSync('pdftoppm', ['-r', '24', '-f', String(page), '-l', String(page), file]);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('pdftoppm gave no PPM');
  const body = ppm.subarray(header[0].length);
  return Array.from({ length: body.length / 3 }, (_, index) => [body[index * 3]!, body[index * 3 + 1]!, body[index * 3 + 2]!] as Rgb);
}

const share = (pixels: Rgb[], colour: Rgb): number =>
  pixels.filter((pixel) => pixel.every((value, index) => Math.abs(value - colour[index]!) <= 12)).length / pixels.length;

/** What the page shows of the brand: the theme's background image and the logo, each loaded by the browser. */
async function brandShown(page: Page): Promise<{ background: string; logoWidth: number; themeWidth: number; accent: string }> {
  return page.evaluate(async () => {
    const load = (css: string): Promise<number> => {
      const url = /url\("?([^")]*)"?\)/.exec(css)?.[1];
      if (!url) return Promise.resolve(0);
      const image = new Image();
      image.src = url;
      return image.decode().then(
        () => image.naturalWidth,
        () => -1,
      );
    };
    const viewport = getComputedStyle(document.querySelector('.reveal-viewport') ?? document.body).backgroundImage;
    const logo = getComputedStyle(document.querySelector('.slide-logo')!).backgroundImage;
    return {
      background: viewport,
      themeWidth: await load(viewport),
      logoWidth: await load(logo),
      accent: getComputedStyle(document.documentElement).getPropertyValue('--lectern-accent').trim(),
    };
  });
}

describe.skipIf(SKIP_BROWSER_TESTS)('logo, brand colours and a custom theme’s url() assets', () => {
  const dir = tempDir();
  const deck = join(dir, 'deck');
  const talk = join(deck, 'talk.md');
  const outside = png(16, 16, OUTSIDE);
  let buildWarnings = '';

  beforeAll(() => {
    mkdirSync(join(deck, 'theme'), { recursive: true });
    writeFileSync(join(deck, 'logo.png'), png(40, 20, LOGO));
    writeFileSync(join(deck, 'theme', 'bg.png'), png(8, 8, THEME_BACKGROUND));
    writeFileSync(join(dir, 'outside.png'), outside);
    writeFileSync(join(deck, 'theme', 'my.css'), '.reveal-viewport { background: url(bg.png) repeat; }\n.reveal .x { background: url(../../outside.png); }\n');
    writeFileSync(
      talk,
      '---\ntitle: Harbour\ntheme: theme/my.css\nlogo: logo.png\nbrand:\n  accent: "#0a7"\n  text: navy\n---\n\n## Tides\n\nThe tide turns twice a day in the harbour.\n',
    );
  });

  it('the built site publishes the theme’s image and the logo, refuses the file outside, and shows both', async () => {
    const site = join(dir, 'site');
    const built = await runCli(['build', talk, '--out', site]);
    expect(built.code, built.stderr).toBe(0);
    buildWarnings = built.stderr;
    expect(buildWarnings).toMatch(/theme[/\\]my\.css:2: warning: stylesheet reference "\.\.\/\.\.\/outside\.png" left out: it lies outside/);
    const published = readdirSync(join(site, 'media')).map((name) => readFileSync(join(site, 'media', name)));
    expect(published.some((bytes) => bytes.equals(readFileSync(join(deck, 'theme', 'bg.png'))))).toBe(true);
    expect(published.some((bytes) => bytes.equals(readFileSync(join(deck, 'logo.png'))))).toBe(true);
    expect(published.some((bytes) => bytes.equals(outside))).toBe(false);

    const server = await serveFolder(site);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      await page.goto(server.url);
      await page.waitForFunction(() => document.documentElement.dataset.lecternReady === 'true');
      const shown = await brandShown(page);
      expect(shown.themeWidth).toBe(8);
      expect(shown.logoWidth).toBe(40);
      expect(shown.accent).toBe('rgb(0, 170, 119)');
    } finally {
      await browser.close();
      await server.close();
    }
  }, 60_000);

  it('the PDF shows the theme’s background image and the logo', async () => {
    const out = join(dir, 'talk.pdf');
    await exportOk([talk, '--out', out, '--quiet']);
    const pixels = pdfPagePixels(out, 2);
    expect(share(pixels, THEME_BACKGROUND)).toBeGreaterThan(0.5);
    expect(share(pixels, LOGO)).toBeGreaterThan(0.001);
    expect(share(pixels, OUTSIDE)).toBe(0);
  }, 60_000);

  it('the PNG export shows them too', async () => {
    const out = join(dir, 'png');
    await exportOk([talk, '--format', 'png', '--out', out, '--scale', '0.5', '--slides', '2', '--quiet']);
    const pixels = pngPixels(readFileSync(join(out, '002.png')));
    expect(pixels).toHaveLength(640 * 360);
    expect(share(pixels, THEME_BACKGROUND)).toBeGreaterThan(0.5);
    expect(share(pixels, LOGO)).toBeGreaterThan(0.001);
  }, 60_000);

  it('the single file carries them as data: URIs and shows them offline', async () => {
    const out = join(dir, 'talk.html');
    await exportOk([talk, '--format', 'html', '--out', out, '--quiet']);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(/media\//);
    expect(html).toContain(`data:image/png;base64,${readFileSync(join(deck, 'logo.png')).toString('base64')}`);
    expect(html).not.toContain(outside.toString('base64'));
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      await page.goto(pathToFileURL(out).href);
      await page.waitForFunction(() => document.documentElement.dataset.lecternReady === 'true');
      const shown = await brandShown(page);
      expect(shown.background).toMatch(/^url\("data:image\/png;base64,/);
      expect(shown.themeWidth).toBe(8);
      expect(shown.logoWidth).toBe(40);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
