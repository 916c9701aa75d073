import { defineConfig } from 'vitest/config';

// Two projects: `unit` (pure logic, no engine) and `integration` (`*.int.test.ts`, against the
// real dockerd that scripts/test-all.sh makes sure of). `npx vitest run --project unit` needs nothing.
const exclude = ['node_modules/**', 'out/**', 'dist/**', 'e2e/**'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['**/*.test.ts', '**/*.test.tsx'],
          exclude: [...exclude, '**/*.int.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['**/*.int.test.ts'],
          exclude,
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One engine is shared: files run one after another.
          fileParallelism: false,
        },
      },
    ],
  },
});
