import type { ImportKind, ImportPreviewResponse, ImportResponse, ImportSource, OnErrorPolicy } from '@rightly/core';

export type DurationUnit = 'seconds' | 'milliseconds' | 'minutes';

/** What the admin decided for an owner the file names but Rightly does not know. */
export type OwnerChoice =
  { action: 'leave' } | { action: 'existing'; email: string } | { action: 'create'; email: string };

/** The column mapping built in the mapping step, for a CSV Rightly does not know. */
export interface MappingChoice {
  kind: ImportKind;
  /** Field → column header. */
  columns: Record<string, string>;
  durationUnit: DurationUnit;
}

export interface ImportChoices {
  source: 'auto' | ImportSource;
  kind: 'auto' | ImportKind;
  onError: OnErrorPolicy;
  /** Empty: let the file tell. */
  dateFormat: '' | 'DD/MM/YYYY' | 'MM/DD/YYYY' | 'YYYY-MM-DD';
  mapping: MappingChoice | null;
  owners: Record<string, OwnerChoice>;
}

export const INITIAL_CHOICES: ImportChoices = {
  source: 'auto',
  kind: 'auto',
  onError: 'reject',
  dateFormat: '',
  mapping: null,
  owners: {},
};

/** Owner → e-mail for the owners the admin mapped or asked to create (the server creates a rep when no user has it). */
export function ownerMapOf(owners: Record<string, OwnerChoice>): Record<string, string> {
  const map: Record<string, string> = {};
  for (const [owner, choice] of Object.entries(owners)) {
    if (choice.action !== 'leave' && choice.email.trim() !== '') map[owner] = choice.email.trim();
  }
  return map;
}

/** The multipart form of an upload or a preview: option fields first, then the file, as the API wants. */
export function buildImportForm(file: File, choices: ImportChoices, options: { dryRun?: boolean } = {}): FormData {
  const form = new FormData();
  form.append('source', choices.mapping ? 'generic' : choices.source);
  if (!choices.mapping && choices.kind !== 'auto') form.append('kind', choices.kind);
  form.append('onError', choices.onError);
  if (choices.dateFormat) form.append('dateFormat', choices.dateFormat);
  if (choices.mapping) {
    const { kind, columns, durationUnit } = choices.mapping;
    const used = Object.fromEntries(Object.entries(columns).filter(([, column]) => column !== ''));
    form.append('mapping', JSON.stringify({ kind, columns: used, durationUnit }));
  }
  const ownerMap = ownerMapOf(choices.owners);
  if (Object.keys(ownerMap).length > 0) form.append('ownerMap', JSON.stringify(ownerMap));
  if (options.dryRun) form.append('dryRun', 'true');
  form.append('file', file, file.name);
  return form;
}

/** Whether the file needs the mapping step: a CSV that matched no known export, or one the admin maps by choice. */
export function needsMapping(preview: ImportPreviewResponse | undefined, choices: ImportChoices): boolean {
  if (choices.mapping) return true;
  return preview !== undefined && preview.format === null && preview.guess !== null;
}

/** The mapping step's starting point: the server's guess from the headers. */
export function mappingFromGuess(preview: ImportPreviewResponse): MappingChoice {
  const guess = preview.guess?.mapping as { kind?: ImportKind; columns?: Record<string, string> } | undefined;
  return { kind: guess?.kind ?? 'activities', columns: { ...(guess?.columns ?? {}) }, durationUnit: 'seconds' };
}

/** Required fields of the kind that no column is mapped to yet. */
export function missingFields(preview: ImportPreviewResponse, mapping: MappingChoice): string[] {
  const fields = preview.fields[mapping.kind] ?? [];
  return fields
    .filter((f) => f.required && !mapping.columns[f.name])
    .filter(
      (f) => !(mapping.kind === 'users' && f.name === 'name' && mapping.columns.firstName && mapping.columns.lastName),
    )
    .map((f) => f.label);
}

/** Values shown per previewed row, per kind: what tells whether the file was read right. */
export const PREVIEW_VALUES: Record<ImportKind, { key: string; label: string }[]> = {
  activities: [
    { key: 'occurredAt', label: 'When' },
    { key: 'owner', label: 'Owner' },
    { key: 'type', label: 'Type' },
    { key: 'outcome', label: 'Outcome' },
    { key: 'accountName', label: 'Account' },
    { key: 'subject', label: 'Subject' },
  ],
  opportunities: [
    { key: 'name', label: 'Name' },
    { key: 'owner', label: 'Owner' },
    { key: 'stage', label: 'Stage' },
    { key: 'status', label: 'Status' },
    { key: 'amount', label: 'Amount' },
    { key: 'createdAt', label: 'Created' },
  ],
  users: [
    { key: 'name', label: 'Name' },
    { key: 'email', label: 'E-mail' },
    { key: 'role', label: 'Role' },
    { key: 'team', label: 'Team' },
  ],
  offerings: [
    { key: 'name', label: 'Name' },
    { key: 'strategicWeight', label: 'Strategic weight' },
    { key: 'active', label: 'Active' },
  ],
};

export function isFinished(view: Pick<ImportResponse, 'status'>): boolean {
  return view.status === 'succeeded' || view.status === 'failed';
}

export const STATUS_COLOR: Record<ImportResponse['status'], string> = {
  queued: 'gray',
  running: 'blue',
  succeeded: 'teal',
  failed: 'red',
};

export const SOURCE_LABEL: Record<string, string> = {
  salesforce: 'Salesforce',
  hubspot: 'HubSpot',
  pipedrive: 'Pipedrive',
  generic: 'CSV',
  auto: 'Detect',
};

/** "2026-10-13T18:05:00.000Z" → a local date and time; other values as they are. */
export function displayValue(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) {
    return new Date(value).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
  }
  return String(value);
}
