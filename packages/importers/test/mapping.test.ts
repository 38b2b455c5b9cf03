import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AppError } from '@rightly/core';
import { describe, expect, it } from 'vitest';
import { guessMapping, importMappingJsonSchema, parseMapping } from '../src/index';
import { buildHeader } from '../src/read/header';

const DOCS_SCHEMA = fileURLToPath(new URL('../../../docs/import-mapping.schema.json', import.meta.url));

const issuesOf = (input: unknown) => {
  try {
    parseMapping(input);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).issues.map((i) => `${i.field}: ${i.message}`);
  }
};

describe('mapping files', () => {
  it('accepts the documented examples', () => {
    for (const path of [
      'generic/activities.mapping.json',
      'generic/opportunities.mapping.json',
      'messy/amounts.mapping.json',
    ]) {
      expect(() => parseMapping(readFileSync(new URL(`./fixtures/${path}`, import.meta.url), 'utf8'))).not.toThrow();
    }
  });

  it('names the JSON path of every problem at once', () => {
    expect(
      issuesOf({
        kind: 'activities',
        columns: { owner: 'Who', occurredAt: 'When', colour: 'Colour' },
        values: { type: { Phone: 'telephone' } },
        dateFormat: 'someday',
        owners: { 'Jane Doe': 'not-an-email' },
      }),
    ).toEqual([
      'values.type.Phone: must be one of call, email, meeting, task, other',
      'dateFormat: must be DD/MM/YYYY, MM/DD/YYYY or YYYY-MM-DD',
      'owners.Jane Doe: must be an e-mail address',
    ]);
    expect(issuesOf({ kind: 'activities', columns: { owner: 'Who', occurredAt: 'When', colour: 'Colour' } })).toEqual([
      'columns.colour: is not a field of activities; the fields are externalId, owner, occurredAt, time, type, channel, outcome, status, subject, durationSeconds, account, opportunity',
      'columns.type: is required: name the column, or set defaults.type when every row is the same type',
    ]);
    expect(issuesOf({ kind: 'deals', columns: {} })[0]).toMatch(
      /^kind: must be one of activities, opportunities, users, offerings/,
    );
    expect(issuesOf('{ not json')[0]).toMatch(/^\(mapping\): is not valid JSON/);
  });

  it('publishes its JSON Schema in docs/, kept equal to the code', () => {
    const committed = JSON.parse(readFileSync(DOCS_SCHEMA, 'utf8')) as unknown;
    expect(committed).toEqual(importMappingJsonSchema());
  });

  it('guesses a mapping from headers, leaving out what it cannot place', () => {
    const header = buildHeader(['Date', 'Sales Rep', 'Activity Type', 'Company Name', 'Notes', 'Deal'], 1);
    const guess = guessMapping(header, 'activities');
    expect(guess.mapping.columns).toEqual({
      owner: 'Sales Rep',
      occurredAt: 'Date',
      type: 'Activity Type',
      account: 'Company Name',
      opportunity: 'Deal',
    });
    expect(guess.missing).toEqual([]);
    expect(guessMapping(buildHeader(['Foo', 'Bar'], 1), 'activities').missing).toEqual(['owner', 'occurredAt', 'type']);
  });
});
