import type { Slide } from '../outline/types.js';

/** Escapes text as Handlebars' `{{…}}` does, so marked notes read exactly like unmarked ones. */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;', '`': '&#x60;', '=': '&#x3D;' };

function escapeAsHandlebars(text: string): string {
  return text.replace(/[&<>"'`=]/g, (character) => ESCAPES[character] ?? character);
}

/**
 * A slide's notes as HTML, one string per paragraph, with the sentences its points were drawn from in bold: the
 * speaker sees what the slide shows and what is background.
 */
export function notesHtml(slide: Slide): string[] {
  const sources = (slide.sources ?? []).filter((sentence) => sentence.trim().length > 0);
  return slide.notes.map((note) => {
    const marks: Array<{ start: number; end: number }> = [];
    for (const sentence of sources) {
      const start = note.indexOf(sentence);
      if (start < 0 || marks.some((mark) => start < mark.end && start + sentence.length > mark.start)) continue;
      marks.push({ start, end: start + sentence.length });
    }
    marks.sort((a, b) => a.start - b.start);
    let html = '';
    let at = 0;
    for (const mark of marks) {
      html += `${escapeAsHandlebars(note.slice(at, mark.start))}<strong>${escapeAsHandlebars(note.slice(mark.start, mark.end))}</strong>`;
      at = mark.end;
    }
    return html + escapeAsHandlebars(note.slice(at));
  });
}
