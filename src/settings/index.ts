/** A deck's settings: the table (types, ranges, defaults), resolution, the config file, labels and Reveal options. */
export * from './table.js';
export { resolveSettings, parseSettings, resolvePaths, type ResolvedSettings, type SettingLayer } from './resolve.js';
export { labelsFor, LABEL_KEYS, LABEL_LANGUAGES, type LabelKey, type Labels } from './labels.js';
export { parseDuration } from './duration.js';
