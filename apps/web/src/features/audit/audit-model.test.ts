import { describe, expect, it } from 'vitest';
import type { AuditEntry } from './audit-api';
import { auditActionLabel } from './audit-labels';
import { detailsJson, entrySummary, personLabel } from './audit-model';

const entry = (details: Record<string, unknown>): AuditEntry => ({
  id: '00000000-0000-4000-8000-000000000001',
  at: '2026-11-27T15:00:00.000Z',
  actorId: null,
  actorName: null,
  action: 'expectation_created',
  subjectId: null,
  subjectName: null,
  details,
});

describe('showing audit entries', () => {
  it('shows a hostile summary as one line, with no forged entry and no reordered text', () => {
    const forged = 'Expectation "x"\n2026-11-27 09:00 Avery Quinn Import finished\u2028again\u202egnp.exe\r';
    expect(entrySummary(entry({ summary: forged }))).toBe(
      'Expectation "x" 2026-11-27 09:00 Avery Quinn Import finished again gnp.exe',
    );
    expect(entrySummary(entry({ summary: 42 }))).toBe('');
  });

  it('keeps hostile details as data: escaped, never raw line breaks or bidi overrides', () => {
    const json = detailsJson(entry({ summary: 's', after: { name: 'a\u2028b\u202ec\nd' } })) ?? '';
    expect(json).toContain('a\\u2028b\\u202ec\\nd');
    expect(json).not.toMatch(/[\u2028\u2029\u202a-\u202e]/);
    expect(detailsJson(entry({ summary: 'only a summary' }))).toBeNull();
  });

  it('names people on one line, and says who acted when no user did', () => {
    expect(personLabel('Eve\nAdmin', 'id', 'System')).toBe('Eve Admin');
    expect(personLabel(null, null, 'System')).toBe('System');
    expect(personLabel(null, 'gone', 'System')).toBe('Former user');
  });

  it('labels every action, and one the page does not know yet in words', () => {
    expect(auditActionLabel('import_failed')).toBe('Import failed');
    expect(auditActionLabel('quota_reached' as AuditEntry['action'])).toBe('Quota reached');
  });
});
