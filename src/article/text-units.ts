/** Splits plain text into units: paragraphs (hard-wrapped lines re-joined), single lines, setext headings and rules. */
import { detectFurniture } from './page-furniture.js';
import { endsLikeSentence, isByline, ruleChar, startsListItem } from './text-headings.js';

export interface SourceLine {
  text: string;
  /** 1-based line in the source. */
  line: number;
  indent: number;
  /** The paragraph goes on past a page break after this line. */
  continues?: boolean;
}

export interface Unit {
  lines: SourceLine[];
  /** 1-based line where the unit starts. */
  line: number;
  /** The lines joined into one, whitespace collapsed. */
  text: string;
  /** Index of the blank-line-separated chunk the unit came from; neighbours in one chunk were written together. */
  chunk: number;
  /** Underlined with `=` (1) or `-` (2) on the next line. */
  setext?: 1 | 2;
  /** A horizontal rule such as `* * *` on a line of its own. */
  rule?: boolean;
}

interface Chunk {
  lines: SourceLine[];
  kind: 'text' | 'setext' | 'rule';
  setext?: 1 | 2;
  /** A page break (form feed or page furniture) lies between this chunk and the previous one. */
  afterPageBreak: boolean;
}

/** Lines longer than this are not hard-wrapped: wrapping tools stay below it. */
const WRAP_LIMIT = 100;
/** The usual wrap width, assumed for two-line chunks when the document gives no better evidence. */
const DEFAULT_WIDTH = 72;
/** Nobody wraps narrower than this: a chunk of shorter lines is a list of separate lines, not a wrapped paragraph. */
const MIN_WIDTH = 60;

/** Joins source lines: a soft hyphen at a line end disappears, a hyphen or dash joins without a space. */
export function joinLines(lines: readonly string[]): string {
  let out = '';
  for (const raw of lines) {
    const t = raw.trim();
    if (t === '') continue;
    if (out === '') out = t;
    else if (out.endsWith('\u00ad')) out = out.slice(0, -1) + t;
    else if (/[\p{L}\p{N}][-‐–—]$/u.test(out)) out += t;
    else if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u.test(out) && /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(t))
      out += t;
    else out += ' ' + t;
  }
  return out.replace(/\s+/g, ' ').trim();
}

function readChunks(text: string): Chunk[] {
  const raw = text.replace(/\r\n?/g, '\n').split('\n');
  const { drop, pageBreak } = detectFurniture(raw);
  const chunks: Chunk[] = [];
  let current: Chunk | undefined;
  let pendingBreak = false;
  const close = (): void => {
    if (current && current.lines.length > 0) chunks.push(current);
    current = undefined;
  };
  const push = (chunk: Chunk): void => {
    close();
    chunks.push(chunk);
    pendingBreak = false;
  };

  for (let i = 0; i < raw.length; i++) {
    const clean = raw[i]!.replace(/\f/g, '');
    if (drop[i] || clean.trim() === '') {
      close();
      if (pageBreak[i]) pendingBreak = true;
      continue;
    }
    if (pageBreak[i]) {
      close(); // a form feed inside a text line starts a new page
      pendingBreak = true;
    }
    const line: SourceLine = { text: clean.trim(), line: i + 1, indent: clean.length - clean.trimStart().length };
    const rule = ruleChar(clean);
    if (rule !== undefined) {
      const above = current?.lines.at(-1);
      const len = clean.trim().length;
      if (above && (rule === '=' || rule === '-') && len >= 0.5 * above.text.length && len <= 1.5 * above.text.length + 3) {
        current!.lines.pop();
        push({ lines: [above], kind: 'setext', setext: rule === '=' ? 1 : 2, afterPageBreak: false });
      } else {
        push({ lines: [line], kind: 'rule', afterPageBreak: false });
      }
      continue;
    }
    if (!current) {
      current = { lines: [], kind: 'text', afterPageBreak: pendingBreak };
      pendingBreak = false;
    }
    current.lines.push(line);
  }
  close();
  return mergeAcrossPages(chunks);
}

