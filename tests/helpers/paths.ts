import { fileURLToPath } from 'node:url';

/** Repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The verbatim seed article, kept outside the repository. */
export const SEED_ARTICLE = fileURLToPath(new URL('../../../shared/articles/deepseek-r1.txt', import.meta.url));
export const SHARED_ARTICLES = fileURLToPath(new URL('../../../shared/articles/', import.meta.url));
export const FIXTURE_ARTICLES = fileURLToPath(new URL('../fixtures/articles/', import.meta.url));
export const DEFAULT_DECK = fileURLToPath(new URL('../../slides/deepseek-r1.md', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/lectern.js', import.meta.url));
