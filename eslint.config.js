import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import layers from './eslint/layers.js';

export default tseslint.config(
  { ignores: ['node_modules/', 'runs/', 'bench/results/', 'coverage/', 'scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', 'bin/*.js'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-implied-eval': 'error',
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-empty': ['error', { allowEmptyCatch: false }],
      'no-restricted-imports': ['error', { paths: [{ name: 'vm', message: 'never run generated code' }, { name: 'node:vm', message: 'never run generated code' }] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'max-lines': ['error', { max: 300, skipBlankLines: false, skipComments: false }],
    },
  },
  {
    // Imports point one way through src/'s layers; the agent side never imports the sandbox (eslint/layers.js).
    files: ['src/**/*.ts', 'skills/**/*.ts'],
    plugins: { layers },
    rules: { 'layers/import-order': 'error' },
  },
  {
    // One way to run a task: src/agent/run.ts's runTask; the loop and the resilience wrapper are its insides.
    files: ['src/**/*.ts', 'skills/**/*.ts', 'test/**/*.ts'],
    ignores: ['src/agent/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vm', message: 'never run generated code' }, { name: 'node:vm', message: 'never run generated code' }],
        patterns: [
          { group: ['**/agent/loop.ts'], importNames: ['runAgent'], message: 'run tasks with runTask (src/agent/run.ts)' },
          { group: ['**/agent/resilience.ts'], importNames: ['runResilient'], message: 'run tasks with runTask (src/agent/run.ts)' },
        ],
      }],
    },
  },
  {
    // Skill files import what they are made of from one index (src/actions/index.ts).
    files: ['skills/**/*.ts'],
    ignores: ['skills/index.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vm', message: 'never run generated code' }, { name: 'node:vm', message: 'never run generated code' }],
        patterns: [{ regex: '^\\.\\./src/(?!actions/index\\.ts$)', message: 'skill files import from src/actions/index.ts only' }],
      }],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: { process: 'readonly', console: 'readonly' } },
  },
);
