import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vite';
import { lectern } from './src/vite/plugin.js';

/**
 * A test run's temporary files go in one folder of its own, removed when the run ends: the tests, and the CLI, browsers
 * and servers they start (which inherit TMPDIR), make hundreds of folders, and a test that fails leaves its own.
 * Made here, in Vitest's main process, before any worker starts. (A short path: Chromium aborts under a long TMPDIR.)
 */
function temporaryRootForTests(): void {
  const root = mkdtempSync(join(tmpdir(), 'lectern-tests-'));
  process.env.TMPDIR = root;
  // The config is read again by processes that inherit this environment: they keep the run's folder.
  process.env.LECTERN_TESTS_TMPDIR = root;
  process.on('exit', () => rmSync(root, { recursive: true, force: true }));
}

if (process.env.VITEST && !process.env.LECTERN_TESTS_TMPDIR) temporaryRootForTests();

/**
 * The unit tier (`npm run test:unit`): pure functions and the file system only, no browser, no fuzzing, no child
 * process, so no compiled lib/ either. Everything else is the full tier; `npm test` runs both.
 */
const UNIT_TESTS = [
  'tests/article/**/*.test.ts',
  'tests/files/**/*.test.ts',
  'tests/outline/**/*.test.ts',
  'tests/site/**/*.test.ts',
  'tests/export/unit/**/*.test.ts',
  'tests/cli/unit/**/*.test.ts',
  'tests/settings/unit/**/*.test.ts',
];

// `npx vite` serves the default deck through Lectern's own plugin, exactly like `lectern dev`.
export default defineConfig({
  server: { host: '127.0.0.1' },
  // Vitest builds its own server from this file: it must not start presenting a deck.
  plugins: process.env.VITEST ? [] : [lectern({ source: 'slides/deepseek-r1.md' })],
  test: {
    // Much of the full tier waits on Chromium, LibreOffice and child processes rather than computing: with Vitest's
    // default of one worker on a two-core machine, both cores sat idle half the time. Three workers keep them busy.
    maxWorkers: 3,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT_TESTS } },
      {
        extends: true,
        test: {
          name: 'full',
          include: ['tests/**/*.test.ts'],
          exclude: UNIT_TESTS,
          // Compiles lib/ and the runtime once: the CLI and browser tests run the code under test.
          globalSetup: ['tests/global-setup.ts'],
        },
      },
    ],
  },
});
