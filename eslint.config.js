import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'main/testing/laravel-fixture/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-empty-pattern': 'off',
      // Validators must match control characters on purpose: that is how hostile input is refused.
      'no-control-regex': 'off',
    },
  },
  {
    // The core, the CLI and everything shared must run in plain Node: Electron stays in the shell.
    files: ['main/**/*.ts', 'renderer/**/*.{ts,tsx}', 'e2e/**/*.ts'],
    ignores: ['main/shell/**', 'main/testing/fakeElectron.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Only main/shell and preload/index.ts may import electron.',
            },
          ],
        },
      ],
    },
  },
  {
    // ipcMain is touched in one file only, so every channel goes through the validating dispatch.
    files: ['main/shell/**/*.ts'],
    ignores: ['main/shell/ipcBridge.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain'],
              message: 'Register IPC in main/shell/ipcBridge.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The window reaches main only through window.servermark.',
            },
          ],
          patterns: [
            {
              group: ['**/main/**', '!**/main/ipc/contract'],
              message: 'The renderer may only import types from main/ipc/contract.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
);
