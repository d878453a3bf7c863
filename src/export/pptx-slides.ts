/**
 * Each slide layout as native PowerPoint shapes: text boxes, bullet lists, tables and pictures that stay editable.
 * Positions are in inches on a slide of the deck's size at 96 px an inch (16:9: 13.33 × 7.5 in; 4:3: 10 × 7.29 in).
 */
import { figureText } from '../outline/figures.js';
import type { DeckMeta, Point, Slide } from '../outline/types.js';
import { htmlParagraphs } from './html-text.js';
import { fittingSize, wrappedLines, type FitParagraph } from './pptx-fit.js';
import type { PptxTheme } from './pptx-theme.js';

// pptxgenjs's types describe its CommonJS build, where the class and its types hang under `default`.
type PptxSlide = import('pptxgenjs').default.Slide;
type TextRun = import('pptxgenjs').default.TextProps;
type TextOptions = import('pptxgenjs').default.TextPropsOptions;
type TableRow = import('pptxgenjs').default.TableRow;

const MARGIN = 0.5;
/** CSS pixels an inch: a deck of 1280 × 720 px is a 13.33 × 7.5 in presentation, PowerPoint's own 16:9. */
const PIXELS_PER_INCH = 96;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The slide's size in inches, and where titles and bodies go on it. */
export interface Frame {
  w: number;
  h: number;
  contentW: number;
  title: Box;
  body: Box;
}

export function frameFor(size: { width: number; height: number }): Frame {
  const w = size.width / PIXELS_PER_INCH;
  const h = size.height / PIXELS_PER_INCH;
  const contentW = w - 2 * MARGIN;
  return { w, h, contentW, title: { x: MARGIN, y: 0.25, w: contentW, h: 1.2 }, body: { x: MARGIN, y: 1.5, w: contentW, h: h - 1.5 - 0.45 } };
}

/** An image the slide may show: its bytes (as a data URL) and pixel size, already checked against the article's roots. */
export interface SlideImage {
  data: string;
  width: number;
  height: number;
}

/** What every slide is drawn with. */
export interface SlideContext {
  meta: DeckMeta;
  theme: PptxTheme;
  /** The slide's size and boxes. */
  frame: Frame;
  /** The checked local image for an image slide, if it has one PowerPoint can show. */
  image?: SlideImage;
}

/** Draws `slide` onto the PowerPoint slide `target`. */
export function drawSlide(target: PptxSlide, slide: Slide, context: SlideContext): void {
  const draw = DRAW[slide.layout];
  draw(target, slide, context);
}

const DRAW: Record<Slide['layout'], (target: PptxSlide, slide: Slide, context: SlideContext) => void> = {
  title: drawTitleSlide,
  section: drawSection,
  agenda: (target, slide, context) => drawList(target, slide, context, true),
  points: (target, slide, context) => drawList(target, slide, context, slide.ordered === true),
  list: (target, slide, context) => drawList(target, slide, context, slide.ordered === true),
  closing: (target, slide, context) => drawList(target, slide, context, false),
  comparison: drawComparison,
  quote: drawQuote,
  figure: drawFigure,
  timeline: drawTimeline,
  code: drawCode,
  table: drawTable,
  image: drawImage,
  html: drawHtml,
};

/** Paragraph options: right-to-left decks set it on every paragraph, since a run's options replace the box's. */
function paragraph(context: SlideContext, extra: TextOptions = {}): TextOptions {
  return { breakLine: true, ...(context.meta.dir === 'rtl' ? { rtlMode: true } : {}), ...extra };
}

/** Options every text box shares: the deck's language, direction, font and colour, and shrinking as a last guard. */
function textOptions(context: SlideContext, extra: TextOptions): TextOptions {
  const rtl = context.meta.dir === 'rtl';
  return {
    fontFace: context.theme.font,
    color: context.theme.text,
    lang: context.meta.lang,
    align: rtl ? 'right' : 'left',
    valign: 'top',
    ...(rtl ? { rtlMode: true } : {}),
    ...extra,
  };
}

function drawHeading(target: PptxSlide, text: string, context: SlideContext, box = context.frame.title, max = 32): void {
  const size = fittingSize([{ text }], box, { max, min: 14, paragraphSpace: 0 });
  target.addText(text, textOptions(context, { ...box, fontSize: size, bold: true, color: context.theme.heading, valign: 'bottom' }));
}

