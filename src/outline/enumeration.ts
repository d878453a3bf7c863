/** Finds an enumeration such as "three lenses: (1) … (2) … (3) …" in a paragraph. */

export interface Enumeration {
  /** The words that introduce the list ("There are three lenses through which we should look at …"). */
  lead: string;
  items: string[];
}

const MARKER = /\((\d{1,2}|[a-z]|[ivx]{1,4})\)\s*/gi;

/** Splits a paragraph at (1) (2) (3) markers; needs at least two items in order. */
export function findEnumeration(paragraph: string): Enumeration | undefined {
  const markers = [...paragraph.matchAll(MARKER)];
  if (markers.length < 2 || markers.length > 9) return undefined;
  const labels = markers.map((match) => (match[1] ?? '').toLowerCase());
  const numeric = labels.every((label, index) => label === String(index + 1));
  const alphabetic = labels.every((label, index) => label === String.fromCharCode(97 + index));
  if (!numeric && !alphabetic) return undefined;
  const first = markers[0];
  if (!first || first.index === undefined) return undefined;
  const lead = paragraph
    .slice(0, first.index)
    .replace(/[\s:;,—–-]+$/, '')
    .trim();
  const items: string[] = [];
  markers.forEach((match, index) => {
    const start = (match.index ?? 0) + match[0].length;
    const end = markers[index + 1]?.index ?? paragraph.length;
    const item = paragraph
      .slice(start, end)
      .replace(/^(?:and|or)\s+(?:the\s+)?/i, (opener) => (/the\s+$/i.test(opener) ? 'the ' : ''))
      .replace(/[\s;,.]+(?:and|or)?[\s;,.]*$/i, '')
      .trim();
    if (item) items.push(item.charAt(0).toUpperCase() + item.slice(1));
  });
  return items.length >= 2 && lead.split(/\s+/).length >= 2 ? { lead, items } : undefined;
}
