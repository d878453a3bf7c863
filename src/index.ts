/** Lectern's programming interface: `import { readDeck, build, exportDeck, check } from 'lectern'`. */
export { readDeck, build, exportDeck, check } from './api/commands.js';
export type { DeckSource, OutputOptions, BuildOptions, BuildResult, ExportOptions, ExportResult, CheckOptions } from './api/commands.js';
export { defineConfig } from './api/settings.js';
export type { DeckSettings, ExportSettings, LecternConfig } from './api/settings.js';
export { ExitCode, LecternError } from './errors.js';
export type { ExitCodeValue, Location, Warning } from './errors.js';
export type { SourceText } from './article/read.js';
export type { SourceFormat } from './article/types.js';
export type { Deck, DeckMeta, DeckSection, Slide, Layout, Point, Figure } from './outline/types.js';
export type { CheckReport, SlideReport } from './check/report.js';
