// Lint encodes the architecture: every rule is an error, and the import rules keep the layers apart.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const webOnlyContract = [
  { regex: '^@jc/server(?!/contract$)', message: 'The web app may import only the server contract.' },
  { group: ['**/server/src/**'], message: 'Import the contract as @jc/server/contract.' },
];
const pagesOnlyFromRoutes = {
  group: ['**/pages/**'],
  message:
    'Only the route table (app/routes.tsx) loads pages; shared code lives in web/src/rules or web/src/components.',
};

const DOMAIN_IMPORT_RULES = [
  {
    group: ['fastify', '@fastify/*', '**/http/**'],
    message: 'The domain never sees HTTP: take (db, actor, input).',
  },
  {
    group: ['**/ports*'],
    importNames: ['Clock', 'systemClock'],
    message: 'The domain reads no clock: the instant comes as `now` in the input (docs/decisions.md).',
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      'web/dist/**',
      'server/dist/**',
      'data/**',
      'bench/results/**',
      'e2e/screenshots/**',
      'release/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      eqeqeq: ['error', 'always'],
      curly: ['error', 'multi-line'],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // Type-aware rules on production code only: they make lint several times slower (docs/decisions.md).
    files: ['server/src/**/*.ts', 'web/src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // React ignores what an event handler returns; a promise-returning handler is the idiom here.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: ['catalogue/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'pg', 'drizzle-orm*', '@electric-sql/*'],
              message: 'The catalogue is pure data: no I/O.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests and the generator read the reference catalogue from disk; the catalogue itself stays pure.
    files: ['catalogue/**/*.test.ts', 'catalogue/scripts/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['server/src/contract/**/*.ts'],
    // Its unit tests run under Vitest and never reach the web bundle.
    ignores: ['server/src/contract/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod$|@jc/catalogue$|\\./|\\.\\./).*',
              message: 'The contract imports only zod, the catalogue and itself; the web app shares it.',
            },
            {
              group: ['../db/*', '../domain/*', '../http/*'],
              message: 'The contract imports only zod, the catalogue and itself.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/src/domain/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: DOMAIN_IMPORT_RULES }] },
  },
  {
    // A domain folder's own files (tests aside) reach other folders only through their pure rules.
    files: ['server/src/domain/*/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...DOMAIN_IMPORT_RULES,
            {
              // `../other-folder/file.ts`, unless the file is pure rules (`*-rules.ts`).
              regex: '^\\.\\./[^./][^/]*/(?!.*-rules\\.ts$)',
              message:
                "Use cases never import another domain folder's files: shared reads and writes go to db/queries/, generic helpers to lib/, pure rules to a *-rules.ts file (docs/architecture.md).",
            },
          ],
        },
      ],
    },
  },
  {
    // The CLI and the scheduled jobs do what the domain's use cases do, never their own queries.
    files: ['server/src/cli/**/*.ts', 'server/src/jobs/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/db/schema*', 'drizzle-orm*'],
              message: 'The CLI and jobs call a domain use case (or a shared query in db/queries) instead.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [...webOnlyContract, pagesOnlyFromRoutes] }],
    },
  },
  {
    // A page's folder is its own: what a second page needs moves to rules/ or components/.
    files: ['web/src/pages/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...webOnlyContract,
            {
              regex: '^\\.\\./(?!\\.)|/pages/',
              message: 'A page imports no other page: move what both need to web/src/rules or web/src/components.',
            },
          ],
        },
      ],
    },
  },
  {
    // The route table is the one place that loads pages.
    files: ['web/src/app/routes.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: webOnlyContract }] },
  },
);
