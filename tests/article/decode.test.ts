import { describe, it, expect } from 'vitest';
import { decodeSource } from '../../src/article/decode.js';
import { ExitCode, LecternError } from '../../src/errors.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const bytes = (...parts: Array<number[] | string>): Uint8Array => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...utf8(p)] : p)));

function utf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const out: number[] = bom ? (endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out.push(...(endian === 'le' ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
  }
  return Uint8Array.from(out);
}

function decodeError(input: Uint8Array, file = 'talk.txt'): LecternError {
  try {
    decodeSource(input, file);
  } catch (error) {
    expect(error).toBeInstanceOf(LecternError);
    return error as LecternError;
  }
  throw new Error('expected decodeSource to throw');
}

describe('decodeSource', () => {
  it('reads plain UTF-8 without warnings', () => {
    expect(decodeSource(utf8('Kites over Tbilisi — naïve ☂ weather\n'), 'a.txt')).toEqual({
      text: 'Kites over Tbilisi — naïve ☂ weather\n',
      warnings: [],
    });
  });

  it('strips a UTF-8 byte-order mark', () => {
    const { text, warnings } = decodeSource(bytes([0xef, 0xbb, 0xbf], 'Harbour lights\n'), 'a.txt');
    expect(text).toBe('Harbour lights\n');
    expect(warnings).toEqual([]);
  });

  it('normalises CRLF and lone CR to LF', () => {
    expect(decodeSource(utf8('one\r\ntwo\rthree\r\n\r\nfour'), 'a.txt').text).toBe('one\ntwo\nthree\n\nfour');
  });

  it('decodes UTF-16 with a byte-order mark in either byte order', () => {
    const sample = 'Glaciers retreat — slowly.\r\nSecond line ✓';
    for (const endian of ['le', 'be'] as const) {
      const { text, warnings } = decodeSource(utf16(sample, endian, true), 'a.txt');
      expect(text).toBe('Glaciers retreat — slowly.\nSecond line ✓');
      expect(warnings).toEqual([]);
    }
  });

  it('recognises UTF-16 without a byte-order mark and says so', () => {
    const { text, warnings } = decodeSource(utf16('Moss grows on the north side.\n', 'le', false), 'a.txt');
    expect(text).toBe('Moss grows on the north side.\n');
    expect(warnings[0]?.message).toMatch(/UTF-16LE/);
  });

  it('falls back to Windows-1252 for legacy text and names the encoding', () => {
    // "Café “Lumière” costs 5€" in Windows-1252
    const input = bytes('Caf', [0xe9], ' ', [0x93], 'Lumi', [0xe8], 're', [0x94], ' costs 5', [0x80], '\n');
    const { text, warnings } = decodeSource(input, 'old.txt');
    expect(text).toBe('Café “Lumière” costs 5€\n');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(/Windows-1252/);
    expect(warnings[0]!.location).toEqual({ file: 'old.txt' });
  });

  it('replaces damaged bytes in mostly-UTF-8 text and points at the first bad line', () => {
    const input = bytes('Über den Wolken\nzweite Zeile ä\ndritte ', [0xff], ' Zeile ö\n');
    const { text, warnings } = decodeSource(input, 'de.txt');
    expect(text).toBe('Über den Wolken\nzweite Zeile ä\ndritte \uFFFD Zeile ö\n');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.location).toEqual({ file: 'de.txt', line: 3 });
    expect(warnings[0]!.message).toMatch(/not valid UTF-8/);
  });

  it.each([
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], /PNG image/],
    ['JPEG', [0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46], /JPEG image/],
    ['PDF', [...utf8('%PDF-1.7\n%âãÏÓ\n')], /PDF document/],
    ['ZIP', [0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0], /ZIP archive/],
    ['GIF', [...utf8('GIF89a'), 1, 0, 1, 0], /GIF image/],
  ])('rejects a %s file as not text', (_name, input, why) => {
    const error = decodeError(Uint8Array.from(input), 'slides/deck.txt');
    expect(error.exitCode).toBe(ExitCode.input);
    expect(error.message).toMatch(/not a text file/);
    expect(error.message).toMatch(why);
    expect(error.location).toEqual({ file: 'slides/deck.txt' });
    expect(error.hint).toBeTruthy();
  });

  it('rejects binary data full of control bytes', () => {
    const input = new Uint8Array(512);
    for (let i = 0; i < input.length; i++) input[i] = (i * 37 + 11) % 256;
    const error = decodeError(input);
    expect(error.message).toMatch(/not a text file/);
    expect(error.exitCode).toBe(ExitCode.input);
  });

  it('reports a stray NUL byte in text with its line', () => {
    const error = decodeError(bytes('first line\r\nsecond line\nthird ', [0], ' line\n'), 'notes.txt');
    expect(error.exitCode).toBe(ExitCode.input);
    expect(error.message).toMatch(/NUL/);
    expect(error.location).toEqual({ file: 'notes.txt', line: 3 });
  });

  it.each([
    ['an empty file', new Uint8Array(0)],
    ['whitespace only', utf8(' \n\t\r\n  \n')],
    ['a byte-order mark only', bytes([0xef, 0xbb, 0xbf])],
  ])('rejects %s as empty', (_name, input) => {
    const error = decodeError(input, 'blank.txt');
    expect(error.exitCode).toBe(ExitCode.input);
    expect(error.message).toMatch(/is empty/);
    expect(error.location).toEqual({ file: 'blank.txt' });
  });

  it('keeps form feeds and tabs, which text files may contain', () => {
    expect(decodeSource(utf8('page one\f\npage\ttwo'), 'a.txt').text).toBe('page one\f\npage\ttwo');
  });
});
