import type { ImportedOffering, RowError } from '../records';
import { parseBoolean } from '../values/booleans';
import { clip } from '../values/text';
import type { MapResult, Row } from './row';

/** One row → one offering (a product or service line) and how strategic it is. */
export function mapOffering(row: Row): MapResult<ImportedOffering> {
  const errors: RowError[] = [];
  const name = row.text('name');
  if (name === null) errors.push(row.error('name', null, 'The name is empty.', 'Every offering needs a name.'));
  let strategicWeight: number | null = null;
  const weightText = row.text('strategicWeight');
  if (weightText !== null) {
    strategicWeight = parseWeight(weightText);
    if (strategicWeight === null) {
      errors.push(
        row.error(
          'strategicWeight',
          weightText,
          `"${weightText}" is not a weight between 0 and 1.`,
          'Write 0 to 1 (0.5), a percentage (50%), or yes/no.',
        ),
      );
    }
  }
  let active: boolean | null = null;
  const activeText = row.text('active');
  if (activeText !== null) {
    active = parseBoolean(activeText);
    if (active === null)
      errors.push(row.error('active', activeText, `"${activeText}" is not yes or no.`, 'Write yes or no.'));
  }
  if (errors.length > 0 || name === null) return { status: 'rejected', errors };
  return {
    status: 'ok',
    record: { kind: 'offering', line: row.line, name: clip(name, 200) ?? name, strategicWeight, active },
  };
}

function parseWeight(text: string): number | null {
  const percent = /^(\d+(?:[.,]\d+)?)\s*%$/.exec(text);
  if (percent) {
    const value = Number((percent[1] ?? '').replace(',', '.')) / 100;
    return value >= 0 && value <= 1 ? value : null;
  }
  const number = Number(text.replace(',', '.'));
  if (text.trim() !== '' && Number.isFinite(number)) return number >= 0 && number <= 1 ? number : null;
  const yes = parseBoolean(text);
  return yes === null ? null : yes ? 1 : 0;
}
