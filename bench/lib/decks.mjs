// Turns the seed article into the same deck in every tool's Markdown dialect.
// The article's text is read at run time and written only under bench/work/ (gitignored).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const SENTENCE_END = /[.!?…]["”’)\]]*\s+(?=["“‘([]?[A-Z0-9])/g;

/** True for a short line without closing punctuation: the plain-text articles' section headings. */
function isHeading(line) {
  return line.length > 0 && line.length < 90 && !/[.!?:;…,"”’)]$/.test(line);
}

/** The first sentence of a paragraph (the slide's point). */
export function leadSentence(paragraph) {
  SENTENCE_END.lastIndex = 20;
  const m = SENTENCE_END.exec(paragraph);
  return m ? paragraph.slice(0, m.index + m[0].trimEnd().length) : paragraph;
}

/** Reads a plain-text article: { title, sections: [{ heading, paragraphs[] }] }. */
export function readArticle(file) {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const base = path.basename(file).replace(/\.[^.]+$/, '');
  const title = base.split(/[-_ ]+/).map((w) => (/\d/.test(w) ? w.toUpperCase() : w[0].toUpperCase() + w.slice(1))).join(' ');
  const sections = [];
  let current = { heading: 'Introduction', paragraphs: [] };
  for (const line of lines) {
    if (isHeading(line)) {
      if (current.paragraphs.length) sections.push(current);
      current = { heading: line, paragraphs: [] };
    } else current.paragraphs.push(line);
  }
  if (current.paragraphs.length) sections.push(current);
  return { title, sections };
}

/**
 * The abstract deck at a scale: a title slide, then `scale` copies of
 * (a slide per section, a slide per paragraph with its lead sentence as the point and the paragraph as the note).
 */
export function buildDeck(article, scale) {
  const slides = [{ kind: 'title', title: article.title }];
  for (let copy = 1; copy <= scale; copy++) {
    for (const s of article.sections) {
      const heading = scale > 1 ? `${s.heading} (${copy})` : s.heading;
      slides.push({ kind: 'section', title: heading });
      for (const p of s.paragraphs) slides.push({ kind: 'points', title: heading, point: leadSentence(p), note: p });
    }
  }
  return { title: article.title, slides };
}

const escMarp = (t) => t.replace(/\$/g, '\\$');

/** Marp dialect: `marp: true` front matter, `---` between slides, notes in HTML comments. */
export function toMarp(deck) {
  const out = [`---\nmarp: true\ntitle: ${deck.title}\n---\n`];
  deck.slides.forEach((s, i) => {
    if (i > 0) out.push('\n---\n');
    if (s.kind === 'title') out.push(`\n# ${s.title}\n`);
    else if (s.kind === 'section') out.push(`\n# ${escMarp(s.title)}\n`);
    else out.push(`\n## ${escMarp(s.title)}\n\n- ${escMarp(s.point)}\n\n<!--\n${s.note}\n-->\n`);
  });
  return out.join('');
}

/** reveal-md dialect: front matter, `---` between slides, `Note:` starts the speaker notes. */
export function toRevealMd(deck) {
  const out = [`---\ntitle: ${deck.title}\n---\n`];
  deck.slides.forEach((s, i) => {
    if (i > 0) out.push('\n---\n');
    if (s.kind === 'title') out.push(`\n# ${s.title}\n`);
    else if (s.kind === 'section') out.push(`\n# ${s.title}\n`);
    else out.push(`\n## ${s.title}\n\n- ${s.point}\n\nNote: ${s.note}\n`);
  });
  return out.join('');
}

/** Lectern dialect: front matter title (the title slide), `##` section, `###` slide title, text, `Note:` line. */
export function toLectern(deck) {
  const out = [`---\ntitle: ${deck.title}\n---\n`];
  for (const s of deck.slides) {
    if (s.kind === 'section') {
      out.push(`\n## ${s.title}\n`);
    } else if (s.kind === 'points') out.push(`\n### ${s.title}\n\n${s.point}\n\nNote: ${s.note}\n`);
  }
  return out.join('');
}

/**
 * A Markdown article of at least `bytes` bytes, as a long article is written: the seed's sections cycled, numbered, each
 * a heading over its paragraphs, which Lectern outlines into slides itself. (A heading per paragraph would pass
 * Lectern's limit of 10,000 headings, which refuses an article built to make each heading a slide.)
 */
export function bigLectern(article, bytes) {
  const out = [`---\ntitle: ${article.title} (large)\n---\n`];
  let size = Buffer.byteLength(out[0]);
  let sections = 0, paragraphs = 0;
  while (size < bytes) {
    for (const s of article.sections) {
      sections++;
      const chunk = `\n## ${sections}. ${s.heading}\n\n${s.paragraphs.join('\n\n')}\n`;
      out.push(chunk);
      size += Buffer.byteLength(chunk);
      paragraphs += s.paragraphs.length;
      if (size >= bytes) break;
    }
  }
  return { text: out.join(''), sections, paragraphs, bytes: size };
}

/** Writes every tool's deck at every scale under workDir; returns the file table and slide counts. */
export function writeDecks(articleFile, workDir, scales, bigBytes) {
  const article = readArticle(articleFile);
  const decks = {};
  for (const scale of scales) {
    const deck = buildDeck(article, scale);
    const dir = path.join(workDir, `x${scale}`);
    mkdirSync(dir, { recursive: true });
    const files = {
      marp: path.join(dir, 'marp.md'),
      revealmd: path.join(dir, 'reveal-md.md'),
      lectern: path.join(dir, 'lectern.md'),
    };
    writeFileSync(files.marp, toMarp(deck));
    writeFileSync(files.revealmd, toRevealMd(deck));
    writeFileSync(files.lectern, toLectern(deck));
    decks[scale] = { slides: deck.slides.length, files, dir };
  }
  let big = null;
  if (bigBytes) {
    const b = bigLectern(article, bigBytes);
    const file = path.join(workDir, 'big', 'lectern-10mb.md');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, b.text);
    big = { file, sections: b.sections, paragraphs: b.paragraphs, bytes: b.bytes };
  }
  return { article, decks, big };
}
