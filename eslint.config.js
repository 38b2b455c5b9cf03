// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The dependency direction of DESIGN.md, enforced: core ← importers, db ← services ← server, cli;
 * the web app talks to the server over HTTP only. Each entry lists what a layer must not import.
 */
const IO = ['node:*', 'fs', 'path', 'os', 'child_process', 'pg', 'drizzle-orm', 'drizzle-orm/*', '@electric-sql/*'];
const FRAMEWORKS = ['fastify', 'fastify-*', '@fastify/*', 'react', 'react-dom', 'react/*', '@mantine/*'];
const CROSS_PACKAGE_RELATIVE = ['**/packages/*/src/**', '**/apps/*/src/**'];

const boundary = (files, forbidden, why) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: forbidden, message: why },
          {
            group: CROSS_PACKAGE_RELATIVE,
            message: 'Import another package by its name (@rightly/…), never by a relative path.',
          },
        ],
      },
    ],
  },
});

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.rightly/**',
      'scratch/**',
      'coverage/**',
      'packages/db/migrations/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...tseslint.configs.stylistic,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'always'],
    },
  },
  boundary(
    ['packages/core/src/**'],
    ['@rightly/*', ...IO, ...FRAMEWORKS],
    'core is pure: no I/O, no frameworks, no other package.',
  ),
  boundary(
    ['packages/db/src/**'],
    ['@rightly/importers', '@rightly/services', '@rightly/server', '@rightly/cli', '@rightly/web', ...FRAMEWORKS],
    'db depends on core only.',
  ),
  boundary(
    ['packages/importers/src/**'],
    [
      '@rightly/db',
      '@rightly/services',
      '@rightly/server',
      '@rightly/cli',
      '@rightly/web',
      'pg',
      'drizzle-orm',
      'drizzle-orm/*',
      '@electric-sql/*',
      ...FRAMEWORKS,
    ],
    'importers yield records; they never write to the database.',
  ),
  boundary(
    ['packages/services/src/**'],
    [
      '@rightly/server',
      '@rightly/cli',
      '@rightly/web',
      'pg',
      'drizzle-orm',
      'drizzle-orm/*',
      '@electric-sql/*',
      ...FRAMEWORKS,
    ],
    'services load and store through @rightly/db (queries live there) and are called by the server and the CLI.',
  ),
  boundary(
    ['apps/server/src/**'],
    [
      '@rightly/db',
      '@rightly/importers',
      '@rightly/cli',
      '@rightly/web',
      'pg',
      'drizzle-orm',
      'drizzle-orm/*',
      '@electric-sql/*',
    ],
    'routes are thin: they call services, which own storage.',
  ),
  boundary(
    ['apps/cli/src/**'],
    ['@rightly/db', '@rightly/web', 'pg', 'drizzle-orm', 'drizzle-orm/*', '@electric-sql/*'],
    'the CLI calls services (and starts the server); storage stays behind the services.',
  ),
  boundary(
    ['apps/web/src/**'],
    [
      '@rightly/db',
      '@rightly/importers',
      '@rightly/services',
      '@rightly/server',
      '@rightly/cli',
      ...IO,
      'fastify',
      'fastify-*',
      '@fastify/*',
    ],
    'the web app talks to the server over HTTP only; it may share @rightly/core contracts.',
  ),
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // Command-line output is the CLI's job; scripts and benchmarks report to the terminal too.
    files: ['apps/cli/src/**', 'scripts/**', 'bench/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', '**/test/**', 'test/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
