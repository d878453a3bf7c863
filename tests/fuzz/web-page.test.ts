import fc from 'fast-check';
import { describe, it } from 'vitest';
import { htmlPage, unicodeText } from './arbitraries.js';
import { failsOnlyWithLecternErrorAndKeepsEverySentence, fuzzRuns } from './harness.js';

/** jsdom frees a closed window only once the event loop turns, as it does between files in a real build. */
const turnEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('web pages (structured and arbitrary Unicode)', () => {
  // Every page costs a jsdom window (~20 ms), so one property checks both invariants on each of 1,000 pages.
  it('read, outline and render fail only with LecternError, and keep every sentence', async () => {
    const pages = fc.oneof({ weight: 3, arbitrary: htmlPage }, { weight: 1, arbitrary: unicodeText() });
    await fc.assert(
      fc.asyncProperty(pages, async (html) => {
        await failsOnlyWithLecternErrorAndKeepsEverySentence('html', html);
        await turnEventLoop();
      }),
      fuzzRuns(1000),
    );
    // About a minute alone; beside other test files on two cores, twice that.
  }, 300_000);
});
