/**
 * Reads and writes PDF objects as Chromium prints them (Skia's writer): a classic cross-reference table, every object
 * on its own, no object streams, no incremental updates, no encryption. Anything else is an `UnsupportedPdf`, which the
 * caller hands to pdf-lib instead (src/export/pdf-finish.ts).
 *
 * Our own reader rather than pdf-lib's: pdf-lib builds a full object model of every part (about 100 ms to read a
 * 139-page part, 45 ms to copy its pages, 40 ms to save, on top of compiling a megabyte of JavaScript while the
 * browser prints), and a 278-slide export waited about 0.3 s for it after the last page was printed. Joining needs
 * only the objects' dictionaries: streams are copied as they are, byte for byte.
 */

/** Raised for a PDF this reader does not take (a cross-reference stream, an update, encryption, a syntax error). */
export class UnsupportedPdf extends Error {}

/** A number, name, string, boolean or null, kept exactly as written (as Latin-1 text). */
export interface PdfToken {
  kind: 'token';
  text: string;
}
export interface PdfRef {
  kind: 'ref';
  num: number;
  gen: number;
}
export interface PdfArray {
  kind: 'array';
  items: PdfValue[];
}
/** Keys are names as written, with their slash (`/Type`). */
export interface PdfDict {
  kind: 'dict';
  entries: Map<string, PdfValue>;
}
export type PdfValue = PdfToken | PdfRef | PdfArray | PdfDict;

/** An indirect object: its value and, for a stream, the stream's bytes as they are in the file. */
export interface PdfObject {
  num: number;
  value: PdfValue;
  stream?: Uint8Array;
}

/** A parsed PDF: its header line, its objects in file order, and its trailer. */
export interface ClassicPdf {
  version: string;
  objects: PdfObject[];
  byNumber: Map<number, PdfObject>;
  trailer: PdfDict;
}

/** PDF's white-space and delimiter characters, by code. */
const SPACE = new Uint8Array(256);
for (const code of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) SPACE[code] = 1;
const DELIMITER = new Uint8Array(256);
for (const code of [0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]) DELIMITER[code] = 1;
const INTEGER = /^\d+$/;

export const token = (text: string): PdfToken => ({ kind: 'token', text });
export const ref = (num: number): PdfRef => ({ kind: 'ref', num, gen: 0 });
export const array = (items: PdfValue[]): PdfArray => ({ kind: 'array', items });
export const dict = (entries: Array<[string, PdfValue]>): PdfDict => ({ kind: 'dict', entries: new Map(entries) });

/**
 * Reads values from a file's text, starting at `position`. The text is the file decoded as Latin-1, one character
 * per byte, so positions are byte offsets and a token is a slice of it.
 */
class Reader {
  constructor(
    private readonly text: string,
    public position: number,
  ) {}

  fail(what: string): never {
    throw new UnsupportedPdf(`${what} at byte ${this.position}`);
  }

  skipSpace(): void {
    const { text } = this;
    while (this.position < text.length) {
      const code = text.charCodeAt(this.position);
      if (SPACE[code]) this.position++;
      else if (code === 0x25) {
        // A comment runs to the end of its line.
        while (this.position < text.length && text.charCodeAt(this.position) !== 0x0a && text.charCodeAt(this.position) !== 0x0d) this.position++;
      } else break;
    }
  }

  /** The end of the bare word (number, keyword, name's body) that starts at `start`. */
  private wordEnd(start: number): number {
    const { text } = this;
    let end = start;
    while (end < text.length) {
      const code = text.charCodeAt(end);
      if (code < 256 && (SPACE[code] || DELIMITER[code])) break;
      end++;
    }
    return end;
  }

  /** The next bare word without consuming it, or '' at a delimiter or the end. */
  peekWord(): string {
    this.skipSpace();
    return this.text.slice(this.position, this.wordEnd(this.position));
  }