function drawTitleSlide(target: PptxSlide, slide: Slide, context: SlideContext): void {
  const title = slide.title ?? context.meta.title;
  const box = { ...besideBar(context), y: 1.4, h: 2.2 };
  accentBar(target, context, box.y + 0.15, box.h - 0.3);
  drawHeading(target, title, context, box, 44);
  let y = box.y + box.h + 0.2;
  if (slide.subtitle) {
    const subtitle = { x: box.x, y, w: box.w, h: 1.0 };
    target.addText(slide.subtitle, textOptions(context, { ...subtitle, fontSize: fittingSize([{ text: slide.subtitle }], subtitle, { max: 26, min: 12 }) }));
    y += 1.1;
  }
  const bylines = (slide.points ?? []).map((point) => point.text);
  if (bylines.length > 0) {
    const byline = { x: box.x, y, w: box.w, h: Math.max(0.6, context.frame.h - y - 0.4) };
    const size = fittingSize(
      bylines.map((text) => ({ text })),
      byline,
      { max: 18, min: 10 },
    );
    target.addText(
      bylines.map((text) => ({ text, options: paragraph(context) })),
      textOptions(context, { ...byline, fontSize: size, color: context.theme.accent }),
    );
  }
}

function drawSection(target: PptxSlide, slide: Slide, context: SlideContext): void {
  const box = { ...besideBar(context), y: 2.4, h: 2.4 };
  accentBar(target, context, box.y + 0.3, box.h - 0.6);
  const title = slide.title ?? '';
  const size = fittingSize([{ text: title }], box, { max: 40, min: 16, paragraphSpace: 0 });
  target.addText(title, textOptions(context, { ...box, fontSize: size, bold: true, color: context.theme.heading, valign: 'middle' }));
}

/** The part of the content width beside the accent bar, which stands at the start of the reading direction. */
function besideBar(context: SlideContext, gap = 0.35): { x: number; w: number } {
  return { x: context.meta.dir === 'rtl' ? MARGIN : MARGIN + gap, w: context.frame.contentW - gap };
}

function accentBar(target: PptxSlide, context: SlideContext, y: number, h: number): void {
  const x = context.meta.dir === 'rtl' ? context.frame.w - MARGIN - 0.12 : MARGIN;
  target.addShape('rect', { x, y, w: 0.12, h, fill: { color: context.theme.accent }, line: { color: context.theme.accent, width: 0 } });
}

/** The sentence that leads into a slide's content, under its title; returns the body box left below it. */
function drawLead(target: PptxSlide, slide: Slide, context: SlideContext): Box {
  if (!slide.subtitle) return context.frame.body;
  const lead = { ...context.frame.body, h: 1.0 };
  target.addText(
    slide.subtitle,
    textOptions(context, { ...lead, fontSize: fittingSize([{ text: slide.subtitle }], lead, { max: 22, min: 11 }), italic: true }),
  );
  return { ...context.frame.body, y: context.frame.body.y + 1.1, h: context.frame.body.h - 1.1 };
}

/** Points (with nested points) as one bullet list, numbered when the slide is ordered. */
function drawList(target: PptxSlide, slide: Slide, context: SlideContext, ordered: boolean): void {
  drawHeading(target, slide.title ?? '', context);
  addBullets(target, slide.points ?? [], drawLead(target, slide, context), context, { ordered, max: 26 });
}

function flatten(points: readonly Point[], level = 0): Array<{ text: string; level: number }> {
  return points.flatMap((point) => [{ text: point.text, level }, ...flatten(point.children ?? [], level + 1)]);
}

const INDENT = 0.4;

function addBullets(
  target: PptxSlide,
  points: readonly Point[],
  box: { x: number; y: number; w: number; h: number },
  context: SlideContext,
  options: { ordered: boolean; max: number },
): void {
  const items = flatten(points);
  if (items.length === 0) return;
  const paragraphs: FitParagraph[] = items.map((item) => ({ text: item.text, indent: INDENT * (item.level + 1) }));
  const size = fittingSize(paragraphs, box, { max: options.max, min: 9 });
  const runs: TextRun[] = items.map((item) => ({
    text: item.text,
    options: paragraph(context, {
      bullet: options.ordered && item.level === 0 ? { type: 'number', indent: 24 } : { indent: 24 },
      indentLevel: item.level,
      paraSpaceAfter: Math.round(size * 0.4),
    }),
  }));
  target.addText(runs, textOptions(context, { ...box, fontSize: size }));
}

