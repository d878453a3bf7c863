import { defineConfig } from 'vite';
import { lectern } from './src/vite/plugin.js';

// `npx vite` serves the default deck through Lectern's own plugin, exactly like `lectern dev`.
export default defineConfig({
  server: { host: '127.0.0.1' },
  // Vitest builds its own server from this file: it must not start presenting a deck.
  plugins: process.env.VITEST ? [] : [lectern({ source: 'slides/deepseek-r1.md' })],
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
