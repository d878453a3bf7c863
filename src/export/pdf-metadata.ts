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

/** Joins the printed parts and rewrites them with the deck's metadata and the given bookmarks; deterministic for the same input. */
export async function finishPdf(parts: Uint8Array[], deck: Deck, bookmarks: Bookmark[], producer: string): Promise<{ bytes: Uint8Array; pageCount: number }> {
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
  return { bytes: await doc.save({ useObjectStreams: false }), pageCount: doc.getPageCount() };
}

/** The parts of a deck printed separately, as one document (a single part is used as it is). */
async function joinParts(parts: Uint8Array[]): Promise<PDFDocument> {
  const [first, ...rest] = await Promise.all(parts.map((part) => PDFDocument.load(part, { updateMetadata: false })));
  if (!first) throw new Error('no printed pages to join');
  for (const part of rest) {
    for (const page of await first.copyPages(part, part.getPageIndices())) first.addPage(page);
  }
  return first;
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
