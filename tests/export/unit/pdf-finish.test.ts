import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { finishPdf, pageCount, PrintedParts } from '../../../src/export/pdf-finish.js';
import { deckDate, joinPrintedParts } from '../../../src/export/pdf-join.js';
import { readClassicPdf, UnsupportedPdf } from '../../../src/export/pdf-objects.js';
import type { Deck } from '../../../src/outline/types.js';
import { namedLinks } from '../pdf-links.js';

/**
 * A PDF laid out as Chromium prints it: a cross-reference table, no object streams, an Info dictionary stamped with
 * the time of printing. Page `n` is `100 + n` points wide, so the joined order can be read back.
 */
async function printed(pages: number, options: { stamp?: Date; firstWidth?: number; objectStreams?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let n = 0; n < pages; n++) doc.addPage([(options.firstWidth ?? 100) + n, 700]);
  const stamp = options.stamp ?? new Date('2031-05-06T07:08:09Z');
  doc.setCreationDate(stamp);
  doc.setModificationDate(stamp);
  return doc.save({ useObjectStreams: options.objectStreams ?? false });
}

/**
 * A part as Chromium prints one of a deck with links between its slides: link annotations name a destination
 * (`/Dest /s-2`), and the part's catalog defines the names of the slides on its own pages (`/Dests`).
 */
async function linkedPart(
  pages: number,
  options: { firstWidth: number; objectStreams: boolean; defines: Record<string, number>; links: Record<number, string> },
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let n = 0; n < pages; n++) doc.addPage([options.firstWidth + n, 700]);
  const { context } = doc;
  const dests = context.obj({});
  for (const [name, page] of Object.entries(options.defines)) {
    dests.set(PDFName.of(name), context.obj([doc.getPage(page).ref, PDFName.of('XYZ'), 0, 700, 0]));
  }
  doc.catalog.set(PDFName.of('Dests'), context.register(dests));
  for (const [page, name] of Object.entries(options.links)) {
    const link = context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [10, 10, 90, 30], Border: [0, 0, 0], Dest: PDFName.of(name) });
    doc.getPage(Number(page)).node.set(PDFName.of('Annots'), context.obj([context.register(link)]));
  }
  return doc.save({ useObjectStreams: options.objectStreams });
}

function deck(meta: Partial<Deck['meta']> = {}, sections: string[] = []): Deck {
  return {
    meta: { title: 'Harbour Tides', lang: 'en', dir: 'ltr', ...meta },
    sections: sections.map((title, index) => ({ title, slide: index })),
    slides: [],
  } as unknown as Deck;
}

function text(value: unknown): string | undefined {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
}

const widths = (doc: PDFDocument): number[] => doc.getPages().map((page) => page.getWidth());

/** The titles of a document's bookmarks and the page each opens. */
function outline(doc: PDFDocument): { count: string | undefined; titles: string[]; targets: number[] } {
  const outlines = doc.context.lookup(doc.catalog.get(PDFName.of('Outlines')), PDFDict);
  const titles: string[] = [];
  const targets: number[] = [];
  const pageRefs = doc.getPages().map((page) => page.ref.toString());
  for (let ref = outlines.get(PDFName.of('First')); ref;) {
    const entry = doc.context.lookup(ref, PDFDict);
    titles.push(text(entry.get(PDFName.of('Title'))) ?? '');
    const dest = entry.lookup(PDFName.of('Dest'), PDFArray);
    targets.push(pageRefs.indexOf(dest.get(0).toString()));
    ref = entry.get(PDFName.of('Next'));
  }
  return { count: outlines.get(PDFName.of('Count'))?.toString(), titles, targets };
}

describe('deckDate', () => {
  it('reads an ISO date and refuses what is not a date', () => {
    expect(deckDate('2030-03-14')?.toISOString()).toBe('2030-03-14T00:00:00.000Z');
    expect(deckDate('next spring')).toBeUndefined();
    expect(deckDate(undefined)).toBeUndefined();
    expect(deckDate('')).toBeUndefined();
  });
});

