import { AppError, type FieldIssue } from '@rightly/core';
import { importMappingSchema, type ImportMapping } from './mapping-schema';

/**
 * Validates a mapping (parsed JSON, or its text). Every problem is reported at once with the JSON
 * path it is at (`columns.owner`, `values.status.Closed Won`), so a mapping file is fixed in one go.
 */
export function parseMapping(input: unknown, where = 'the mapping'): ImportMapping {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      throw new AppError({
        code: 'validation_failed',
        message: `${where} is not valid JSON: ${(error as Error).message}`,
        issues: [{ field: '(mapping)', message: `is not valid JSON: ${(error as Error).message}` }],
      });
    }
  }
  const parsed = importMappingSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues: FieldIssue[] = parsed.error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.map(String).join('.') : '(mapping)',
    message: issue.message,
  }));
  throw new AppError({
    code: 'validation_failed',
    message: `${where} has problems: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`,
    issues,
  });
}
