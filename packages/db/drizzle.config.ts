import { defineConfig } from 'drizzle-kit';

// `out` can be overridden so the drift check can generate into a scratch folder.
export default defineConfig({
  dialect: 'postgresql',
  schema: './packages/db/src/schema/index.ts',
  out: process.env.DRIZZLE_OUT ?? './packages/db/migrations',
  casing: 'snake_case',
});
