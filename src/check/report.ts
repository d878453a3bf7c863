import type { Article } from '../article/types.js';
import { measureCoverage, type Coverage } from '../outline/coverage.js';
import { visibleText } from '../outline/outline.js';
import { countWords } from '../outline/sentences.js';
import type { Deck } from '../outline/types.js';

/** What the browser measured for one slide. */
export interface MeasuredSlide {
  /** Pixels the content reaches past the slide's frame (the deck's size) after shrinking. */
  x: number;
  y: number;
  /** Scale the text was shrunk to (1 = none). */
  scale: number;
}

export interface SlideReport {
  index: number;
  id: string;
  layout: string;
  title: string;
  overflowX: number;
  overflowY: number;
  scale: number;
  visibleWords: number;
  points: number;
  notesWords: number;
  timing: number;
}

export interface CheckReport {
  file: string;
  slides: SlideReport[];
  coverage: Coverage;
  overflowing: number;
  plannedSeconds: number;
  ok: boolean;
}

/** Combines the deck, its coverage and the browser's measurements into the check report. Pure. */
export function buildReport(article: Article, deck: Deck, measured: MeasuredSlide[]): CheckReport {
  const lang = deck.meta.lang;
  const slides = deck.slides.map((slide, index): SlideReport => {
    const measure = measured[index] ?? { x: 0, y: 0, scale: 1 };
    return {
      index: index + 1,
      id: slide.id,
      layout: slide.layout,
      title: slide.title ?? '',
      overflowX: Math.round(measure.x),
      overflowY: Math.round(measure.y),
      scale: measure.scale,
      visibleWords: countWords(visibleText(slide), lang),
      points: slide.points?.length ?? 0,
      notesWords: countWords(slide.notes.join(' '), lang),
      timing: slide.timing,
    };
  });
  const coverage = measureCoverage(article, deck);
  const overflowing = slides.filter((slide) => slide.overflowX > 1 || slide.overflowY > 1).length;
  return { file: deck.file, slides, coverage, overflowing, plannedSeconds: deck.meta.totalTime, ok: overflowing === 0 && coverage.missing.length === 0 };
}

/** The report as a table for people. */
export function formatReport(report: CheckReport): string {
  const header = ['#', 'layout', 'overflow', 'fit', 'words', 'points', 'notes', 'time', 'title'];
  const rows = report.slides.map((slide) => [
    String(slide.index),
    slide.layout,
    slide.overflowX > 1 || slide.overflowY > 1 ? `${slide.overflowX}×${slide.overflowY}px` : '-',
    slide.scale < 1 ? `${Math.round(slide.scale * 100)}%` : '-',
    String(slide.visibleWords),
    String(slide.points),
    String(slide.notesWords),
    `${slide.timing}s`,
    slide.title.length > 48 ? `${slide.title.slice(0, 47)}…` : slide.title,
  ]);
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  const { coverage } = report;
  const percent = coverage.sentences === 0 ? 100 : ((coverage.onSlides + coverage.inNotes) / coverage.sentences) * 100;
  const minutes = `${Math.floor(report.plannedSeconds / 60)}:${String(report.plannedSeconds % 60).padStart(2, '0')}`;
  const summary = [
    `${report.file}: ${report.slides.length} slides, ${minutes} planned, ${report.overflowing} overflowing`,
    `coverage: ${coverage.sentences} sentences, ${coverage.onSlides} on slides, ${coverage.inNotes} in notes, ${coverage.missing.length} missing (${percent.toFixed(1)} %)`,
    ...coverage.missing.map((sentence) => `  missing, line ${sentence.line}: ${sentence.text}`),
  ];
  return [line(header), ...rows.map(line), '', ...summary].join('\n');
}