function drawComparison(target: PptxSlide, slide: Slide, context: SlideContext): void {
  drawHeading(target, slide.title ?? '', context);
  let top = context.frame.body.y;
  if (slide.subtitle) {
    const lead = { ...context.frame.body, h: 1.0 };
    target.addText(
      slide.subtitle,
      textOptions(context, { ...lead, fontSize: fittingSize([{ text: slide.subtitle }], lead, { max: 22, min: 11 }), italic: true }),
    );
    top += 1.1;
  }
  const sides = slide.points ?? [];
  const gap = 0.3;
  const w = (context.frame.contentW - gap * (sides.length - 1)) / Math.max(1, sides.length);
  const h = context.frame.body.y + context.frame.body.h - top;
  const texts = sides.map((side) => [side.text, ...flatten(side.children ?? []).map((child) => child.text)]);
  // One size for every side, the smallest any side needs, so the sides read as equals.
  const size = Math.min(
    ...texts.map((lines) =>
      fittingSize(
        lines.map((text) => ({ text })),
        { w, h },
        { max: 24, min: 9 },
      ),
    ),
  );
  const order = context.meta.dir === 'rtl' ? [...texts].reverse() : texts;
  order.forEach((lines, index) => {
    const box = { x: MARGIN + index * (w + gap), y: top, w, h };
    target.addShape('rect', { ...box, fill: { color: context.theme.panel }, line: { color: context.theme.accent, width: 1 } });
    target.addText(
      lines.map((text) => ({ text, options: paragraph(context, { paraSpaceAfter: Math.round(size * 0.4) }) })),
      textOptions(context, { ...box, fontSize: size, valign: 'middle' }),
    );
  });
}

function drawQuote(target: PptxSlide, slide: Slide, context: SlideContext): void {
  if (slide.title) drawHeading(target, slide.title, context, { ...context.frame.title, h: 0.8 }, 20);
  const quote = slide.quote ?? { text: '' };
  const below = drawLead(target, slide, context).y - context.frame.body.y;
  const box = { ...besideBar(context, 0.5), y: 1.5 + below, h: 4.2 - below };
  accentBar(target, context, box.y, box.h);
  const size = fittingSize([{ text: quote.text }], box, { max: 32, min: 11 });
  target.addText(quote.text, textOptions(context, { ...box, fontSize: size, italic: true, valign: 'middle' }));
  if (quote.attribution) {
    const cite = { x: box.x, y: box.y + box.h + 0.15, w: box.w, h: 0.8 };
    const text = `— ${quote.attribution}`;
    target.addText(text, textOptions(context, { ...cite, fontSize: fittingSize([{ text }], cite, { max: 22, min: 10 }), color: context.theme.accent }));
  }
}

function drawFigure(target: PptxSlide, slide: Slide, context: SlideContext): void {
  drawHeading(target, slide.title ?? '', context);
  const body = drawLead(target, slide, context);
  const figures = slide.figures ?? [];
  const points = slide.points ?? [];
  const gap = 0.3;
  const w = (context.frame.contentW - gap * (figures.length - 1)) / Math.max(1, figures.length);
  const valueH = 1.3;
  const captionH = points.length > 0 ? 1.2 : 2.6;
  const valueSize = Math.min(
    ...figures.map((figure) => fittingSize([{ text: figureText(figure) }], { w, h: valueH }, { max: 54, min: 16, paragraphSpace: 0 })),
  );
  const captionSize = Math.min(...figures.map((figure) => fittingSize([{ text: figure.caption }], { w, h: captionH }, { max: 20, min: 9 })));
  const order = context.meta.dir === 'rtl' ? [...figures].reverse() : figures;
  order.forEach((figure, index) => {
    const x = MARGIN + index * (w + gap);
    target.addText(
      figureText(figure),
      textOptions(context, { x, y: body.y, w, h: valueH, fontSize: valueSize, bold: true, color: context.theme.accent, align: 'center', valign: 'bottom' }),
    );
    target.addText(figure.caption, textOptions(context, { x, y: body.y + valueH, w, h: captionH, fontSize: captionSize, align: 'center' }));
  });
  if (points.length > 0) {
    const top = body.y + valueH + captionH + 0.2;
    addBullets(target, points, { ...body, y: top, h: body.y + body.h - top }, context, { ordered: false, max: 20 });
  }
}

/** Events a timeline lays across the slide; more run down it (as the theme's CSS lays them out). */
const ACROSS_EVENTS = 4;

/**
 * A line with a marker per event. Up to four events run across the slide, each date above the line and its text below;
 * more run down it, the dates in a column at the start and each text beside its date.
 */
function drawTimeline(target: PptxSlide, slide: Slide, context: SlideContext): void {
  drawHeading(target, slide.title ?? '', context);
  const body = drawLead(target, slide, context);
  const events = slide.events ?? [];
  if (events.length === 0) return;
  if (events.length <= ACROSS_EVENTS) drawTimelineAcross(target, events, body, context);
  else drawTimelineDown(target, events, body, context);
}

