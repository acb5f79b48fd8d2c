// Lint: TypeScript's recommended rules plus React hooks rules; formatting is not linted.
const tseslint = require('typescript-eslint');
const reactHooks = require('eslint-plugin-react-hooks');

// Layer rules, with ESLint's own no-restricted-imports (static imports and re-exports) and
// no-restricted-syntax (dynamic import()), on the import's text.
const CORE_MESSAGE = 'The core imports only from src/core (docs/architecture.md, "Layers and folders").';
/**
 * A package, or a Node built-in: any specifier that is not a relative path. One pure package is
 * allowed: @noble/hashes (SHA-256 for the submission fingerprint; no IO, no dependencies, the same
 * in Node, the browser and the worker — docs/architecture.md).
 */
const packageImport = '^(?!\\.{1,2}(/|$))(?!@noble/hashes/)';
/** A relative path that climbs `levels` folders or more (out of src/core, for a file `levels - 1` deep). */
const leaving = (levels) => `^(\\./)?(\\.\\./){${levels - 1}}\\.\\.(/|$)`;
/** A relative path through src/io/office, from anywhere. */
const OFFICE_ADAPTER = '(^|/)io/office(/|$)';
/** Files `depth` folders below src/core. */
const coreFilesAt = (depth) => [`src/core/${'*/'.repeat(depth)}*.{ts,tsx}`];
const JOBS_MESSAGE = 'A job imports only from src/core (docs/architecture.md, "Layers and folders"): no io, taskpane, cli or package.';
/** A relative path from src/jobs into a src folder other than core (or out of src). */
const JOBS_LEAVING = '^\\.\\./(?!core(/|$))';

function importsOnly(files, regexes, message) {
  return {
    files,
    rules: {
      'no-restricted-imports': ['error', { patterns: regexes.map((regex) => ({ regex, message })) }],
      'no-restricted-syntax': [
        'error',
        ...regexes.map((regex) => ({ selector: `ImportExpression > Literal[value=/${regex.replace(/\//g, '\\/')}/]`, message })),
      ],
    },
  };
}

module.exports = tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-output/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
    },
  },
  // The core is pure and self-contained (docs/architecture.md): a file in src/core imports only
  // other files in src/core — no package (Office.js, ExcelJS, React, Fluent UI, Node built-ins;
  // the core uses none) and no relative path that leaves src/core.
  ...[0, 1, 2, 3, 4, 5].map((depth) => importsOnly(coreFilesAt(depth), [packageImport, leaving(depth + 1)], CORE_MESSAGE)),
  // The jobs (src/jobs) are the use-case layer over the core: they import only src/core, or each
  // other; no adapter, no user interface, no package. Core must not import them (the rule above).
  importsOnly(['src/jobs/*.{ts,tsx}'], [packageImport, JOBS_LEAVING, '^(\\./)?(\\.\\./){2}'], JOBS_MESSAGE),
  // Components get their port and services through props: nothing in src/taskpane/components
  // imports the Office adapter (only the composition roots wire it).
  importsOnly(['src/taskpane/components/**/*.{ts,tsx}'], [OFFICE_ADAPTER], 'Components get the port through props; only a composition root imports src/io/office (docs/architecture.md).'),
);
