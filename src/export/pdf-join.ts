/**
 * Joins the parts Chromium printed into one PDF and gives it what Chromium's PDF lacks: the deck's metadata and a
 * bookmark per section. Streams (page contents, fonts, images) are copied byte for byte; only the dictionaries are
 * written again, with their objects numbered anew. See src/export/pdf-objects.ts for why this is not pdf-lib.
 */
import type { Deck } from '../outline/types.js';
import {
  array,
  dateString,
  dict,
  lookup,
  readClassicPdf,
  ref,
  textString,
  token,
  UnsupportedPdf,
  writeValue,
  type ClassicPdf,
  type PdfDict,
  type PdfObject,
  type PdfRef,
  type PdfValue,
} from './pdf-objects.js';

export interface Bookmark {
  title: string;
  /** 0-based page index. */
  page: number;
}

/** Deck date → a Date, or undefined when it is missing or not a date (then no dates are written). */
export function deckDate(date: string | undefined): Date | undefined {
  if (!date) return undefined;
  const parsed = new Date(date);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

/** Catalog entries a printed part may have that the joined document can carry; any other makes it unsupported. */
const CATALOG_KEYS = new Set(['/Type', '/Pages', '/ViewerPreferences', '/Dests', '/Lang', '/PageMode']);

/** One printed part: the parsed file, its page-tree root, and its pages in order. */
interface Part {
  pdf: ClassicPdf;
  catalog: PdfDict;
  pagesRoot: PdfRef;
  pages: PdfRef[];
  /** Objects not carried over: the part's catalog and its Info dictionary. */
  dropped: Set<number>;
}

function readPart(bytes: Uint8Array): Part {
  const pdf = readClassicPdf(bytes);
  const root = pdf.trailer.entries.get('/Root');
  const catalog = lookup(pdf, root);
  if (root?.kind !== 'ref' || catalog?.kind !== 'dict') throw new UnsupportedPdf('no document catalog');
  for (const key of catalog.entries.keys()) if (!CATALOG_KEYS.has(key)) throw new UnsupportedPdf(`a catalog with ${key}`);
  const pagesRoot = catalog.entries.get('/Pages');
  if (pagesRoot?.kind !== 'ref') throw new UnsupportedPdf('no page tree');
  const dropped = new Set([root.num]);
  const info = pdf.trailer.entries.get('/Info');
  if (info?.kind === 'ref') dropped.add(info.num);
  return { pdf, catalog, pagesRoot, pages: leafPages(pdf, pagesRoot), dropped };
}

/** The number of pages of a part as Chromium prints it. */
export function printedPageCount(bytes: Uint8Array): number {
  return readPart(bytes).pages.length;
}

/** The page objects under a page-tree node, in order. */
function leafPages(pdf: ClassicPdf, root: PdfRef): PdfRef[] {
  const pages: PdfRef[] = [];
  const seen = new Set<number>();
  const visit = (node: PdfRef): void => {
    if (seen.has(node.num)) throw new UnsupportedPdf('a page tree with a cycle');
    seen.add(node.num);
    const value = lookup(pdf, node);
    if (value?.kind !== 'dict') throw new UnsupportedPdf(`page tree node ${node.num} is not a dictionary`);
    const type = value.entries.get('/Type');
    if (type?.kind === 'token' && type.text === '/Page') return void pages.push(node);
    const kids = lookup(pdf, value.entries.get('/Kids'));
    if (kids?.kind !== 'array') throw new UnsupportedPdf(`page tree node ${node.num} has no kids`);
    for (const kid of kids.items) {
      if (kid.kind !== 'ref') throw new UnsupportedPdf('a page tree kid that is not a reference');
      visit(kid);
    }
  };
  visit(root);
  return pages;
}

/** Writes PDF text and binary pieces in order, and remembers where each object starts. */
class PdfWriter {
  /** The header comes first but its version is known only at the end: the header's line has a fixed length. */
  private static readonly HEADER_LENGTH = '%PDF-1.4\n%\xd3\xeb\xe9\xe1\n'.length;
  private readonly chunks: Uint8Array[] = [];
  private length = PdfWriter.HEADER_LENGTH;
  private readonly offsets: number[] = [];

  text(text: string): void {
    this.bytes(Buffer.from(text, 'latin1'));
  }

  bytes(bytes: Uint8Array): void {
    this.chunks.push(bytes);
    this.length += bytes.length;
  }

  object(num: number, body: string, stream?: Uint8Array): void {
    this.offsets[num] = this.length;
    if (stream) {
      this.text(`${num} 0 obj\n${body} stream\n`);
      this.bytes(stream);
      this.text('\nendstream\nendobj\n');
    } else this.text(`${num} 0 obj\n${body}\nendobj\n`);
  }

  /** The header, the cross-reference table and trailer for objects 1 to `count`, and the finished file. */
  finish(version: string, count: number, trailer: string): Uint8Array {
    const start = this.length;
    let table = `xref\n0 ${count + 1}\n0000000000 65535 f \n`;
    for (let num = 1; num <= count; num++) table += `${String(this.offsets[num]).padStart(10, '0')} 00000 n \n`;
    this.text(`${table}trailer\n${trailer}\nstartxref\n${start}\n%%EOF\n`);
    // A version is read as one digit, a dot and one digit (readClassicPdf), so the header keeps its length.
    const header = Buffer.from(`%PDF-${version}\n%\xd3\xeb\xe9\xe1\n`, 'latin1');
    return Buffer.concat([header, ...this.chunks], this.length);
  }
}

/** Objects the joined document adds before the parts' own: its catalog, Info and page-tree root. */
const CATALOG = 1;
const INFO = 2;
const PAGES = 3;

/**
 * Joins the parts of a deck printed separately, in page order, as they come: each part is read and written out when
 * it is added, so a part can be joined while the browser still prints the next. `finish` adds the deck's metadata and
 * bookmarks. Deterministic for the same parts. `add` throws `UnsupportedPdf` for a part not as Chromium prints it.
 */
export class PdfJoiner {
  private readonly writer = new PdfWriter();
  private readonly pages: number[] = [];
  private readonly roots: number[] = [];
  private readonly dests = new Map<string, PdfValue>();
  private version = '1.4';
  private next = PAGES + 1;

  add(bytes: Uint8Array): void {
    const part = readPart(bytes);
    // Every kept object is numbered anew, in file order, part after part, with no gaps.
    const numbers = new Map<number, number>();
    for (const object of part.pdf.objects) if (!part.dropped.has(object.num)) numbers.set(object.num, this.next++);
    const renumber = (reference: PdfRef): number => {
      const num = numbers.get(reference.num);
      if (num === undefined) throw new UnsupportedPdf(`a reference to object ${reference.num}, which the part does not carry`);
      return num;
    };
    if (Number(part.pdf.version) > Number(this.version)) this.version = part.pdf.version;
    for (const object of part.pdf.objects) {
      if (part.dropped.has(object.num)) continue;
      this.writer.object(numbers.get(object.num)!, writeValue(withParent(part, object), renumber), object.stream);
    }
    this.roots.push(renumber(part.pagesRoot));
    for (const page of part.pages) this.pages.push(renumber(page));
    // Named destinations (links within the deck) of every part, the first part's first: each part has the whole deck
    // laid out, so a name points at the same slide whichever part it is read from.
    const dests = lookup(part.pdf, part.catalog.entries.get('/Dests'));
    if (dests?.kind === 'dict') {
      for (const [name, target] of dests.entries) if (!this.dests.has(name)) this.dests.set(name, renumbered(target, renumber));
    }
  }

  /** The joined document with the deck's metadata and the given bookmarks (those to pages it has). */
  finish(deck: Deck, bookmarks: Bookmark[], producer: string): { bytes: Uint8Array; pageCount: number } {
    if (this.roots.length === 0) throw new Error('no printed pages to join');
    const { writer, pages } = this;
    writer.object(
      PAGES,
      writeValue(
        dict([
          ['/Type', token('/Pages')],
          ['/Kids', array(this.roots.map(ref))],
          ['/Count', token(String(pages.length))],
        ]),
        plain,
      ),
    );
    writer.object(INFO, writeValue(infoDict(deck, producer), plain));
    const usable = bookmarks.filter((bookmark) => bookmark.page >= 0 && bookmark.page < pages.length);
    const outline = usable.length > 0 ? this.next : undefined;
    const entries = usable.map((_bookmark, index) => this.next + 1 + index);
    const catalog = dict([
      ['/Type', token('/Catalog')],
      ['/Pages', ref(PAGES)],
      ['/ViewerPreferences', dict([['/DisplayDocTitle', token('true')]])],
    ]);
    if (this.dests.size > 0) catalog.entries.set('/Dests', { kind: 'dict', entries: this.dests });
    if (deck.meta.lang) catalog.entries.set('/Lang', textString(deck.meta.lang));
    if (outline !== undefined) {
      catalog.entries.set('/Outlines', ref(outline));
      catalog.entries.set('/PageMode', token('/UseOutlines'));
      writer.object(
        outline,
        writeValue(
          dict([
            ['/Type', token('/Outlines')],
            ['/First', ref(entries[0]!)],
            ['/Last', ref(entries[entries.length - 1]!)],
            ['/Count', token(String(entries.length))],
          ]),
          plain,
        ),
      );
      usable.forEach((bookmark, index) => {
        const entry = dict([
          ['/Title', textString(bookmark.title)],
          ['/Parent', ref(outline)],
          ['/Dest', array([ref(pages[bookmark.page]!), token('/Fit')])],
        ]);
        if (index > 0) entry.entries.set('/Prev', ref(entries[index - 1]!));
        if (index < entries.length - 1) entry.entries.set('/Next', ref(entries[index + 1]!));
        writer.object(entries[index]!, writeValue(entry, plain));
      });
    }
    writer.object(CATALOG, writeValue(catalog, plain));
    const count = this.next - 1 + (outline === undefined ? 0 : usable.length + 1);
    const trailer = writeValue(
      dict([
        ['/Size', token(String(count + 1))],
        ['/Root', ref(CATALOG)],
        ['/Info', ref(INFO)],
      ]),
      plain,
    );
    return { bytes: writer.finish(this.version, count, trailer), pageCount: pages.length };
  }
}

/** The parts of a deck printed separately, joined in order, with the deck's metadata and the given bookmarks. */
export function joinPrintedParts(parts: Uint8Array[], deck: Deck, bookmarks: Bookmark[], producer: string): { bytes: Uint8Array; pageCount: number } {
  const joiner = new PdfJoiner();
  for (const part of parts) joiner.add(part);
  return joiner.finish(deck, bookmarks, producer);
}

/** References written as they are: the objects this module makes are numbered already. */
const plain = (reference: PdfRef): number => reference.num;

/** A part's page-tree root under the joined document's root; every other object as it is. */
function withParent(part: Part, object: PdfObject): PdfValue {
  if (object.num !== part.pagesRoot.num || object.value.kind !== 'dict') return object.value;
  const entries = new Map(object.value.entries);
  // Written as it is: the joined root's number is not one of the part's.
  entries.set('/Parent', token(`${PAGES} 0 R`));
  return { kind: 'dict', entries };
}

/** A value with its references renumbered now (for values that move into an object this module writes). */
function renumbered(value: PdfValue, renumber: (reference: PdfRef) => number): PdfValue {
  switch (value.kind) {
    case 'ref':
      return ref(renumber(value));
    case 'array':
      return array(value.items.map((item) => renumbered(item, renumber)));
    case 'dict':
      return { kind: 'dict', entries: new Map([...value.entries].map(([key, entry]) => [key, renumbered(entry, renumber)])) };
    default:
      return value;
  }
}

/** The document's Info: the deck's metadata; Chromium's printing time is left out, so the same deck gives the same file. */
function infoDict(deck: Deck, producer: string): PdfDict {
  const { meta } = deck;
  const info = dict([['/Title', textString(meta.title)]]);
  if (meta.author) info.entries.set('/Author', textString(meta.author));
  if (meta.subtitle) info.entries.set('/Subject', textString(meta.subtitle));
  const keywords = deck.sections.map((section) => section.title);
  if (keywords.length > 0) info.entries.set('/Keywords', textString(keywords.join('; ')));
  info.entries.set('/Creator', textString('Lectern'));
  info.entries.set('/Producer', textString(producer));
  const date = deckDate(meta.date);
  if (date) {
    info.entries.set('/CreationDate', dateString(date));
    info.entries.set('/ModDate', dateString(date));
  }
  return info;
}
