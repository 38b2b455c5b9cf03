import { openFromTemplate, type TestDatabase } from '@rightly/db/testing';
import { inject } from 'vitest';

/** A private copy of a template database for one test file; close it in afterAll. */
export function openTestDatabase(template: 'empty' | 'demo'): Promise<TestDatabase> {
  return openFromTemplate(inject('databaseTemplates')[template]);
}