  word(): string {
    const word = this.peekWord();
    this.position += word.length;
    return word;
  }

  expectWord(expected: string): void {
    if (this.word() !== expected) this.fail(`"${expected}" expected`);
  }

  value(): PdfValue {
    this.skipSpace();
    const { text } = this;
    const code = text.charCodeAt(this.position);
    if (code === 0x2f) return this.name();
    if (code === 0x28) return this.literalString();
    if (code === 0x3c) return text.charCodeAt(this.position + 1) === 0x3c ? this.dictionary() : this.hexString();
    if (code === 0x5b) return this.array();
    const word = this.word();
    if (word === '') this.fail('a value expected');
    if (INTEGER.test(word)) {
      // "12 0 R" is a reference; look ahead without consuming anything else.
      const saved = this.position;
      const generation = this.word();
      if (INTEGER.test(generation) && this.word() === 'R') return { kind: 'ref', num: Number(word), gen: Number(generation) };
      this.position = saved;
    }
    return token(word);
  }

  private name(): PdfToken {
    const start = this.position;
    this.position = this.wordEnd(start + 1);
    return token(this.text.slice(start, this.position));
  }

  private literalString(): PdfToken {
    const { text } = this;
    const start = this.position++;
    let depth = 1;
    while (depth > 0) {
      if (this.position >= text.length) this.fail('an unterminated string');
      const code = text.charCodeAt(this.position++);
      if (code === 0x5c) this.position++;
      else if (code === 0x28) depth++;
      else if (code === 0x29) depth--;
    }
    return token(text.slice(start, this.position));
  }

  private hexString(): PdfToken {
    const end = this.text.indexOf('>', this.position);
    if (end < 0) this.fail('an unterminated hex string');
    const hex = this.text.slice(this.position, end + 1);
    this.position = end + 1;
    return token(hex);
  }

  private array(): PdfArray {
    this.position++;
    const items: PdfValue[] = [];
    for (;;) {
      this.skipSpace();
      if (this.position >= this.text.length) this.fail('an unterminated array');
      if (this.text.charCodeAt(this.position) === 0x5d) {
        this.position++;
        return array(items);
      }
      items.push(this.value());
    }
  }

  private dictionary(): PdfDict {
    this.position += 2;
    const entries = new Map<string, PdfValue>();
    for (;;) {
      this.skipSpace();
      if (this.position >= this.text.length) this.fail('an unterminated dictionary');
      if (this.text.charCodeAt(this.position) === 0x3e && this.text.charCodeAt(this.position + 1) === 0x3e) {
        this.position += 2;
        return { kind: 'dict', entries };
      }
      const key = this.value();
      if (key.kind !== 'token' || !key.text.startsWith('/')) this.fail('a name expected as a dictionary key');
      entries.set(key.text, this.value());
    }
  }
}

/** A value as it is, or, for a reference, the value of the object it names (one step, not a chain). */
export function lookup(pdf: ClassicPdf, value: PdfValue | undefined): PdfValue | undefined {
  return value?.kind === 'ref' ? pdf.byNumber.get(value.num)?.value : value;
}

