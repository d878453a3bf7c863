/** Adds what Chromium's PDF lacks: document metadata from the deck and a bookmark per section. */
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFRef } from 'pdf-lib';
import type { Deck } from '../outline/types.js';

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

/** A printed part: its bytes, or already read (or being read) by `readPart` or `joinParts`. */
export type PrintedPart = Uint8Array | PDFDocument | Promise<PDFDocument>;

/**
 * Reads a printed part. pdf-lib parses a hundred objects at a time and lets the event loop run between, so Node can
 * read a part while the browser prints the next and still answer it at once.
 */
export function readPart(bytes: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(bytes, { updateMetadata: false });
}

/** Joins the printed parts and rewrites them with the deck's metadata and the given bookmarks; deterministic for the same input. */
export async function finishPdf(parts: PrintedPart[], deck: Deck, bookmarks: Bookmark[], producer: string): Promise<{ bytes: Uint8Array; pageCount: number }> {
  const doc = await joinParts(parts);
  const { meta } = deck;
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.author) doc.setAuthor(meta.author);
  if (meta.subtitle) doc.setSubject(meta.subtitle);
  const keywords = deck.sections.map((section) => section.title);
  if (keywords.length > 0) doc.setKeywords([keywords.join('; ')]);
  doc.setCreator('Lectern');
  doc.setProducer(producer);
  if (meta.lang) doc.setLanguage(meta.lang);
  const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  const date = deckDate(meta.date);
  if (date) {
    doc.setCreationDate(date);
    doc.setModificationDate(date);
  } else {
    // Chromium stamps the current time; drop it so the same deck always gives the same file.
    info.delete(PDFName.of('CreationDate'));
    info.delete(PDFName.of('ModDate'));
  }
  addOutline(doc, bookmarks);
  // Nothing else waits on Node now: written in one go, rather than yielding every 50 objects (pdf-lib's default, which
  // costs about a millisecond each time, a second for 2,800 pages).
  return { bytes: await doc.save({ useObjectStreams: false, objectsPerTick: Infinity }), pageCount: doc.getPageCount() };
}

/**
 * The parts of a deck printed separately, as one document (a single part is used as it is). Each part is copied in as
 * soon as it and those before it are read, so a join started early goes on while later parts still print.
 */
export async function joinParts(parts: PrintedPart[]): Promise<PDFDocument> {
  const read = parts.map((part) => (part instanceof Uint8Array ? readPart(part) : Promise.resolve(part)));
  // Awaited in order below; a part that fails meanwhile must not count as an unhandled rejection.
  for (const part of read) part.catch(() => undefined);
  const [first, ...rest] = read;
  if (!first) throw new Error('no printed pages to join');
  const doc = await first;
  for (const next of rest) {
    const part = await next;
    for (const page of await doc.copyPages(part, part.getPageIndices())) doc.addPage(page);
  }
  return doc;
}

/** Builds /Outlines by hand (pdf-lib has no outline API): a flat list, each entry opening its page whole. */
function addOutline(doc: PDFDocument, bookmarks: Bookmark[]): void {
  const pages = doc.getPages();
  const usable = bookmarks.filter((bookmark) => bookmark.page >= 0 && bookmark.page < pages.length);
  if (usable.length === 0) return;
  const { context } = doc;
  const rootRef = context.nextRef();
  const refs: PDFRef[] = usable.map(() => context.nextRef());
  usable.forEach((bookmark, index) => {
    const page = pages[bookmark.page];
    if (!page) return;
    const item = context.obj({});
    item.set(PDFName.of('Title'), PDFHexString.fromText(bookmark.title));
    item.set(PDFName.of('Parent'), rootRef);
    item.set(PDFName.of('Dest'), context.obj([page.ref, PDFName.of('Fit')]));
    const previous = refs[index - 1];
    const next = refs[index + 1];
    if (previous) item.set(PDFName.of('Prev'), previous);
    if (next) item.set(PDFName.of('Next'), next);
    context.assign(refs[index] as PDFRef, item);
  });
  const root = context.obj({});
  root.set(PDFName.of('Type'), PDFName.of('Outlines'));
  root.set(PDFName.of('First'), refs[0] as PDFRef);
  root.set(PDFName.of('Last'), refs[refs.length - 1] as PDFRef);
  root.set(PDFName.of('Count'), PDFNumber.of(refs.length));
  context.assign(rootRef, root);
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
