/**
 * Makes a pptxgenjs file the same bytes for the same deck, and finishes what pptxgenjs leaves out. pptxgenjs stamps
 * the time of writing into the document's properties and every zip entry, and gives sections random ids; here they
 * become the deck's date and ids counted in order. It also writes a slide's notes as one paragraph with line
 * breaks in it, which PowerPoint shows run together: each line becomes its own paragraph, in the deck's language
 * and direction. The document's keywords are added (pptxgenjs has no field for them).
 */
import JSZip from 'jszip';

export interface StableOptions {
  /** ISO date for the document's created and modified dates. */
  date: string;
  keywords: string;
  lang: string;
  rtl: boolean;
}

/** The time of every zip entry (JSZip stores its UTC fields, so it is the same in every time zone). */
const ZIP_DATE = new Date(Date.UTC(2000, 0, 1));

export async function stabilisePptx(bytes: Uint8Array, options: StableOptions): Promise<Uint8Array> {
  const source = await JSZip.loadAsync(bytes);
  const zip = new JSZip();
  for (const [name, entry] of Object.entries(source.files)) {
    if (entry.dir) continue; // folders are implied by the entries' names
    const rewrite = rewriter(name, options);
    const content = rewrite ? rewrite(await entry.async('string')) : await entry.async('uint8array');
    zip.file(name, content, { date: ZIP_DATE, createFolders: false });
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

function rewriter(name: string, options: StableOptions): ((xml: string) => string) | undefined {
  if (name === 'docProps/core.xml') return (xml) => coreProperties(xml, options);
  if (name === 'ppt/presentation.xml') return sectionIds;
  if (/^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(name)) return (xml) => notesParagraphs(xml, options);
  return undefined;
}

function coreProperties(xml: string, options: StableOptions): string {
  return xml
    .replace(/(<dcterms:(created|modified) xsi:type="dcterms:W3CDTF">)[^<]*(<\/dcterms:\2>)/g, `$1${options.date}$3`)
    .replace('</cp:coreProperties>', `<cp:keywords>${escapeXml(options.keywords)}</cp:keywords></cp:coreProperties>`);
}

function sectionIds(xml: string): string {
  let count = 0;
  return xml.replace(/(<p14:section name="[^"]*" id="\{)[0-9A-Fa-f-]{36}(\}")/g, (_match, before: string, after: string) => {
    count++;
    return `${before}${`00000000-0000-4000-8000-${count.toString(16).padStart(12, '0')}`.toUpperCase()}${after}`;
  });
}

/** The notes body's one paragraph (text already XML-escaped by pptxgenjs) split at its line breaks. */
function notesParagraphs(xml: string, options: StableOptions): string {
  return xml.replace(
    /<a:p><a:r><a:rPr lang="en-US" dirty="0"\/><a:t>([^<]*)<\/a:t><\/a:r><a:endParaRPr lang="en-US" dirty="0"\/><\/a:p>/,
    (_match, text: string) => {
      const lang = escapeXml(options.lang);
      const properties = options.rtl ? '<a:pPr algn="r" rtl="1"/>' : '';
      return text
        .split(/\r?\n/)
        .map((line) => `<a:p>${properties}<a:r><a:rPr lang="${lang}" dirty="0"/><a:t>${line}</a:t></a:r></a:p>`)
        .join('');
    },
  );
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
