import { buildTemplate, dropTemplate, type TemplateRef } from '@rightly/db/testing';
import { seedDemoOrg } from '@rightly/services';
import type { TestProject } from 'vitest/node';
import { TEST_NOW } from './support/clock';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTemplates: Templates;
  }
}

interface Templates {
  empty: TemplateRef;
  demo: TemplateRef;
}

interface SharedTemplates {
  ready: Promise<Templates>;
  users: number;
}

// Vitest runs a project's global setup once per project; the storage projects share one set of
// templates through the process-wide global, and the last teardown drops them.
const KEY = Symbol.for('rightly.test.databaseTemplates');
const shared = globalThis as typeof globalThis & { [KEY]?: SharedTemplates };

/**
 * Builds the two database templates once per run: an empty, migrated one, and one holding the
 * demo organization seeded at TEST_NOW. Every storage test file starts from a copy of one.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  shared[KEY] ??= { ready: buildTemplates(), users: 0 };
  const entry = shared[KEY];
  entry.users++;
  project.provide('databaseTemplates', await entry.ready);
  return async () => {
    entry.users--;
    if (entry.users > 0) return;
    const templates = await entry.ready;
    shared[KEY] = undefined;
    await dropTemplate(templates.empty);
    await dropTemplate(templates.demo);
  };
}

async function buildTemplates(): Promise<Templates> {
  const empty = await buildTemplate({ name: 'empty' });
  const demo = await buildTemplate({
    name: 'demo',
    populate: async (handle) => {
      await seedDemoOrg({ db: handle.db, now: () => TEST_NOW });
    },
  });
  return { empty, demo };
}
