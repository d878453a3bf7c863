import { basename, extname } from 'node:path';
import { isStandardInput } from '../article/stdin.js';

/** A deck title from a file name, taking each word's casing from the article where it appears there ("deepseek-r1" → "DeepSeek R1"). */
export function titleFromFileName(file: string, articleText: string, untitled: string): string {
  const stem = basename(file, extname(file));
  const words = stem.split(/[-_\s.]+/).filter(Boolean);
  if (words.length === 0 || isStandardInput(file)) return untitled;
  return words
    .map((word) => {
      const found = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'iu').exec(articleText)?.[0];
      if (found && found !== found.toLowerCase()) return found;
      return word.charAt(0).toUpperCase() + word.slice(1);
    })
    .join(' ');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A URL-safe slug for slide ids. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, '')
    // Latin accents go ("é" → "e"); other scripts' marks (Arabic hamza, Devanagari vowel signs) are part of the word.
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return slug || 'slide';
}
