import { describe, expect, it } from 'vitest';
import { buildImportForm, INITIAL_CHOICES, ownerMapOf } from './import-model';

describe('the import form', () => {
  it('sends the options before the file, the mapping as JSON, and only the owners the admin settled', () => {
    const file = new File(['a,b\n'], 'sheet.csv', { type: 'text/csv' });
    const form = buildImportForm(
      file,
      {
        ...INITIAL_CHOICES,
        onError: 'skip',
        dateFormat: 'DD/MM/YYYY',
        mapping: {
          kind: 'activities',
          columns: { owner: 'Who', occurredAt: 'When', subject: '' },
          durationUnit: 'minutes',
        },
        owners: {
          'Pat Nobody': { action: 'create', email: 'pat@acme.test' },
          'Jo Somebody': { action: 'leave' },
          'Sam Same': { action: 'existing', email: 'sam@acme.test' },
        },
      },
      { dryRun: true },
    );
    expect([...form.keys()]).toEqual(['source', 'onError', 'dateFormat', 'mapping', 'ownerMap', 'dryRun', 'file']);
    expect(form.get('source')).toBe('generic');
    expect(JSON.parse(String(form.get('mapping')))).toEqual({
      kind: 'activities',
      columns: { owner: 'Who', occurredAt: 'When' },
      durationUnit: 'minutes',
    });
    expect(JSON.parse(String(form.get('ownerMap')))).toEqual({
      'Pat Nobody': 'pat@acme.test',
      'Sam Same': 'sam@acme.test',
    });
    expect((form.get('file') as File).name).toBe('sheet.csv');
  });

  it('leaves an owner out until an e-mail is given', () => {
    expect(ownerMapOf({ A: { action: 'create', email: ' ' }, B: { action: 'existing', email: 'b@x.test' } })).toEqual({
      B: 'b@x.test',
    });
  });
});
