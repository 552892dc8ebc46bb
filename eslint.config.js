import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const modules = ['identity', 'audit', 'ratelimit', 'gateway', 'registry', 'evaluation', 'guard', 'provenance', 'transparency', 'accountability', 'energy', 'workspace', 'workflows'];

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'drizzle/**', 'scratch/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
      eqeqeq: ['error', 'smart'],
    },
  },
  // Layering: routes and the CLI call services; they never touch tables or the ORM.
  {
    files: ['src/**/routes.ts', 'src/**/*-routes.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['drizzle-orm', 'drizzle-orm/*'], message: 'Routes and CLI call services; queries belong in the module service.' },
            { group: ['**/schema.js'], message: 'Routes and CLI call services; tables belong to the module service.' },
          ],
        },
      ],
    },
  },
  // A module never reads another module's tables; it calls that module's service.
  ...modules.map((name) => ({
    files: [`src/${name}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: modules.filter((other) => other !== name).map((other) => `../${other}/schema.js`),
              message: `Use the other module's service, not its tables.`,
            },
          ],
        },
      ],
    },
  })),
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