/** Parses a PDF as Chromium prints it; throws `UnsupportedPdf` for any other kind. */
export function readClassicPdf(bytes: Uint8Array): ClassicPdf {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  const version = /^%PDF-(\d\.\d)/.exec(text.slice(0, 16))?.[1];
  if (!version) throw new UnsupportedPdf('no PDF header');
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(-64));
  if (!startxref) throw new UnsupportedPdf('no startxref at the end');
  const reader = new Reader(text, Number(startxref[1]));
  // A cross-reference stream ("12 0 obj <</Type /XRef …") has no "xref" keyword.
  if (reader.word() !== 'xref') throw new UnsupportedPdf('no cross-reference table');
  const offsets = new Map<number, number>();
  while (INTEGER.test(reader.peekWord())) {
    const first = Number(reader.word());
    const count = Number(reader.word());
    for (let index = 0; index < count; index++) {
      const offset = Number(reader.word());
      reader.word();
      const kind = reader.word();
      if (kind === 'n') offsets.set(first + index, offset);
      else if (kind !== 'f') reader.fail('a cross-reference entry expected');
    }
  }
  reader.expectWord('trailer');
  const trailer = reader.value();
  if (trailer.kind !== 'dict') throw new UnsupportedPdf('no trailer dictionary');
  for (const key of ['/Prev', '/XRefStm', '/Encrypt']) if (trailer.entries.has(key)) throw new UnsupportedPdf(`a trailer with ${key}`);

  const objects: PdfObject[] = [];
  const byNumber = new Map<number, PdfObject>();
  const streamLengths: Array<{ object: PdfObject; start: number; length: PdfValue | undefined }> = [];
  for (const [num, offset] of offsets) {
    const at = new Reader(text, offset);
    if (Number(at.word()) !== num) at.fail(`object ${num} expected`);
    at.word();
    at.expectWord('obj');
    const value = at.value();
    const object: PdfObject = { num, value };
    if (at.peekWord() === 'stream') {
      at.position += 'stream'.length;
      // The keyword is followed by CR LF or LF, then the data.
      if (text.charCodeAt(at.position) === 0x0d) at.position++;
      if (text.charCodeAt(at.position) !== 0x0a) at.fail('a line end after "stream" expected');
      if (value.kind !== 'dict') throw new UnsupportedPdf(`object ${num}: a stream without a dictionary`);
      streamLengths.push({ object, start: at.position + 1, length: value.entries.get('/Length') });
    } else at.expectWord('endobj');
    objects.push(object);
    byNumber.set(num, object);
  }
  const pdf: ClassicPdf = { version, objects: objects.sort((a, b) => offsets.get(a.num)! - offsets.get(b.num)!), byNumber, trailer };
  // Lengths are read once every object is known: a length may be an object of its own.
  for (const { object, start, length } of streamLengths) {
    const resolved = lookup(pdf, length);
    if (resolved?.kind !== 'token' || !INTEGER.test(resolved.text)) throw new UnsupportedPdf(`object ${object.num}: a stream without a length`);
    const end = start + Number(resolved.text);
    const after = new Reader(text, end);
    if (end > bytes.length || after.word() !== 'endstream') throw new UnsupportedPdf(`object ${object.num}: the stream's length does not end it`);
    object.stream = bytes.subarray(start, end);
  }
  return pdf;
}

/** Writes a value as PDF text, with each reference renumbered by `renumber`. */
export function writeValue(value: PdfValue, renumber: (ref: PdfRef) => number): string {
  switch (value.kind) {
    case 'token':
      return value.text;
    case 'ref':
      return `${renumber(value)} 0 R`;
    case 'array':
      return `[${value.items.map((item) => writeValue(item, renumber)).join(' ')}]`;
    case 'dict': {
      let text = '<<';
      for (const [key, entry] of value.entries) text += `${key} ${writeValue(entry, renumber)}\n`;
      return `${text}>>`;
    }
  }
}

/** A text string as PDF writes one: UTF-16BE with a byte-order mark, in hex (any language, no escaping). */
export function textString(text: string): PdfToken {
  let hex = '<FEFF';
  for (let index = 0; index < text.length; index++) hex += text.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0');
  return token(`${hex}>`);
}

/** A date as PDF writes one, in UTC: (D:YYYYMMDDHHmmSSZ). */
export function dateString(date: Date): PdfToken {
  const two = (value: number): string => String(value).padStart(2, '0');
  const stamp = `${String(date.getUTCFullYear()).padStart(4, '0')}${two(date.getUTCMonth() + 1)}${two(date.getUTCDate())}${two(date.getUTCHours())}${two(date.getUTCMinutes())}${two(date.getUTCSeconds())}`;
  return token(`(D:${stamp}Z)`);
}
