/** `import { lectern } from 'lectern/vite'`: the Vite plugin that serves a deck with live updates. */
export { lectern } from './plugin.js';
export type { LecternPluginOptions } from './plugin.js';
