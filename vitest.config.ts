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
          // Generated-input tests (fast-check) and electron-builder's schema check take 5-7 s on a
          // loaded 2-core machine: the 5 s default failed them there. Time is never what a unit asserts.
          testTimeout: 30_000,
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
