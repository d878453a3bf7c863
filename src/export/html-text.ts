import { decodeHTMLStrict } from 'entities';

/** Sanitised HTML → its text, one paragraph per block element or line break (for formats that show no HTML). */
export function htmlParagraphs(html: string): string[] {
  const text = html
    .replace(/<(?:br|hr)\b[^>]*>/gi, '\n')
    .replace(
      /<\/(?:p|div|li|h[1-6]|tr|blockquote|pre|figcaption|figure|caption|dt|dd|dl|section|article|aside|header|footer|nav|main|details|summary|table|ul|ol)>/gi,
      '\n',
    )
    .replace(/<\/(?:td|th)>/gi, '\t')
    .replace(/<[^>]*>/g, '');
  return decodeHTMLStrict(text)
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\v]+/g, ' ').trim())
    .filter(Boolean);
}
