import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', 'proto/gen/**', 'node_modules/**', 'bench-results/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      // Unused arguments named with a leading underscore are placeholders required by a signature.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