describe.each([
  ['Lectern’s own joiner', false],
  ['pdf-lib, for parts with object streams', true],
])('finishPdf through %s', (_name, objectStreams) => {
  it('writes the deck’s metadata and one bookmark per section, each opening its page', async () => {
    const { bytes, pageCount: pages } = await finishPdf(
      [await printed(3, { objectStreams })],
      deck({ author: 'Inês Duarte', subtitle: 'Reading the sea', lang: 'pt', date: '2030-03-14' }, ['Manhã', 'Evening']),
      [
        { title: 'Manhã', page: 0 },
        { title: 'Evening', page: 2 },
      ],
      'Lectern 9.9.9',
    );
    expect(pages).toBe(3);
    const doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
    expect(doc.getTitle()).toBe('Harbour Tides');
    expect(doc.getAuthor()).toBe('Inês Duarte');
    expect(doc.getSubject()).toBe('Reading the sea');
    expect(doc.getKeywords()).toBe('Manhã; Evening');
    expect(doc.getCreator()).toBe('Lectern');
    expect(doc.getProducer()).toBe('Lectern 9.9.9');
    expect(doc.getCreationDate()?.toISOString()).toBe('2030-03-14T00:00:00.000Z');
    expect(doc.getModificationDate()?.toISOString()).toBe('2030-03-14T00:00:00.000Z');
    expect(text(doc.catalog.get(PDFName.of('Lang')))).toBe('pt');
    expect(doc.catalog.get(PDFName.of('PageMode'))?.toString()).toBe('/UseOutlines');
    const preferences = doc.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict);
    expect(preferences.get(PDFName.of('DisplayDocTitle'))?.toString()).toBe('true');
    expect(outline(doc)).toEqual({ count: '2', titles: ['Manhã', 'Evening'], targets: [0, 2] });
  });

  it('joins parts in order into one document', async () => {
    const parts = [
      await printed(2, { objectStreams }),
      await printed(3, { firstWidth: 200, objectStreams }),
      await printed(1, { firstWidth: 300, objectStreams }),
    ];
    const { pageCount: pages, bytes } = await finishPdf(parts, deck(), [{ title: 'Last', page: 5 }], 'Lectern');
    expect(pages).toBe(6);
    const doc = await PDFDocument.load(bytes, { throwOnInvalidObject: true });
    expect(widths(doc)).toEqual([100, 101, 200, 201, 202, 300]);
    expect(outline(doc).targets).toEqual([5]);
  });

  it('keeps links between slides across parts: every part’s named destinations, each opening its page', async () => {
    // Slide 1 links to slide 4 and slide 4 back to slide 1; each part names only the slides it printed.
    const parts = [
      await linkedPart(2, { firstWidth: 100, objectStreams, defines: { 's-1': 0, 's-2': 1 }, links: { 0: 's-4' } }),
      await linkedPart(2, { firstWidth: 200, objectStreams, defines: { 's-3': 0, 's-4': 1 }, links: { 1: 's-1' } }),
    ];
    const doc = await PDFDocument.load((await finishPdf(parts, deck(), [], 'Lectern')).bytes, { throwOnInvalidObject: true });
    expect(widths(doc)).toEqual([100, 101, 200, 201]);
    expect(namedLinks(doc)).toEqual([
      { from: 0, to: 3 },
      { from: 3, to: 0 },
    ]);
    const dests = doc.catalog.lookup(PDFName.of('Dests'), PDFDict);
    expect(dests.keys().map((key) => key.toString())).toEqual(['/s-1', '/s-2', '/s-3', '/s-4']);
    expect(dests.lookup(PDFName.of('s-3'), PDFArray).asArray().slice(1).map(String)).toEqual(['/XYZ', '0', '700', '0']);
  });

  it('drops the printing time without a deck date, so the same deck gives the same bytes', async () => {
    const first = await finishPdf([await printed(1, { stamp: new Date('2031-01-01T00:00:00Z'), objectStreams })], deck(), [], 'Lectern');
    const second = await finishPdf([await printed(1, { stamp: new Date('2032-02-02T00:00:00Z'), objectStreams })], deck(), [], 'Lectern');
    expect(Buffer.from(first.bytes).equals(Buffer.from(second.bytes))).toBe(true);
    const doc = await PDFDocument.load(first.bytes, { updateMetadata: false });
    expect(doc.getCreationDate()).toBeUndefined();
    expect(doc.getModificationDate()).toBeUndefined();
  });

  it('skips bookmarks to pages the document does not have, and writes no outline for none', async () => {
    const some = await PDFDocument.load(
      (
        await finishPdf(
          [await printed(2, { objectStreams })],
          deck(),
          [
            { title: 'Gone', page: 5 },
            { title: 'Here', page: 1 },
          ],
          'L',
        )
      ).bytes,
    );
    expect(outline(some)).toEqual({ count: '1', titles: ['Here'], targets: [1] });
    const none = await PDFDocument.load((await finishPdf([await printed(2, { objectStreams })], deck(), [{ title: 'Gone', page: -1 }], 'L')).bytes);
    expect(none.catalog.get(PDFName.of('Outlines'))).toBeUndefined();
  });

  it('refuses to finish nothing', async () => {
    await expect(finishPdf([], deck(), [], 'Lectern')).rejects.toThrow(/no printed pages/);
  });

  it('counts the pages of a part', async () => {
    expect(await pageCount(await printed(4, { objectStreams }))).toBe(4);
  });
});

