import eslintPluginAstro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/', '.astro/', '.contentlayer/', '.trustline/', 'node_modules/', 'coverage/', '**/.dist.staging-*'],
  },
  ...tseslint.configs.strict,
  // Type-aware rules: unsafe `any` flowing out of untyped libraries, needless assertions, and the like.
  ...tseslint.configs.recommendedTypeChecked,
  ...eslintPluginAstro.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    // astro-eslint-parser reads types through tsconfig.json, not through the project service.
    files: ['**/*.astro'],
    languageOptions: {
      parserOptions: { projectService: false, project: true },
    },
  },
  {
    // bin/ is the plain JavaScript that Node runs before it can load TypeScript (it installs the
    // loader for the engine's .ts files); it has no types to check, and tests/portal runs it.
    files: ['bin/**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    rules: {
      // tsconfig's noUncheckedIndexedAccess types every indexed read as possibly undefined, also
      // where the code has just made sure it is not (a regex group that matched, an index taken
      // modulo the length); `!` says so, where a runtime check would be dead code.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
);
