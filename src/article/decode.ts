import { ExitCode, LecternError, type Warning } from '../errors.js';

/** File signatures of formats people mistake for articles; checked before any decoding. */
const MAGIC: Array<{ bytes: number[]; offset?: number; name: string }> = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], name: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], name: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], name: 'a GIF image' },
  { bytes: [0x57, 0x45, 0x42, 0x50], offset: 8, name: 'a WebP image' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], name: 'a PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], name: 'a ZIP archive (or a .docx/.odt document)' },
  { bytes: [0x50, 0x4b, 0x05, 0x06], name: 'an empty ZIP archive' },
  { bytes: [0x1f, 0x8b], name: 'a gzip archive' },
  { bytes: [0x42, 0x5a, 0x68], name: 'a bzip2 archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], name: 'a 7-Zip archive' },
  { bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], name: 'a RAR archive' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], name: 'an old Microsoft Office document' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], name: 'an RTF document' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], name: 'an executable' },
  { bytes: [0x00, 0x61, 0x73, 0x6d], name: 'a WebAssembly module' },
  { bytes: [0x49, 0x49, 0x2a, 0x00], name: 'a TIFF image' },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], name: 'a TIFF image' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], name: 'an SQLite database' },
];

const HINT = 'Lectern reads articles saved as plain text (.txt), Markdown (.md) or HTML (.html)';

/** Decodes the bytes of a source file to text with LF line ends; throws on binary or empty input. Pure. */
export function decodeSource(bytes: Uint8Array, file: string): { text: string; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const magic = MAGIC.find((m) => m.bytes.every((b, i) => bytes[(m.offset ?? 0) + i] === b));
  // RTF counts too: it is text, but its markup would end up on the slides.
  if (magic) throw notText(file, `it looks like ${magic.name}`);

  let text: string;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    text = decodeUtf8(bytes.subarray(3), file, warnings, 3);
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    text = decodeUtf16(bytes.subarray(2), 'utf-16le', file, warnings);
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    text = decodeUtf16(bytes.subarray(2), 'utf-16be', file, warnings);
  } else {
    const utf16 = sniffUtf16(bytes);
    if (utf16) {
      text = decodeUtf16(bytes, utf16, file, warnings);
      warnings.push({
        message: `the file has no byte-order mark; read it as ${utf16.toUpperCase()}`,
        location: { file },
      });
    } else {
      checkBinary(bytes, file);
      text = decodeUtf8(bytes, file, warnings, 0);
    }
  }

  text = text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') {
    throw new LecternError('the file is empty', {
      exitCode: ExitCode.input,
      location: { file },
      hint: 'write the article first, or check that you named the right file',
    });
  }
  return { text, warnings };
}

function notText(file: string, why: string): LecternError {
  return new LecternError(`the file is not a text file (${why})`, {
    exitCode: ExitCode.input,
    location: { file },
    hint: HINT,
  });
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** UTF-16 without a BOM shows as NULs in every other byte of ASCII-heavy text. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return 'utf-16be';
  return undefined;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', file: string, warnings: Warning[]): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    warnings.push({
      message: `the file is not valid ${encoding.toUpperCase()}; unreadable characters were replaced with �`,
      location: { file },
    });
    return new TextDecoder(encoding).decode(bytes);
  }
}

/** A control byte that plain text never needs (tab, LF, CR and form feed are text). */
function isControl(b: number): boolean {
  return (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f;
}

/** Rejects binary data; a lone NUL in real text is reported with its line so the user can fix it. */
function checkBinary(bytes: Uint8Array, file: string): void {
  let controls = 0;
  let nuls = 0;
  let firstNul = -1;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0) {
      nuls++;
      if (firstNul < 0) firstNul = i;
    }
    if (isControl(b)) controls++;
  }
  if (controls > Math.max(8, bytes.length * 0.02) || nuls > 8) {
    throw notText(file, 'it contains binary data');
  }
  if (firstNul >= 0) {
    const line = lineAt(bytes, firstNul);
    throw new LecternError('the file contains a NUL byte, which text never contains', {
      exitCode: ExitCode.input,
      location: { file, line },
      hint: 'remove the stray character, or re-save the file as plain UTF-8 text',
    });
  }
}

/** 1-based line of a byte offset, counting CRLF and lone CR as one line end each. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    const b = bytes[i];
    if (b === 0x0a) line++;
    else if (b === 0x0d && bytes[i + 1] !== 0x0a) line++;
  }
  return line;
}

/** Counts well-formed multi-byte UTF-8 sequences and malformed bytes, to tell damaged UTF-8 from a legacy code page. */
function scanUtf8(bytes: Uint8Array): { valid: number; invalid: number; firstInvalid: number } {
  let valid = 0;
  let invalid = 0;
  let firstInvalid = -1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = need > 0 && i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) ok = ((bytes[i + k] ?? 0) & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += need + 1;
    } else {
      invalid++;
      if (firstInvalid < 0) firstInvalid = i;
      i++;
    }
  }
  return { valid, invalid, firstInvalid };
}

function decodeUtf8(bytes: Uint8Array, file: string, warnings: Warning[], bomLength: number): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    // Not valid UTF-8: either a legacy single-byte file or UTF-8 with a few damaged bytes.
  }
  const scan = scanUtf8(bytes);
  if (bomLength === 0 && scan.valid < scan.invalid) {
    warnings.push({
      message: 'the file is not UTF-8; read it as Windows-1252 (Western European)',
      location: { file },
    });
    return decodeWindows1252(bytes);
  }
  const line = lineAt(bytes, Math.max(0, scan.firstInvalid));
  warnings.push({
    message: `the file contains ${scan.invalid === 1 ? 'a byte that is' : `${scan.invalid} bytes that are`} not valid UTF-8, replaced with � (first at line ${line})`,
    location: { file, line },
  });
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

/** Windows-1252 differs from Latin-1 only in 0x80–0x9F; unassigned bytes keep their C1 code point, as in WHATWG. */
const CP1252_HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';

/** Decoded by hand: Node 20's TextDecoder('windows-1252') silently decodes Latin-1 instead. */
function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let start = 0; start < bytes.length; start += 8192) {
    const codes: number[] = [];
    const end = Math.min(bytes.length, start + 8192);
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      codes.push(b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b);
    }
    out += String.fromCharCode(...codes);
  }
  return out;
}
