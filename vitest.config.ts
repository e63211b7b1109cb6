import { defineConfig } from 'vitest/config';

// Two projects: `unit` needs no running service (npm test); `integration` talks to the
// real Kafka, schema registry and Postgres started by `npm run infra -- up`.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['**/*.test.ts'],
          exclude: ['**/*.int.test.ts', 'node_modules/**', '.data/**', '.cache/**'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['**/*.int.test.ts'],
          exclude: ['node_modules/**', '.data/**', '.cache/**'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
