import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sniffImage } from '../../src/files/image-type.js';

const corpus = JSON.parse(readFileSync(new URL('../fixtures/hostile/files.json', import.meta.url), 'utf8')) as { files: Record<string, string> };
const bytes = (text: string): Uint8Array => Buffer.from(text);
const typeOf = (data: Uint8Array): string | undefined => {
  const sniffed = sniffImage(data);
  return sniffed.ok ? sniffed.type.ext : undefined;
};

describe('sniffImage: the type comes from the bytes, never the name', () => {
  it('knows PNG, JPEG, GIF, WebP and AVIF by their magic numbers', () => {
    expect(typeOf(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'))).toBe('.png');
    expect(typeOf(Buffer.from('ffd8ffe000104a464946', 'hex'))).toBe('.jpg');
    expect(typeOf(bytes('GIF89a\x01\x00\x01\x00'))).toBe('.gif');
    expect(typeOf(bytes('GIF87a\x01\x00\x01\x00'))).toBe('.gif');
    expect(typeOf(bytes('RIFF\x24\x00\x00\x00WEBPVP8 '))).toBe('.webp');
    expect(typeOf(Buffer.concat([Buffer.from('0000001c', 'hex'), bytes('ftypavif\x00\x00\x00\x00avifmif1miaf')]))).toBe('.avif');
    expect(typeOf(Buffer.concat([Buffer.from('00000020', 'hex'), bytes('ftypmif1\x00\x00\x00\x00mif1avifmiafMA1B')]))).toBe('.avif');
  });

  it('refuses what is not an image, whatever it starts like', () => {
    for (const text of ['<!doctype html><script>x()</script>', 'window.x = 1;', '', '{"a":1}', 'GIF8', 'RIFF\x24\x00\x00\x00WAVEfmt ']) {
      expect(typeOf(bytes(text)), text).toBeUndefined();
    }
    expect(typeOf(Buffer.concat([Buffer.from('00000018', 'hex'), bytes('ftypisom\x00\x00\x00\x00isommp42')]))).toBeUndefined();
  });

  it('accepts a plain SVG picture, with an XML declaration, comments, gradients and fragment references', () => {
    expect(typeOf(bytes('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="red"/></svg>'))).toBe('.svg');
    const drawn = `<?xml version="1.0" encoding="UTF-8"?>
<!-- drawn by hand -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 20 20">
  <defs><linearGradient id="g"><stop offset="0" stop-color="#000"/><stop offset="1" stop-color="#fff"/></linearGradient>
  <circle id="c" cx="5" cy="5" r="4"/></defs>
  <style>.x { fill: url(#g); opacity: 0.5; }</style>
  <use xlink:href="#c" class="x"/><text x="2" y="18">Tides</text>
</svg>`;
    expect(typeOf(bytes(drawn))).toBe('.svg');
  });

  it('refuses every SVG of the hostile corpus, and SVG in another encoding', () => {
    const svgs = Object.entries(corpus.files).filter(([name]) => name.endsWith('.svg'));
    expect(svgs.length).toBeGreaterThanOrEqual(8);
    for (const [name, text] of svgs) expect(typeOf(bytes(text.split('{outside}').join('/tmp/x'))), name).toBeUndefined();
    expect(typeOf(Buffer.from('\ufeff<svg xmlns="http://www.w3.org/2000/svg"></svg>', 'utf16le'))).toBeUndefined();
    expect(typeOf(bytes('<?xml version="1.0" encoding="UTF-7"?><svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBeUndefined();
    expect(typeOf(bytes('<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><text>x</text></a></svg>'))).toBeUndefined();
    expect(typeOf(bytes('<svg xmlns="http://www.w3.org/2000/svg"><image href="https://example.com/x.png"/></svg>'))).toBeUndefined();
    expect(typeOf(bytes('<svg xmlns="http://www.w3.org/2000/svg"><style>@import "x.css";</style></svg>'))).toBeUndefined();
  });
});
