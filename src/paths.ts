import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's root folder, found from this file whether it runs from src/ (tests) or lib/ (compiled). */
export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Built-in templates, shipped as data. */
export const BUILTIN_TEMPLATES = join(PACKAGE_ROOT, 'templates');

/** The prebuilt browser runtime (Reveal.js bundle and its CSS), made by `npm run compile` or by the first build that needs it. */
export const RUNTIME_DIR = join(PACKAGE_ROOT, 'runtime');

/** The script a helper thread runs to outline part of a long article (src/outline/shared-outline.ts). */
export const OUTLINE_HELPER = join(PACKAGE_ROOT, 'bin', 'outline-helper.js');
