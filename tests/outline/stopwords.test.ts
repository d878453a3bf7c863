import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stopWordsFor } from '../../src/outline/stopwords.js';
import { ROOT } from '../helpers/paths.js';

const require = createRequire(import.meta.url);
const lists = require('stopword') as Record<string, unknown>;
const FILES = join(ROOT, 'lib', 'stopwords');

describe('stop words', () => {
  it('are written at compile time as one file per list of the stopword package, word for word', () => {
    const names = Object.keys(lists).filter((name) => Array.isArray(lists[name]) && /^[a-z]{3}$/.test(name));
    expect(names.length).toBeGreaterThan(50);
    expect(readdirSync(FILES).sort()).toEqual(names.map((name) => `${name}.json`).sort());
    for (const name of names) expect(JSON.parse(readFileSync(join(FILES, `${name}.json`), 'utf8')), name).toEqual(lists[name]);
  });

  it("hold a language's own list and English's", () => {
    const german = stopWordsFor('de-AT');
    for (const word of lists.deu as string[]) expect(german.has(word.toLowerCase()), word).toBe(true);
    for (const word of lists.eng as string[]) expect(german.has(word.toLowerCase()), word).toBe(true);
    expect(stopWordsFor('en').has('und')).toBe(false);
    // A language the package lacks falls back to English.
    expect(stopWordsFor('xx').has('the')).toBe(true);
  });
});
