// ESLint flat config: the recommended JavaScript and TypeScript rules everywhere, the type-aware ones on src/ (the code
// tsconfig.json compiles). Formatting is Prettier's job, so no stylistic rules here.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['lib/', 'dist/', 'runtime/', 'node_modules/', 'bench/work/', 'bench/node_modules/', 'tests/fixtures/', 'tests/export/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_name` marks a parameter a signature needs but the body does not.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Control characters are what the decoders, sanitisers and their tests look for.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeCheckedOnly],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  // Browser code, and the benchmark functions that run inside a page.
  { files: ['src/present/**/*.ts', 'bench/lib/*.mjs'], languageOptions: { globals: { ...globals.browser } } },
);
