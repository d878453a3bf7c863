/**
 * The pdf-lib way to join printed parts and add the deck's metadata and bookmarks: used for a part that is not as
 * Chromium prints it (src/export/pdf-objects.ts), which Lectern's own joiner (src/export/pdf-join.ts) does not take.
 * Gives the same document: the same metadata, bookmarks and pages.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef } from 'pdf-lib';
import type { Deck } from '../outline/types.js';
// Types only: a value imported from pdf-join.ts would pull Lectern's own joiner into this chunk, which only the
// fallback loads (scripts/bundle-cli.mjs).
import type { Bookmark } from './pdf-join.js';

/**
 * Joins the parts and rewrites them with the deck's metadata (`date`: the deck's, or none) and the given bookmarks;
 * deterministic for the same input.
 */
export async function finishPdfWithPdfLib(
  parts: Uint8Array[],
  deck: Deck,
  bookmarks: Bookmark[],
  producer: string,
  date: Date | undefined,
): Promise<{ bytes: Uint8Array; pageCount: number }> {
  const [first, ...rest] = parts;
  if (!first) throw new Error('no printed pages to join');
  const doc = await PDFDocument.load(first, { updateMetadata: false });
  // The first part's named destinations (the targets of links within the deck), which the others' join.
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict) ?? doc.context.obj({});
  for (const bytes of rest) {
    const part = await PDFDocument.load(bytes, { updateMetadata: false });
    const copies = await doc.copyPages(part, part.getPageIndices());
    for (const page of copies) doc.addPage(page);
    keepDestinations(part, copies, dests);
  }
  if (!doc.catalog.has(PDFName.of('Dests')) && dests.keys().length > 0) doc.catalog.set(PDFName.of('Dests'), doc.context.register(dests));
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
  if (date) {
    doc.setCreationDate(date);
    doc.setModificationDate(date);
  } else {
    // Chromium stamps the current time; drop it so the same deck always gives the same file.
    info.delete(PDFName.of('CreationDate'));
    info.delete(PDFName.of('ModDate'));
  }
  addOutline(doc, bookmarks);
  return { bytes: await doc.save({ useObjectStreams: false, objectsPerTick: Infinity }), pageCount: doc.getPageCount() };
}

/**
 * Adds a later part's named destinations, each now opening the copy of its page: a browser names, in each part, the
 * slides that part printed, and a link in one part may lead to a slide in another. A name already known keeps its
 * first target, as Lectern's own joiner does.
 */
function keepDestinations(part: PDFDocument, copies: Array<{ ref: PDFRef }>, dests: PDFDict): void {
  const own = part.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (!own) return;
  const copyOf = new Map(part.getPages().map((page, index) => [page.ref.toString(), copies[index]!.ref]));
  for (const [name, value] of own.entries()) {
    const target = part.context.lookup(value);
    if (dests.has(name) || !(target instanceof PDFArray)) continue;
    const page = target.get(0);
    const copy = page instanceof PDFRef ? copyOf.get(page.toString()) : undefined;
    // A destination on a page the part did not print is left to the part that did.
    if (!copy) continue;
    dests.set(name, dests.context.obj([copy, ...target.asArray().slice(1)]));
  }
}

/** The number of pages of a PDF in any form pdf-lib reads. */
export async function pageCountWithPdfLib(bytes: Uint8Array): Promise<number> {
  return (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
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