type Events = NonNullable<Slide['events']>;

/** The timeline's line, quieter than the text. */
function timelineLine(target: PptxSlide, context: SlideContext, box: Box): void {
  target.addShape('line', { ...box, line: { color: context.theme.text, width: 1.5, transparency: 60 } });
}

function timelineMarker(target: PptxSlide, context: SlideContext, x: number, y: number, size: number): void {
  const d = Math.min(0.22, (size * 0.6) / 72);
  target.addShape('ellipse', {
    x: x - d / 2,
    y: y - d / 2,
    w: d,
    h: d,
    fill: { color: context.theme.background },
    line: { color: context.theme.accent, width: 2 },
  });
}

function drawTimelineAcross(target: PptxSlide, events: Events, body: Box, context: SlideContext): void {
  const rtl = context.meta.dir === 'rtl';
  const gap = 0.3;
  const w = (context.frame.contentW - gap * (events.length - 1)) / events.length;
  const dateH = 0.7;
  const lineY = body.y + dateH + 0.2;
  const textY = lineY + 0.3;
  const textH = body.y + body.h - textY;
  const dateSize = Math.min(...events.map((event) => fittingSize([{ text: event.date || ' ' }], { w, h: dateH }, { max: 28, min: 10, paragraphSpace: 0 })));
  const size = Math.min(...events.map((event) => fittingSize([{ text: event.text }], { w, h: textH }, { max: 22, min: 9, paragraphSpace: 0 })));
  // Columns from the start of the reading direction; a marker stands over the start of its text (the box's inset in).
  const xOf = (index: number): number => (rtl ? context.frame.w - MARGIN - (index + 1) * w - index * gap : MARGIN + index * (w + gap));
  const markerX = (index: number): number => (rtl ? xOf(index) + w - 0.15 : xOf(index) + 0.15);
  if (events.length > 1) {
    const ends = [markerX(0), markerX(events.length - 1)];
    timelineLine(target, context, { x: Math.min(...ends), y: lineY, w: Math.abs(ends[1]! - ends[0]!), h: 0 });
  }
  events.forEach((event, index) => {
    const x = xOf(index);
    target.addText(
      event.date,
      textOptions(context, { x, y: body.y, w, h: dateH, fontSize: dateSize, bold: true, color: context.theme.accent, valign: 'bottom' }),
    );
    timelineMarker(target, context, markerX(index), lineY, dateSize);
    target.addText(event.text, textOptions(context, { x, y: textY, w, h: textH, fontSize: size }));
  });
}

function drawTimelineDown(target: PptxSlide, events: Events, body: Box, context: SlideContext): void {
  const rtl = context.meta.dir === 'rtl';
  const dateW = Math.min(2.4, context.frame.contentW * 0.24);
  const gap = 0.25;
  const textW = context.frame.contentW - dateW - 2 * gap;
  const rowH = Math.min(1.2, body.h / events.length);
  // One size for every row, the smallest any date or text needs, so the events read as equals.
  const size = Math.min(
    ...events.map((event) => fittingSize([{ text: event.date || ' ' }], { w: dateW, h: rowH }, { max: 22, min: 9, paragraphSpace: 0 })),
    ...events.map((event) => fittingSize([{ text: event.text }], { w: textW, h: rowH }, { max: 22, min: 9, paragraphSpace: 0 })),
  );
  // Positions from the start of the reading direction, mirrored for right-to-left decks.
  const at = (x: number, w: number): number => (rtl ? context.frame.w - MARGIN - x - w : MARGIN + x);
  const lineX = at(dateW + gap, 0);
  // A marker sits at the middle of its text's first line: half a line below the text box's top inset.
  const middle = 0.05 + (size * 1.2) / 72 / 2;
  if (events.length > 1) timelineLine(target, context, { x: lineX, y: body.y + middle, w: 0, h: (events.length - 1) * rowH });
  events.forEach((event, index) => {
    const y = body.y + index * rowH;
    target.addText(
      event.date,
      textOptions(context, { x: at(0, dateW), y, w: dateW, h: rowH, fontSize: size, bold: true, color: context.theme.accent, align: rtl ? 'left' : 'right' }),
    );
    timelineMarker(target, context, lineX, y + middle, size);
    target.addText(event.text, textOptions(context, { x: at(dateW + 2 * gap, textW), y, w: textW, h: rowH, fontSize: size }));
  });
}

