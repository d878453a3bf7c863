/** The export formats, and which one an output's name asks for. */
import { extname, join, sep } from 'node:path';
import { ExitCode, LecternError } from '../errors.js';
import type { FileKind } from '../site/output-guard.js';

export const EXPORT_FORMATS = ['pdf', 'png', 'html', 'pptx', 'txt', 'md', 'brief'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** File name endings that pick a format when none is given. */
const BY_EXTENSION: Readonly<Record<string, ExportFormat>> = {
  '.pdf': 'pdf',
  '.png': 'png',
  '.html': 'html',
  '.htm': 'html',
  '.pptx': 'pptx',
  '.txt': 'txt',
  '.md': 'md',
  '.markdown': 'md',
};

/** The known endings, for messages: `.pdf, .png, …`. */
export const KNOWN_EXTENSIONS = Object.keys(BY_EXTENSION);

/** True when `out` names a folder: it ends with a path separator. */
export function namesFolder(out: string): boolean {
  return out.endsWith('/') || out.endsWith(sep);
}

/**
 * The format of an export: `--format` when given, else the output's ending (`.pptx` → pptx, a folder → png), else
 * `fallback` (the config file's `export.format`, else the settings table's default). An unknown `--format` or ending
 * is a usage error listing the known ones, raised before anything is written.
 */
export function chooseFormat(given: string | undefined, out: string | undefined, fallback: ExportFormat): ExportFormat {
  if (given !== undefined) {
    const format = given.toLowerCase();
    if ((EXPORT_FORMATS as readonly string[]).includes(format)) return format as ExportFormat;
    throw usage(`unknown format \`${given}\`: use one of ${EXPORT_FORMATS.join(', ')}`);
  }
  if (out === undefined) return fallback;
  if (namesFolder(out)) return 'png';
  const extension = extname(out).toLowerCase();
  if (extension === '') return fallback;
  const format = BY_EXTENSION[extension];
  if (format) return format;
  throw usage(`cannot tell the format from \`${extension}\`: known endings are ${KNOWN_EXTENSIONS.join(', ')}`, 'or pass --format');
}

/** Whether the one-page brief is written as HTML (its `--out` ends in `.html` or `.htm`) rather than a PDF. */
export function briefIsHtml(out: string): boolean {
  return /\.html?$/i.test(out);
}

/** What the output guard calls a single-file output of this format (PNG: one image; the brief: PDF or HTML). */
export function fileKind(format: ExportFormat, out = ''): FileKind {
  if (format === 'brief') return briefIsHtml(out) ? 'html' : 'pdf';
  return format === 'md' ? 'markdown' : format === 'txt' ? 'text' : format;
}

/** Where an export goes when `--out` is not given: `dist/<name>.<format>`, PNG `dist/<name>-png/`, the brief `dist/<name>-brief.pdf`. */
export function defaultOut(format: ExportFormat, name: string): string {
  if (format === 'png') return join('dist', `${name}-png`);
  if (format === 'brief') return join('dist', `${name}-brief.pdf`);
  return join('dist', `${name}.${format}`);
}

/** A PNG export to a name ending in `.png` is one image (of one slide); anything else is a folder of images. */
export function isSingleImage(format: ExportFormat, out: string): boolean {
  return format === 'png' && !namesFolder(out) && extname(out).toLowerCase() === '.png';
}

function usage(message: string, hint = 'see `lectern export --help`'): LecternError {
  return new LecternError(message, { exitCode: ExitCode.usage, hint });
}