describe('Lectern’s own joiner', () => {
  it('takes parts as Chromium prints them, and refuses object streams, updates and encryption', async () => {
    expect(readClassicPdf(await printed(2)).objects.length).toBeGreaterThan(0);
    expect(() => readClassicPdf(Buffer.from('%PDF-1.4\nnot a pdf'))).toThrow(UnsupportedPdf);
    const streamed = await printed(2, { objectStreams: true });
    expect(() => joinPrintedParts([streamed], deck(), [], 'L')).toThrow(UnsupportedPdf);
    const classic = Buffer.from(await printed(1)).toString('latin1');
    for (const key of ['/Prev 9', '/Encrypt 4 0 R']) {
      const changed = Buffer.from(classic.replace(/trailer\s*<</, `trailer\n<<${key}\n`), 'latin1');
      expect(() => readClassicPdf(changed), key).toThrow(UnsupportedPdf);
    }
  });

  it('falls back to pdf-lib from the part that is not as Chromium prints it, keeping every page in order', async () => {
    const parts = new PrintedParts();
    parts.add(await printed(2));
    parts.add(await printed(1, { firstWidth: 200, objectStreams: true }));
    parts.add(await printed(1, { firstWidth: 300 }));
    const { bytes, pageCount: pages } = await parts.finish(deck(), [], 'Lectern');
    expect(pages).toBe(4);
    expect(widths(await PDFDocument.load(bytes))).toEqual([100, 101, 200, 300]);
  });

  it('renumbers references but not text that looks like one, and copies streams byte for byte', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([100, 100]);
    page.drawText('Tide table', { x: 10, y: 10, size: 12 });
    const link = doc.context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [0, 0, 10, 10],
      A: { S: 'URI', URI: PDFString.of('https://example.org/4 0 R?(a)\\)b') },
    });
    page.node.set(PDFName.of('Annots'), doc.context.obj([doc.context.register(link)]));
    const part = await doc.save({ useObjectStreams: false });
    const joined = joinPrintedParts([await printed(3), part], deck(), [], 'L');
    const result = await PDFDocument.load(joined.bytes, { throwOnInvalidObject: true });
    const annotation = result.getPage(3).node.lookup(PDFName.of('Annots'), PDFArray).lookup(0, PDFDict);
    expect(annotation.lookup(PDFName.of('A'), PDFDict).lookup(PDFName.of('URI'), PDFString).decodeText()).toBe('https://example.org/4 0 R?(a))b');
    const contents = (bytes: Uint8Array): Uint8Array[] =>
      readClassicPdf(bytes)
        .objects.filter((object) => object.stream)
        .map((object) => object.stream!);
    for (const stream of contents(part)) expect(contents(joined.bytes).some((candidate) => Buffer.from(candidate).equals(Buffer.from(stream)))).toBe(true);
  });

  it('keeps the named destinations of every part, each pointing at its page', async () => {
    const withDest = async (name: string, firstWidth: number): Promise<Uint8Array> => {
      const doc = await PDFDocument.create();
      const page = doc.addPage([firstWidth, 100]);
      const dests = doc.context.obj({});
      dests.set(PDFName.of(name), doc.context.obj([page.ref, PDFName.of('XYZ'), PDFNumber.of(0), PDFNumber.of(100), PDFNumber.of(0)]));
      doc.catalog.set(PDFName.of('Dests'), doc.context.register(dests));
      return doc.save({ useObjectStreams: false });
    };
    const joined = joinPrintedParts([await withDest('harbour', 100), await withDest('quay', 200)], deck(), [], 'L');
    const doc = await PDFDocument.load(joined.bytes, { throwOnInvalidObject: true });
    const dests = doc.catalog.lookup(PDFName.of('Dests'), PDFDict);
    const pageOf = (name: string): number => {
      const target = dests.lookup(PDFName.of(name), PDFArray).get(0) as PDFRef;
      return doc.getPages().findIndex((page) => page.ref === target || page.ref.toString() === target.toString());
    };
    expect([pageOf('harbour'), pageOf('quay')]).toEqual([0, 1]);
  });

  it('gives the same bytes for the same parts, whichever way they are handed in', async () => {
    const parts = [await printed(2), await printed(2, { firstWidth: 200 })];
    const once = joinPrintedParts(parts, deck(), [{ title: 'A', page: 3 }], 'L').bytes;
    const printedParts = new PrintedParts();
    for (const part of parts) printedParts.add(part);
    const again = (await printedParts.finish(deck(), [{ title: 'A', page: 3 }], 'L')).bytes;
    expect(Buffer.from(once).equals(Buffer.from(again))).toBe(true);
  });
});
