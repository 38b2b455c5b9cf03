import { describe, expect, it } from 'vitest';
import { normalizeHeader } from '../src/index';

describe('normalizeHeader', () => {
  it('makes the spellings of one column from different exports equal', () => {
    expect(normalizeHeader('\uFEFFActivity ID')).toBe('activity id');
    expect(normalizeHeader('Activity - Due date')).toBe('activity due date');
    expect(normalizeHeader('  Call duration (ms) ')).toBe('call duration ms');
    expect(normalizeHeader('Activity_ID')).toBe(normalizeHeader('activity id'));
  });

  it('keeps letters of any script, so non-English exports still map', () => {
    expect(normalizeHeader('Fälligkeitsdatum')).toBe('fälligkeitsdatum');
    expect(normalizeHeader('Ｄａｔｅ')).toBe('date');
  });
});
