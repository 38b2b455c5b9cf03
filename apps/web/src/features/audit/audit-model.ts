import { AUDIT_ACTIONS, escapeInvisible, toSingleLine } from '@rightly/core';
import type { AuditEntry } from './audit-api';
import { auditActionLabel } from './audit-labels';

/** The actions to filter by, with their names, alphabetically by name. */
export const AUDIT_ACTION_OPTIONS = AUDIT_ACTIONS.map((action) => ({
  value: action,
  label: auditActionLabel(action),
})).sort((a, b) => a.label.localeCompare(b.label));

/**
 * The entry's one-line summary as text to show: controls, line and paragraph separators and bidi
 * overrides become spaces whatever was stored, so a summary cannot fake a second entry or reorder
 * what the reader sees. React escapes it as text besides.
 */
export function entrySummary(entry: AuditEntry): string {
  const summary = entry.details.summary;
  return typeof summary === 'string' ? toSingleLine(summary, 300) : '';
}

/** A name shown in a cell, made one line the same way; who acted without a user is the system. */
export function personLabel(name: string | null, id: string | null, fallback: string): string {
  if (name) return toSingleLine(name, 120);
  return id ? 'Former user' : fallback;
}

/** The details other than the summary, as indented JSON with invisible characters escaped. */
export function detailsJson(entry: AuditEntry): string | null {
  const { summary: _summary, ...rest } = entry.details;
  if (Object.keys(rest).length === 0) return null;
  // JSON.stringify escapes line breaks inside strings, so the only raw ones are its indentation:
  // escape each line, keep the breaks between them.
  return JSON.stringify(rest, null, 2).split('\n').map(escapeInvisible).join('\n');
}
