import { describe, expect, it } from 'vitest';
import { safeReturnPath, signInPathFor } from './return-path';

describe('safeReturnPath', () => {
  it('follows paths inside the app, with their query', () => {
    expect(safeReturnPath('/reps')).toBe('/reps');
    expect(safeReturnPath('/reps?q=emea')).toBe('/reps?q=emea');
  });

  it('refuses anything that could leave the app', () => {
    for (const hostile of [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
      'reps',
    ]) {
      expect(safeReturnPath(hostile)).toBe('/team');
    }
  });

  it('falls back to /team when missing or pointing at sign-in itself', () => {
    expect(safeReturnPath(null)).toBe('/team');
    expect(safeReturnPath('')).toBe('/team');
    expect(safeReturnPath('/sign-in?returnTo=/reps')).toBe('/team');
  });
});

describe('signInPathFor', () => {
  it('carries the page as returnTo, and leaves it off for the default page', () => {
    expect(signInPathFor('/reps?q=a b')).toBe('/sign-in?returnTo=%2Freps%3Fq%3Da%20b');
    expect(signInPathFor('/team')).toBe('/sign-in');
  });
});
