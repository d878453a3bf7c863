/** Reading a PDF's links within the document, for the tests of PDF export and of joining printed parts. */
import { PDFArray, PDFDict, PDFName, PDFRef, type PDFDocument } from 'pdf-lib';

/** Every link to a named destination in the document: the page it is on and the page it opens (-1 for none). */
export function namedLinks(doc: PDFDocument): Array<{ from: number; to: number }> {
  const pages = doc.getPages().map((page) => page.ref.toString());
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const links: Array<{ from: number; to: number }> = [];
  doc.getPages().forEach((page, from) => {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let index = 0; index < (annots?.size() ?? 0); index++) {
      const name = annots?.lookupMaybe(index, PDFDict)?.get(PDFName.of('Dest'));
      if (!(name instanceof PDFName)) continue;
      const target = dests?.lookupMaybe(name, PDFArray)?.get(0);
      links.push({ from, to: target instanceof PDFRef ? pages.indexOf(target.toString()) : -1 });
    }
  });
  return links;
}
