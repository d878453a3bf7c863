import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { ExitCode, LecternError } from '../errors.js';
import type { Deck } from '../outline/types.js';

/** Copies of local images a deck shows, and the deck with their paths rewritten to the copies. */
export async function collectMedia(deck: Deck): Promise<{ deck: Deck; media: Array<{ from: string; to: string }> }> {
  const media = new Map<string, string>();
  const base = deck.file === '<stdin>' ? process.cwd() : dirname(resolve(deck.file));
  const slides = [];
  for (const slide of deck.slides) {
    if (!slide.image || /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(slide.image.src)) {
      slides.push(slide);
      continue;
    }
    const from = resolve(base, decodeURI(slide.image.src.split(/[?#]/)[0] ?? ''));
    let to = media.get(from);
    if (!to) {
      const bytes = await readFile(from).catch(() => {
        throw new LecternError(`image not found: ${slide.image?.src}`, {
          exitCode: ExitCode.input,
          location: { file: deck.file, line: slide.lines[0] },
        });
      });
      // Content-addressed names keep builds deterministic and let identical images share one file.
      to = `media/${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}${extname(from).toLowerCase()}`;
      media.set(from, to);
    }
    slides.push({ ...slide, image: { ...slide.image, src: to } });
  }
  return { deck: { ...deck, slides }, media: [...media].map(([from, to]) => ({ from, to })) };
}
