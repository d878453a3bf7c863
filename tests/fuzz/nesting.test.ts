import fc from 'fast-check';
import { describe, it } from 'vitest';
import { sentence } from './arbitraries.js';
import { failsOnlyWithLecternErrorAndKeepsEverySentence, fuzzRuns } from './harness.js';

/** jsdom frees a closed window only once the event loop turns, as it does between files in a real build. */
const turnEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A run of one container opener repeated up to thousands of times, then a sentence: deep nesting of every kind. */
const markdownOpener = fc.constantFrom('>', '> ', '- ', '* ', '1. ', '2) ', '  - ', '    ', '> - ', '- > ', '<div>', '<details>', '<span>', '<b>', '<ul><li>');
const nestedLine = fc
  .tuple(markdownOpener, fc.oneof(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 3000 })), sentence)
  .map(([opener, count, text]) => `${opener.repeat(count)}${text}`);
/** Lines of varying depth, so that nesting also grows, shrinks and alternates across lines. */
const staircase = fc
  .tuple(fc.constantFrom('>', '  ', '> > ', '<div>'), fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 5 }), sentence)
  .map(([step, lines, period, text]) =>
    Array.from({ length: lines }, (_, n) => `${step.repeat((n % period) + (step === '  ' ? n : 0))}${step === '  ' ? '- ' : ''}${text}`).join('\n'),
  );
const markdownNesting = fc
  .array(fc.oneof(nestedLine, staircase, sentence), { minLength: 1, maxLength: 12 })
  .map((blocks) => `# Nesting\n\n## Part\n\n${blocks.join('\n\n')}\n`);

const htmlOpener = fc.constantFrom('<div>', '<section><div>', '<ul><li>', '<blockquote>', '<b>', '<table><tr><td>', '<details>', '<p><span>');
const htmlNesting = fc
  .array(fc.tuple(htmlOpener, fc.oneof(fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 600 })), sentence), { minLength: 1, maxLength: 6 })
  .map(
    (parts) =>
      `<!doctype html><html><head><title>Deep</title></head><body><article>${parts.map(([open, count, text]) => `${open.repeat(count)}${text}`).join('\n')}</article></body></html>`,
  );

describe('nesting of every kind: refused with a LecternError or read, never a crash, nothing lost', () => {
  it('Markdown', async () => {
    await fc.assert(
      fc.asyncProperty(markdownNesting, (text) => failsOnlyWithLecternErrorAndKeepsEverySentence('markdown', text)),
      fuzzRuns(150),
    );
  }, 300_000);

  it('web pages', async () => {
    await fc.assert(
      fc.asyncProperty(htmlNesting, async (html) => {
        await failsOnlyWithLecternErrorAndKeepsEverySentence('html', html);
        await turnEventLoop();
      }),
      fuzzRuns(60),
    );
  }, 300_000);
});
