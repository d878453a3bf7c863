/**
 * What an output may replace. Lectern replaces a folder only when it does not exist, is empty, or holds the marker
 * file Lectern writes into every output folder; a file only when it is of the output's own type. `--force` lifts
 * those two rules, never the last one: no output is written onto the source, and no output folder may hold the
 * source or the working folder.
 */
import { lstat, readdir, readFile, realpath } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { ExitCode, LecternError } from '../errors.js';
import { isStandardInput } from '../article/stdin.js';
import { isInside } from '../files/roots.js';

/** The marker file in every output folder Lectern writes. */
export const OUTPUT_MARKER = '.lectern-output';
const MARKER_SIGNATURE = 'lectern-output 1 ';

/** What an output folder holds, recorded in its marker. */
export type FolderKind = 'site' | 'png';
/** What a single-file output is. */
export type FileKind = 'pdf' | 'html' | 'markdown' | 'pptx' | 'png' | 'text';

export interface OutputRules {
  /** `--force`: replace a folder or file Lectern cannot tell it wrote. */
  force?: boolean;
  /** Files the output must never replace or contain: the source article. */
  protect?: string[];
}

/** The files an output of `deckFile` must protect: the article itself (none when it came from stdin). */
export function sourceFiles(deckFile: string): string[] {
  return isStandardInput(deckFile) ? [] : [deckFile];
}

/** The marker's text: a signature line Lectern recognises, then a word for whoever finds it. */
export function markerText(kind: FolderKind): string {
  return `${MARKER_SIGNATURE}${kind}\nLectern wrote this folder and replaces it when it writes here again. Delete this file to keep it from doing so.\n`;
}

/** Throws (exit 5, nothing touched) unless Lectern may replace the folder `target` with a new output. */
export async function checkFolderOutput(target: string, rules: OutputRules = {}): Promise<void> {
  const real = await realTarget(target);
  await refuseProtected(target, real, rules, true);
  const info = await lstat(target).catch(() => undefined);
  if (!info) return;
  if (info.isSymbolicLink()) {
    throw new LecternError('output path is a symbolic link: Lectern replaces only real folders', {
      exitCode: ExitCode.output,
      location: { file: target },
      hint: 'give the folder it points to, or another --out',
    });
  }
  if (!info.isDirectory()) {
    throw new LecternError('output path is an existing file, not a folder', {
      exitCode: ExitCode.output,
      location: { file: target },
      hint: 'choose another --out, or remove the file',
    });
  }
  if (rules.force || (await isLecternOutput(target))) return;
  const entries = await readdir(target);
  if (entries.length === 0) return;
  throw new LecternError(`the output folder holds files Lectern did not write (${describe(entries)}), so it was left as it is`, {
    exitCode: ExitCode.output,
    location: { file: target },
    hint: 'choose a new or empty folder, or pass --force to replace it and everything in it',
  });
}

/** Throws (exit 5) when the folder `target` is or holds the source or the working folder, even with `--force`. */
export async function checkFolderNotProtected(target: string, rules: OutputRules = {}): Promise<void> {
  await refuseProtected(target, await realTarget(target), rules, true);
}

/** Throws (exit 5, nothing touched) unless Lectern may write the single file `target` of kind `kind`. */
export async function checkFileOutput(target: string, kind: FileKind, rules: OutputRules = {}): Promise<void> {
  const real = await realTarget(target);
  await refuseProtected(target, real, rules, false);
  const info = await lstat(target).catch(() => undefined);
  if (!info) return;
  if (info.isDirectory()) {
    throw new LecternError('output path is a folder, not a file', { exitCode: ExitCode.output, location: { file: target } });
  }
  if (rules.force || (info.isFile() && (await isOfKind(target, kind)))) return;
  throw new LecternError(`the output file exists and is not ${ARTICLE[kind]}, so it was left as it is`, {
    exitCode: ExitCode.output,
    location: { file: target },
    hint: `choose another --out, or pass --force to overwrite it`,
  });
}

const ARTICLE: Record<FileKind, string> = {
  pdf: 'a PDF',
  html: 'an HTML file',
  markdown: 'a Markdown file',
  pptx: 'a PowerPoint file',
  png: 'a PNG image',
  text: 'a text file',
};
const EXTENSIONS: Record<FileKind, string[]> = {
  pdf: ['.pdf'],
  html: ['.html', '.htm'],
  markdown: ['.md', '.markdown'],
  pptx: ['.pptx'],
  png: ['.png'],
  text: ['.txt'],
};

/** An existing file may be overwritten by an output of its own type: its name says so, and (all but Markdown) its bytes too. */
async function isOfKind(file: string, kind: FileKind): Promise<boolean> {
  if (!EXTENSIONS[kind].includes(extname(file).toLowerCase())) return false;
  if (kind === 'markdown') return true;
  // A text file has no signature; the speaker's script is known by its first slide's timing line near its start.
  if (kind === 'text') return (await readHead(file, 4096)).includes('\nTime 0:00');
  const bytes = await readHead(file, 512);
  if (kind === 'pptx') return bytes.startsWith('PK\x03\x04'); // a zip, as every Office file is
  if (kind === 'png') return bytes.startsWith('\x89PNG\r\n\x1a\n');
  const head = bytes
    .replace(/^\ufeff/, '')
    .trimStart()
    .toLowerCase();
  return kind === 'pdf' ? head.startsWith('%pdf-') : head.startsWith('<!doctype html') || head.startsWith('<html');
}

async function readHead(file: string, bytes: number): Promise<string> {
  const { open } = await import('node:fs/promises');
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead).toString('latin1');
  } finally {
    await handle.close();
  }
}

/** True when `folder` holds Lectern's marker file (a plain file, not a link, starting with the signature). */
export async function isLecternOutput(folder: string): Promise<boolean> {
  const marker = join(folder, OUTPUT_MARKER);
  const info = await lstat(marker).catch(() => undefined);
  if (!info?.isFile()) return false;
  return (await readFile(marker, 'utf8').catch(() => '')).startsWith(MARKER_SIGNATURE);
}

/** Refuses an output onto the source itself, or a folder output that holds the source or the working folder. */
async function refuseProtected(target: string, real: string, rules: OutputRules, folder: boolean): Promise<void> {
  const refuse = (what: string): never => {
    throw new LecternError(`the output ${folder ? 'folder' : 'file'} ${what}: Lectern never writes over it, even with --force`, {
      exitCode: ExitCode.output,
      location: { file: target },
      hint: folder ? 'choose an --out folder beside or below your work, e.g. dist/' : 'choose another --out',
    });
  };
  for (const file of rules.protect ?? []) {
    const source = await realpath(file).catch(() => resolve(file));
    if (source === real) refuse(`is the source ${file}`);
    if (folder && isInside(source, real)) refuse(`holds the source ${file}`);
  }
  const cwd = await realpath(process.cwd()).catch(() => process.cwd());
  if (folder && isInside(cwd, real)) refuse(real === cwd ? 'is the working folder' : 'holds the working folder');
}

/** `target` made absolute with every link in its existing part resolved, so two names of one place compare equal. */
async function realTarget(target: string): Promise<string> {
  const absolute = resolve(target);
  const rest: string[] = [];
  for (let current = absolute; ; current = dirname(current)) {
    const real = await realpath(current).catch(() => undefined);
    if (real !== undefined) return join(real, ...rest.reverse());
    if (dirname(current) === current) return absolute;
    rest.push(basename(current));
  }
}

function describe(entries: string[]): string {
  const shown = entries.sort().slice(0, 3).join(', ');
  return entries.length > 3 ? `${shown} and ${entries.length - 3} more` : shown;
}
