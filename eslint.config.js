import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { rendererBoundaries } from './scripts/eslintRendererBoundaries.js';

// The "may import" column of ARCHITECTURE.md, enforced. Each entry forbids what a folder must not reach.
const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'http',
  'https',
  'crypto',
  'child_process',
  'net',
  'url',
  'stream',
  'zlib',
];
const forbid = (folders, packages, message, { node = true } = {}) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: packages.map((name) => ({ name, message })),
      patterns: [
        { group: folders.map((folder) => `**/${folder}/**`), message },
        ...(node ? [] : [{ group: ['node:*'], message }]),
      ],
    },
  ],
});

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-bench/**',
      'release/**',
      'node_modules/**',
      'bench/results.json',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-assertions': [
        'error',
        { assertionStyle: 'as', objectLiteralTypeAssertions: 'never' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: forbid(
      ['electron', 'renderer', 'simulator'],
      ['electron', 'react', 'react-dom', 'dexie', ...nodeBuiltins],
      'shared/ is pure TypeScript: it imports only shared/ and pure libraries (ARCHITECTURE.md).',
      { node: false },
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'renderer-boundaries': rendererBoundaries },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // ui/useAsyncEffect.ts takes deps like useEffect: check them the same way.
      'react-hooks/exhaustive-deps': ['warn', { additionalHooks: '^useAsyncEffect$' }],
      // Feature folders, the archive's readers and writers, the platform seam: scripts/eslintRendererBoundaries.js.
      'renderer-boundaries/boundaries': 'error',
      ...forbid(
        ['electron', 'simulator'],
        ['electron', ...nodeBuiltins],
        'renderer/ runs in a sandboxed page: it imports shared/ and browser APIs only (ARCHITECTURE.md).',
        { node: false },
      ),
    },
  },
  {
    files: ['simulator/**/*.ts'],
    ignores: ['simulator/**/*.test.ts'],
    rules: forbid(
      ['electron', 'renderer'],
      ['electron'],
      'simulator/ imports shared/ and Node only (ARCHITECTURE.md).',
    ),
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/renderer/**'], message: 'electron/ never imports the renderer (ARCHITECTURE.md).' },
            {
              // The main bundle must carry no test instrument (tests/unit/mainBundle.test.ts).
              group: ['**/simulator/**', '!**/simulator/embedded'],
              message: 'electron/ runs the simulator only through simulator/embedded.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
