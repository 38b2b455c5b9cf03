import { IMPORT_KINDS, type ImportKind } from '@rightly/core';
import { normalizeHeader } from '../normalize-header';
import type { Header } from '../read/header';
import { FIELDS_BY_KIND } from './fields';
import type { ImportMapping } from './mapping-schema';

export interface GuessedMapping {
  mapping: ImportMapping;
  /** Required fields no header looked like. */
  missing: string[];
}

/**
 * A first mapping for a CSV nobody described: each field takes the first unused column whose
 * header is one of its usual names, then one that contains such a name. The UI shows it for the
 * user to correct; the CLI prints it as a starting point for a mapping file. It is a suggestion,
 * never applied without the user's say.
 */
export function guessMapping(header: Header, kind: ImportKind): GuessedMapping {
  const used = new Set<number>();
  const columns: Record<string, string> = {};
  const fields = FIELDS_BY_KIND[kind];
  const pick = (test: (normalized: string, synonym: string) => boolean): void => {
    for (const field of fields) {
      if (columns[field.name] !== undefined) continue;
      for (const synonym of field.synonyms) {
        const index = header.normalized.findIndex((n, i) => !used.has(i) && test(n, normalizeHeader(synonym)));
        if (index !== -1) {
          used.add(index);
          columns[field.name] = header.names[index] ?? '';
          break;
        }
      }
    }
  };
  pick((n, s) => n === s);
  pick((n, s) => s.length >= 4 && (n.startsWith(`${s} `) || n.endsWith(` ${s}`)));
  const missing = fields
    .filter((f) => f.required && columns[f.name] === undefined)
    .map((f) => f.name)
    .filter((name) => !(kind === 'users' && name === 'name' && columns.firstName && columns.lastName));
  if (kind === 'users' && !columns.name && !(columns.firstName && columns.lastName)) missing.push('name');
  return { mapping: { kind, source: 'generic', columns }, missing: [...new Set(missing)] };
}

/** The kind whose required fields the headers cover best; ties go to activities, the common case. */
export function guessKind(header: Header): ImportKind {
  let best: ImportKind = 'activities';
  let bestScore = -1;
  for (const kind of IMPORT_KINDS) {
    const guess = guessMapping(header, kind);
    const required = FIELDS_BY_KIND[kind].filter((f) => f.required).length;
    const score =
      (required - guess.missing.length) / Math.max(1, required) + Object.keys(guess.mapping.columns).length / 100;
    if (score > bestScore) {
      best = kind;
      bestScore = score;
    }
  }
  return best;
}
