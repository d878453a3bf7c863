/** `--out slide.png --slides N`: one slide as one image file, written atomically. */
import { copyFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ExitCode, LecternError } from '../errors.js';
import { scratchFolder } from '../files/scratch.js';
import type { PreparedDeck } from '../pipeline.js';
import { writeFileAtomically } from '../site/atomic.js';
import { sourceFiles } from '../site/output-guard.js';
import { exportPng, type PngOptions, type PngResult } from './png.js';

/** Renders the one slide of `options.slides` to a private folder, then moves its image into place at `out`. */
export async function exportPngFile(prepared: PreparedDeck, out: string, options: PngOptions): Promise<PngResult> {
  if (options.slides?.length !== 1) {
    throw new LecternError('a .png output is one image: name its slide with --slides N, or give a folder (--out dir/) for every slide', {
      exitCode: ExitCode.usage,
    });
  }
  const scratch = await scratchFolder('lectern-png-');
  try {
    const folder = join(scratch, 'png');
    const result = await exportPng(prepared, folder, options);
    const image = join(folder, result.files[0] as string);
    await writeFileAtomically(out, (temporary) => copyFile(image, temporary), { kind: 'png', force: options.force, protect: sourceFiles(prepared.deck.file) });
    return { ...result, files: [out] };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
