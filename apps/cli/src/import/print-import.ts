import type { ImportView } from '@rightly/services';

/** Error rows shown on the terminal; the full report goes to --error-report. */
export const ERRORS_SHOWN = 10;

/**
 * Cell text from someone else's export, made safe for a terminal: control characters (which could
 * move the cursor or recolour the screen) become visible escapes, line breaks a ↵.
 */
// eslint-disable-next-line no-control-regex -- neutralising control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

export function printable(value: string): string {
  return value.replace(/\r?\n/g, '↵').replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

export function describeImport(
  view: ImportView,
  params: {
    path: string;
    errors: { line: number; column: string | null; value: string | null; reason: string; fix: string }[];
    seconds: number;
  },
): string[] {
  const lines: string[] = [];
  const format = view.report?.format?.label ?? view.kind ?? 'unrecognised file';
  const head = `${params.path} — ${format}`;
  if (view.status === 'succeeded') {
    lines.push(`${head}: ${view.summary} (${params.seconds.toFixed(1)} s).`);
  } else {
    lines.push(`${head}: not imported. ${view.failure?.message ?? ''}`.trimEnd());
    if (view.failure?.fix) lines.push(`  Fix: ${view.failure.fix}`);
  }
  const report = view.report;
  if (report) {
    for (const owner of report.unknownOwners) {
      lines.push(
        `  Unknown owner "${printable(owner.owner)}" (${owner.rows} ${owner.rows === 1 ? 'row' : 'rows'}, first on line ${owner.firstLine}): map with --map-owner "${printable(owner.owner)}=their@email", or --create-owners when the file gives their e-mail.`,
      );
    }
    for (const owner of report.createdOwners)
      lines.push(`  Created the rep ${printable(owner.name)} <${owner.email}>.`);
    const created = (n: number, what: string) => (n > 0 ? [`  Created ${n} ${what}${n === 1 ? '' : 's'}.`] : []);
    lines.push(
      ...created(report.createdAccounts, 'account'),
      ...created(report.createdOfferings, 'offering'),
      ...created(report.createdTeams, 'team'),
    );
    if (report.unmatchedOpportunities > 0) {
      lines.push(
        `  ${report.unmatchedOpportunities} activities name a deal Rightly does not have; import the deals first to link them.`,
      );
    }
    for (const warning of report.warnings)
      lines.push(`  Note: ${printable(warning.message)}${warning.count > 1 ? ` (${warning.count} rows)` : ''}`);
  }
  for (const error of params.errors.slice(0, ERRORS_SHOWN)) {
    const where = `line ${error.line}${error.column ? `, ${printable(error.column)}` : ''}`;
    lines.push(`  ${where}: ${printable(error.reason)} ${printable(error.fix)}`);
  }
  if (view.errorCount > ERRORS_SHOWN) {
    lines.push(`  … and ${view.errorCount - ERRORS_SHOWN} more problems: write them all with --error-report FILE.`);
  }
  return lines;
}