function drawCode(target: PptxSlide, slide: Slide, context: SlideContext): void {
  drawHeading(target, slide.title ?? '', context);
  const body = drawLead(target, slide, context);
  const lines = (slide.code?.code ?? '').replace(/\t/g, '  ').split('\n');
  const size = fittingSize(
    lines.map((text) => ({ text })),
    body,
    { max: 20, min: 7, glyphWidth: 0.6, paragraphSpace: 0, lineHeight: 1.15, wrap: false },
  );
  target.addText(
    lines.map((text) => ({ text: text === '' ? ' ' : text, options: { breakLine: true } })),
    {
      ...body,
      fontFace: context.theme.codeFont,
      fontSize: size,
      color: context.theme.text,
      fill: { color: context.theme.panel },
      valign: 'top',
      align: 'left', // code reads left to right in every language
      lang: context.meta.lang,
    },
  );
}

function drawTable(target: PptxSlide, slide: Slide, context: SlideContext): void {
  drawHeading(target, slide.title ?? '', context);
  const body = drawLead(target, slide, context);
  const table = slide.table ?? { header: [], rows: [], align: [] };
  const columns = Math.max(table.header.length, ...table.rows.map((row) => row.length), 1);
  const rows = [table.header, ...table.rows];
  const colW = context.frame.contentW / columns;
  // Row heights are given, from the lines each row's fullest cell wraps into: LibreOffice scales a table whose frame
  // is smaller than its rows down to the frame. The size is the largest at which every row fits the body's height.
  const heightsAt = (size: number): number[] => rows.map((row) => (Math.max(1, ...row.map((cell) => wrappedLines(cell, colW, size))) * size * 1.2) / 72 + 0.12);
  let size = 20;
  while (size > 7 && heightsAt(size).reduce((sum, height) => sum + height, 0) > body.h) size--;
  const rowH = heightsAt(size);
  const align = (index: number): 'left' | 'center' | 'right' => table.align[index] ?? (context.meta.dir === 'rtl' ? 'right' : 'left');
  const cells: TableRow[] = rows.map((row, rowIndex) =>
    Array.from({ length: columns }, (_unused, index) => ({
      text: row[index] ?? '',
      options: {
        bold: rowIndex === 0,
        align: align(index),
        ...(rowIndex === 0 ? { fill: { color: context.theme.panel }, color: context.theme.heading } : {}),
      },
    })),
  );
  target.addTable(cells, {
    ...body,
    h: rowH.reduce((sum, height) => sum + height, 0),
    rowH,
    colW: Array.from({ length: columns }, () => colW),
    fontFace: context.theme.font,
    fontSize: size,
    color: context.theme.text,
    border: { type: 'solid', pt: 0.75, color: context.theme.heading },
    valign: 'top',
    autoPage: false,
    lang: context.meta.lang,
    ...(context.meta.dir === 'rtl' ? { rtlMode: true } : {}),
  });
}

function drawImage(target: PptxSlide, slide: Slide, context: SlideContext): void {
  drawHeading(target, slide.title ?? '', context);
  const image = slide.image;
  const caption = image?.alt || image?.title || image?.src || '';
  const captionBox = { x: MARGIN, y: context.frame.body.y + context.frame.body.h - 0.6, w: context.frame.contentW, h: 0.6 };
  const area = { x: MARGIN, y: context.frame.body.y, w: context.frame.contentW, h: context.frame.body.h - 0.7 };
  if (context.image) {
    // Scaled to fit the area, centred, keeping its proportions.
    const scale = Math.min(area.w / context.image.width, area.h / context.image.height);
    const w = context.image.width * scale;
    const h = context.image.height * scale;
    target.addImage({ data: context.image.data, x: area.x + (area.w - w) / 2, y: area.y + (area.h - h) / 2, w, h, altText: caption });
  }
  if (caption) {
    target.addText(
      caption,
      textOptions(context, {
        ...(context.image ? captionBox : area),
        fontSize: fittingSize([{ text: caption }], captionBox, { max: 18, min: 9 }),
        align: 'center',
        italic: true,
      }),
    );
  }
}

function drawHtml(target: PptxSlide, slide: Slide, context: SlideContext): void {
  drawHeading(target, slide.title ?? '', context);
  const paragraphs = htmlParagraphs(slide.html ?? '');
  const size = fittingSize(
    paragraphs.map((text) => ({ text })),
    context.frame.body,
    { max: 24, min: 9 },
  );
  target.addText(
    paragraphs.map((text) => ({ text, options: paragraph(context, { paraSpaceAfter: Math.round(size * 0.4) }) })),
    textOptions(context, { ...context.frame.body, fontSize: size }),
  );
}
