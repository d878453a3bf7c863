import { readdir, readFile, stat } from 'node:fs/promises';
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
  const read = async (name: string): Promise<TemplateSource> => {
    const override = overrideDir ? join(overrideDir, name) : undefined;
    if (override && (await isFile(override))) return { file: override, source: await readFile(override, 'utf8') };
    const builtin = join(BUILTIN_TEMPLATES, name);
    return { file: relative(process.cwd(), builtin) || builtin, source: await readFile(builtin, 'utf8') };
  };
  const names = async (folder: string): Promise<string[]> => {
    const found = new Set<string>();
    for (const root of [BUILTIN_TEMPLATES, overrideDir]) {
      if (!root) continue;
      const entries = await readdir(join(root, folder)).catch(() => [] as string[]);
      for (const entry of entries) if (entry.endsWith('.hbs')) found.add(basename(entry, '.hbs'));
    }
    return [...found].sort();
  };
  // Read all at once: one after another, the twenty small files cost a build several milliseconds of waiting.
  const folder = async (name: string): Promise<Record<string, TemplateSource>> => {
    const found = await names(name);
    const sources = await Promise.all(found.map((entry) => read(join(name, `${entry}.hbs`))));
    return Object.fromEntries(found.map((entry, index) => [entry, sources[index]!]));
  };
  const [deck, slide, layouts, partials] = await Promise.all([read('deck.hbs'), read('slide.hbs'), folder('layouts'), folder('partials')]);
  return { deck, slide, layouts, partials };
}

/** A stylesheet from templates/styles/, overridden by the deck's templates folder when it has one of that name. */
export async function resolveStyle(name: string, overrideDir?: string): Promise<string> {
  const override = overrideDir ? join(overrideDir, 'styles', name) : undefined;
  if (override && (await isFile(override))) return override;
  return join(BUILTIN_TEMPLATES, 'styles', name);
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isFile(),
    () => false,
  );
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
