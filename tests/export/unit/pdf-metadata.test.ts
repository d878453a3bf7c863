import { PDFDict, PDFDocument, PDFName, PDFString, PDFHexString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { deckDate, finishPdf } from '../../../src/export/pdf-metadata.js';
import type { Deck } from '../../../src/outline/types.js';

/** A PDF as Chromium prints it: pages, and an Info dictionary stamped with the time of printing. */
async function printed(pages: number, stamp = new Date('2031-05-06T07:08:09Z')): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let n = 0; n < pages; n++) doc.addPage([960, 700]);
  doc.setCreationDate(stamp);
  doc.setModificationDate(stamp);
  return doc.save();
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

describe('deckDate', () => {
  it('reads an ISO date and refuses what is not a date', () => {
    expect(deckDate('2030-03-14')?.toISOString()).toBe('2030-03-14T00:00:00.000Z');
    expect(deckDate('next spring')).toBeUndefined();
    expect(deckDate(undefined)).toBeUndefined();
    expect(deckDate('')).toBeUndefined();
  });
});

describe('finishPdf', () => {
  it('writes the deck’s metadata and one bookmark per section, each opening its page', async () => {
    const { bytes, pageCount } = await finishPdf(
      [await printed(3)],
      deck({ author: 'Ines Duarte', subtitle: 'Reading the sea', lang: 'pt', date: '2030-03-14' }, ['Morning', 'Evening']),
      [
        { title: 'Morning', page: 0 },
        { title: 'Evening', page: 2 },
      ],
      'Lectern 9.9.9',
    );
    expect(pageCount).toBe(3);
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getTitle()).toBe('Harbour Tides');
    expect(doc.getAuthor()).toBe('Ines Duarte');
    expect(doc.getSubject()).toBe('Reading the sea');
    expect(doc.getKeywords()).toBe('Morning; Evening');
    expect(doc.getCreator()).toBe('Lectern');
    expect(doc.getProducer()).toBe('Lectern 9.9.9');
    expect(doc.getCreationDate()?.toISOString()).toBe('2030-03-14T00:00:00.000Z');
    expect(text(doc.catalog.get(PDFName.of('Lang')))).toBe('pt');

    const outlines = doc.context.lookup(doc.catalog.get(PDFName.of('Outlines')), PDFDict);
    expect(outlines.get(PDFName.of('Count'))?.toString()).toBe('2');
    const titles: string[] = [];
    const targets: number[] = [];
    const pageRefs = doc.getPages().map((page) => page.ref.toString());
    for (let ref = outlines.get(PDFName.of('First')); ref;) {
      const entry = doc.context.lookup(ref, PDFDict);
      titles.push(text(entry.get(PDFName.of('Title'))) ?? '');
      const dest = entry.get(PDFName.of('Dest'))?.toString() ?? '';
      targets.push(pageRefs.findIndex((page) => dest.includes(page)));
      ref = entry.get(PDFName.of('Next'));
    }
    expect(titles).toEqual(['Morning', 'Evening']);
    expect(targets).toEqual([0, 2]);
  });

  it('joins parts in order into one document', async () => {
    const { pageCount, bytes } = await finishPdf([await printed(2), await printed(3), await printed(1)], deck(), [], 'Lectern');
    expect(pageCount).toBe(6);
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(6);
  });

  it('drops the printing time without a deck date, so the same deck gives the same bytes', async () => {
    const first = await finishPdf([await printed(1, new Date('2031-01-01T00:00:00Z'))], deck(), [], 'Lectern');
    const second = await finishPdf([await printed(1, new Date('2032-02-02T00:00:00Z'))], deck(), [], 'Lectern');
    expect(Buffer.from(first.bytes).equals(Buffer.from(second.bytes))).toBe(true);
    const doc = await PDFDocument.load(first.bytes, { updateMetadata: false });
    expect(doc.getCreationDate()).toBeUndefined();
    expect(doc.getModificationDate()).toBeUndefined();
  });

  it('skips bookmarks to pages the document does not have, and writes no outline for none', async () => {
    const some = await PDFDocument.load(
      (
        await finishPdf(
          [await printed(2)],
          deck(),
          [
            { title: 'Gone', page: 5 },
            { title: 'Here', page: 1 },
          ],
          'L',
        )
      ).bytes,
    );
    const outlines = some.context.lookup(some.catalog.get(PDFName.of('Outlines')), PDFDict);
    expect(outlines.get(PDFName.of('Count'))?.toString()).toBe('1');
    const none = await PDFDocument.load((await finishPdf([await printed(2)], deck(), [{ title: 'Gone', page: -1 }], 'L')).bytes);
    expect(none.catalog.get(PDFName.of('Outlines'))).toBeUndefined();
  });

  it('refuses to finish nothing', async () => {
    await expect(finishPdf([], deck(), [], 'Lectern')).rejects.toThrow(/no printed pages/);
  });
});
