import { readdirSync, readFileSync, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { ExitCode, LecternError } from '../errors.js';
import { BUILTIN_TEMPLATES } from '../paths.js';
import type { TemplateSet, TemplateSource } from './template-set.js';

/**
 * Loads the template set: the built-in templates, with any file of the same name in `overrideDir` taking its place
 * (deck folder first, then the built-ins), so a user can override one layout without copying the rest.
 */
export async function loadTemplateSet(overrideDir?: string): Promise<TemplateSet> {
  if (overrideDir) await assertDirectory(overrideDir);
  // Read with the synchronous calls: the build waits for these twenty small files and has nothing else to do, and each
  // sent through libuv's thread pool and back left the main thread idle (a few milliseconds of every build).
  const read = (name: string): TemplateSource => {
    const override = overrideDir ? join(overrideDir, name) : undefined;
    if (override && isFile(override)) return { file: override, source: readFileSync(override, 'utf8') };
    const builtin = join(BUILTIN_TEMPLATES, name);
    return { file: relative(process.cwd(), builtin) || builtin, source: readFileSync(builtin, 'utf8') };
  };
  const names = (folder: string): string[] => {
    const found = new Set<string>();
    for (const root of [BUILTIN_TEMPLATES, overrideDir]) {
      if (!root) continue;
      for (const entry of entriesOf(join(root, folder))) if (entry.endsWith('.hbs')) found.add(basename(entry, '.hbs'));
    }
    return [...found].sort();
  };
  const folder = (name: string): Record<string, TemplateSource> => Object.fromEntries(names(name).map((entry) => [entry, read(join(name, `${entry}.hbs`))]));
  return { deck: read('deck.hbs'), slide: read('slide.hbs'), layouts: folder('layouts'), partials: folder('partials') };
}

function entriesOf(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}

/** A stylesheet from templates/styles/, overridden by the deck's templates folder when it has one of that name. */
export function resolveStyle(name: string, overrideDir?: string): string {
  const override = overrideDir ? join(overrideDir, 'styles', name) : undefined;
  if (override && isFile(override)) return override;
  return join(BUILTIN_TEMPLATES, 'styles', name);
}

async function assertDirectory(path: string): Promise<void> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new LecternError('templates folder not found', {
      exitCode: ExitCode.template,
      location: { file: path },
      hint: 'the `templates:` front-matter key names a folder relative to the deck',
    });
  }
}