/** A paragraph cut by a page break continues: the text before has no final punctuation and the text after is lowercase. */
function mergeAcrossPages(chunks: Chunk[]): Chunk[] {
  const out: Chunk[] = [];
  for (const chunk of chunks) {
    const prev = out.at(-1);
    const last = prev?.lines.at(-1)?.text;
    const first = chunk.lines[0]?.text ?? '';
    if (chunk.afterPageBreak && prev?.kind === 'text' && chunk.kind === 'text' && last !== undefined && !endsLikeSentence(last) && /^\p{Ll}/u.test(first)) {
      prev.lines.at(-1)!.continues = true;
      for (const line of chunk.lines) prev.lines.push(line);
    } else {
      out.push(chunk);
    }
  }
  return out;
}

/** The typical wrap width of the document: 90th percentile of lines that are followed by another line. */
function wrapWidth(chunks: Chunk[]): number {
  const lengths: number[] = [];
  for (const c of chunks) {
    if (c.kind !== 'text') continue;
    for (let i = 0; i + 1 < c.lines.length; i++) {
      const n = c.lines[i]!.text.length;
      if (n <= WRAP_LIMIT) lengths.push(n);
    }
  }
  if (lengths.length === 0) return 0;
  lengths.sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length * 0.9)] ?? 0;
}

/** In hard-wrapped text, does the author's line break after `a` end a block (rather than wrap a long line)? */
function breaksAfter(a: SourceLine, b: SourceLine, width: number, inListItem: boolean): boolean {
  if (a.continues || /[\p{L}\p{N}][-‐\u00ad]$/u.test(a.text)) return false; // a word continues on the next line
  if (startsListItem(b.text) || isByline(b.text)) return true;
  if (b.indent > a.indent && !inListItem) return true;
  const room = a.text.length + 1 + (b.text.split(/\s/, 1)[0] ?? '').length;
  if (room <= width && a.text.length <= 0.6 * width) return true;
  return endsLikeSentence(a.text) && room <= 0.85 * width;
}

/** Reads text into units, dropping only page furniture and heading underlines. */
export function textUnits(text: string): Unit[] {
  const chunks = readChunks(text);
  const globalWidth = wrapWidth(chunks);
  let longLines = 0;
  let allLines = 0;
  for (const c of chunks) {
    for (const l of c.lines) {
      allLines++;
      if (l.text.length > WRAP_LIMIT) longLines++;
    }
  }
  const lineMode = longLines >= allLines * 0.3;

  const units: Unit[] = [];
  const emit = (lines: SourceLine[], chunk: number, extra: Partial<Unit> = {}): void => {
    units.push({ lines, line: lines[0]!.line, text: joinLines(lines.map((l) => l.text)), chunk, ...extra });
  };
  chunks.forEach((c, index) => {
    if (c.kind === 'rule') return emit(c.lines, index, { rule: true });
    if (c.kind === 'setext') return emit(c.lines, index, { setext: c.setext });
    const long = c.lines.filter((l) => l.text.length > WRAP_LIMIT).length;
    if (lineMode || (long > 0 && long * 2 >= c.lines.length - 1)) {
      let run: SourceLine[] = [];
      for (const l of c.lines) {
        run.push(l);
        if (!l.continues) {
          emit(run, index);
          run = [];
        }
      }
      if (run.length > 0) emit(run, index);
      return;
    }
    let width = MIN_WIDTH;
    for (const l of c.lines) width = Math.max(width, l.text.length);
    if (c.lines.length < 3) width = Math.max(width, globalWidth, DEFAULT_WIDTH);
    let run: SourceLine[] = [];
    for (const l of c.lines) {
      const prev = run.at(-1);
      if (prev && breaksAfter(prev, l, width, startsListItem(run[0]!.text))) {
        emit(run, index);
        run = [];
      }
      run.push(l);
    }
    if (run.length > 0) emit(run, index);
  });
  return units;
}
