import { normalizeValue } from './text';

const TRUE = new Set([
  '1',
  'true',
  'yes',
  'y',
  'x',
  'done',
  'completed',
  'complete',
  'won',
  'active',
  'ja',
  'oui',
  'si',
  'sí',
]);
const FALSE = new Set(['0', 'false', 'no', 'n', 'to do', 'todo', 'not done', 'open', 'inactive', 'nein', 'non']);

/** Yes/no cells in the spellings exports use; null when the cell says neither. */
export function parseBoolean(value: string): boolean | null {
  const key = normalizeValue(value);
  if (TRUE.has(key)) return true;
  if (FALSE.has(key)) return false;
  return null;
}
