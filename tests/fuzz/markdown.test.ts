import fc from 'fast-check';
import { describe, it } from 'vitest';
import { markdownArticle, unicodeText } from './arbitraries.js';
import { failsOnlyWithLecternError, fuzzRuns, keepsEverySentence } from './harness.js';

const RUNS = fuzzRuns(1000);

describe.each([
  { name: 'Markdown-like articles', arbitrary: markdownArticle },
  { name: 'arbitrary Unicode read as Markdown', arbitrary: unicodeText() },
])('$name', ({ arbitrary }) => {
  it('read, outline and render fail only with LecternError', async () => {
    await fc.assert(
      fc.asyncProperty(arbitrary, (text) => failsOnlyWithLecternError('markdown', text)),
      RUNS,
    );
  });

  it('keep every sentence on a slide or in the notes', async () => {
    await fc.assert(
      fc.asyncProperty(arbitrary, (text) => keepsEverySentence('markdown', text)),
      RUNS,
    );
  });
});
