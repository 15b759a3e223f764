// Lint holds the walls between rooms (see ../shared/ARCHITECTURE.md): each folder may import
// only what its row of the table allows.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = { group: ['node:*'], message: 'Node built-ins belong to electron/main, cli/ and scripts only.' };
const noReact = { group: ['react', 'react-dom', 'react-dom/*', 'react-i18next'], message: 'This folder is headless: no React.' };
const noDexie = { group: ['dexie', 'dexie/*'], message: 'Only renderer/src/data/ imports Dexie.' };
const noElectron = { name: 'electron', message: 'Only electron/main and electron/preload import electron.' };
const noRenderer = { group: ['**/renderer/**'], message: 'Nothing outside renderer/ imports renderer code.' };
const noPlatform = { group: ['**/platform', '**/platform/**'], message: 'Only features reach the platform bridge.' };
const noData = { group: ['**/data', '**/data/**'], message: 'This folder may not reach the storage layer.' };

// Exact module names go to `paths`, globs to `patterns` (a glob such as 'electron/*' would also
// catch our own '../electron/bridge-contract').
const walls = (...rules) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: rules.filter((r) => 'name' in r),
      patterns: rules.filter((r) => 'group' in r),
    },
  ],
});

export default tseslint.config(
  {
    ignores: ['dist/**', 'release/**', 'node_modules/**', 'coverage/**', 'bench/results/**', '.tmp/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': 'allow-with-description' }],
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    // Keep disableTypeChecked's parserOptions (no project service for plain JS files).
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: { ...globals.node } },
  },
  {
    files: ['core/**/*.ts'],
    rules: walls(nodeBuiltins, noReact, noDexie, noElectron, noRenderer, noPlatform, noData),
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, ...walls(nodeBuiltins, noElectron, noDexie) },
  },
  {
    files: ['renderer/src/data/**/*.{ts,tsx}'],
    rules: walls(nodeBuiltins, noElectron, noPlatform, { group: ['react', 'react-dom', '**/features/**', '**/ui/**'], message: 'Storage has no components.' }),
  },
  {
    files: ['renderer/src/platform/**/*.{ts,tsx}'],
    rules: walls(nodeBuiltins, noElectron, noDexie, noData),
  },
  {
    files: ['renderer/src/ui/**/*.{ts,tsx}'],
    rules: walls(nodeBuiltins, noElectron, noDexie, noData, noPlatform),
  },
  {
    files: ['electron/bridge-contract.ts'],
    rules: walls(nodeBuiltins, noElectron, noReact, noDexie, noRenderer),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: walls(nodeBuiltins, noRenderer, noDexie, noReact, { group: ['**/core/**'], message: 'The preload carries no logic.' }),
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: walls(noRenderer, noDexie, noReact),
  },
  {
    files: ['cli/**/*.ts'],
    rules: walls(noRenderer, noDexie, noReact, noElectron),
  },
);
