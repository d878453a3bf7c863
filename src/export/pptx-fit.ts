/**
 * How large text may be set in a PowerPoint text box without running out of it. PowerPoint applies its own
 * "shrink text on overflow" only once someone edits the box, and LibreOffice only on screen, so the size is chosen
 * here from an estimate of the lines each paragraph wraps into; the box also asks for shrinking, as a second guard.
 */

/** One paragraph to fit: its text and how far it is indented (list nesting), in inches. */
export interface FitParagraph {
  text: string;
  indent?: number;
}

export interface FitBox {
  /** Inches. */
  w: number;
  h: number;
}

export interface FitRange {
  /** Points. */
  max: number;
  min: number;
  /** Line height as a multiple of the size (default 1.2). */
  lineHeight?: number;
  /** Space after each paragraph, as a multiple of the size (default 0.4). */
  paragraphSpace?: number;
  /** Average glyph width as a multiple of the size (default 0.55; monospace 0.6). */
  glyphWidth?: number;
  /** Whether lines wrap; code does not, so its longest line sets the width. */
  wrap?: boolean;
}

/** Inner margin PowerPoint gives a text box on each side, in inches. */
const INSET = 0.1;

/** Width of a text in ems of average glyphs: wide (CJK, full-width) characters count twice. */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 1.8 : 1;
  return width;
}

/** Lines a paragraph wraps into in a box `w` inches wide at `size` points. */
export function wrappedLines(text: string, w: number, size: number, glyphWidth = 0.55, indent = 0): number {
  const width = (w - 2 * INSET - indent) * 72;
  // Whole words wrap, so a line holds a little less than its width: 10 % kept for that.
  return Math.max(1, Math.ceil((textWidth(text) * glyphWidth * size) / (width * 0.9)));
}

/** The largest whole point size from `range.max` down to `range.min` at which the paragraphs fit the box. */
export function fittingSize(paragraphs: readonly FitParagraph[], box: FitBox, range: FitRange): number {
  const { lineHeight = 1.2, paragraphSpace = 0.4, glyphWidth = 0.55, wrap = true } = range;
  const height = (box.h - 2 * INSET) * 72;
  for (let size = range.max; size > range.min; size--) {
    const lines = paragraphs.reduce((sum, paragraph) => sum + (wrap ? wrappedLines(paragraph.text, box.w, size, glyphWidth, paragraph.indent) : 1), 0);
    const fitsHeight = lines * size * lineHeight + paragraphs.length * size * paragraphSpace <= height;
    const fitsWidth = wrap || paragraphs.every((paragraph) => textWidth(paragraph.text) * glyphWidth * size <= (box.w - 2 * INSET) * 72);
    if (fitsHeight && fitsWidth) return size;
  }
  return range.min;
}
