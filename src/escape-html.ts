const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for use in HTML content or a quoted attribute: the one HTML escape of Lectern's own pages. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

/**
 * Escapes text for HTML content only (&, <, >), as the sanitiser writes inline HTML: markup built from an article's
 * text this way reads back byte for byte when an imported deck is built again.
 */
export function escapeHtmlText(text: string): string {
  return text.replace(/[&<>]/g, (character) => ESCAPES[character] ?? character);
}
