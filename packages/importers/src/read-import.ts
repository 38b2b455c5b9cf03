import type { Readable } from 'node:stream';
import type { DateOrder, ImportKind, ImportSource } from '@rightly/core';
import { detectFormat, MAX_PREAMBLE_ROWS } from './formats/detect-format';
import type { FormatSpec } from './formats/format-spec';
import { ImportFileError } from './import-file-error';
import { mapActivity } from './map/map-activity';
import { mapOffering } from './map/map-offering';
import { mapOpportunity } from './map/map-opportunity';
import { mapUser } from './map/map-user';
import { Row, type MapResult, type RowContext } from './map/row';
import { WarningCollector } from './map/warnings';
import { compileMapping, type CompiledMapping } from './mapping/compile-mapping';
import type { ImportMapping } from './mapping/mapping-schema';
import { readCsvRows, ROW_BATCH, type CsvRow } from './read/csv-rows';
import { decodeStream, type TextEncoding } from './read/decode';
import { sniffDelimiter, type Delimiter } from './read/delimiter';
import { footerRecordCount, isFooterRow } from './read/footer';
import { buildHeader, type Header } from './read/header';
import type { ImportedRecord, ImportWarning, RowError } from './records';
import { DateOrderDetector, DateReader, parseDateFormat } from './values/dates';

export interface ReadImportOptions {
  /** Opens the file from its start. Called a second time only to settle an undecided date order. */
  open: () => Readable;
  source: ImportSource | 'auto';
  kind: ImportKind | 'auto';
  /** A column mapping (generic CSV); without one the export is detected from its headers. */
  mapping?: ImportMapping | null;
  /** How the file writes dates, when the user said so. */
  dateFormat?: DateOrder | null;
  /** The organization's time zone: dates without a zone are wall-clock times there. */
  timeZone: string;
  now: Date;
  /** Told how many bytes of the file were consumed, for progress. */
  onBytes?: (bytes: number) => void;
}

/** What a file turned out to be, for the report and the UI. */
export interface ImportFormat {
  /** The built-in format (`hubspot-activities` …), or `mapping` for a generic CSV. */
  id: string;
  label: string;
  source: ImportSource;
  kind: ImportKind;
  /** Namespace of the record ids in the database. */
  recordSource: string;
  encoding: TextEncoding;
  delimiter: Delimiter;
  header: Header;
  /** The mapping that reads the file (built in, or the user's). */
  mapping: ImportMapping;
  /** Field → the file's column holding it, as the file names it. */
  columnNames: Record<string, string>;
  dateOrder: DateOrder | null;
}

export interface MappedBatch {
  records: ImportedRecord[];
  errors: RowError[];
  /** Rows that describe nothing to import (planned activities, deleted deals). */
  ignored: number;
  /** Data rows this batch covered (records + rejected + ignored). */
  rows: number;
}

export interface ImportReader {
  format: ImportFormat;
  /** The rows of the file, mapped, in order. Iterate once. */
  batches(): AsyncGenerator<MappedBatch>;
  /** Notes collected so far (complete once `batches` is exhausted). */
  warnings(): ImportWarning[];
}

/** Rows read before deciding the format and the date order: a header, a preamble, and a sample. */
const LOOKAHEAD_ROWS = ROW_BATCH;
const DATE_FIELDS = ['occurredAt', 'createdAt', 'closeDate', 'closedAt'] as const;

/**
 * Opens an export for import: decodes it, finds its header and format, settles how it writes
 * dates, and hands back a reader that streams mapped rows in batches. Memory holds one batch at a
 * time, whatever the file size. A file that cannot be imported at all throws `ImportFileError`.
 */
export async function openImport(options: ReadImportOptions): Promise<ImportReader> {
  const decoded = await decodeStream(options.open(), options.onBytes);
  const delimiter = sniffDelimiter(decoded.head);
  const rows = readCsvRows(decoded.text, { delimiter });
  const lookahead: CsvRow[] = [];
  try {
    while (lookahead.length < LOOKAHEAD_ROWS) {
      const next = await rows.next();
      if (next.done) break;
      lookahead.push(...next.value);
    }
    if (lookahead.length === 0) {
      throw new ImportFileError({ reason: 'The file holds no rows.', fix: 'Export the report again with its data.' });
    }
    const located = locate(lookahead, options);
    const { header, mapping, spec } = located;
    const recordSource =
      spec?.source && spec.source !== 'generic'
        ? spec.source
        : (mapping.source ?? (options.source !== 'auto' ? options.source : 'generic'));
    const compiled = compileMapping(mapping, header, recordSource);
    const dataAhead = lookahead.filter((r) => r.line > header.line);
    const dateOrder =
      options.dateFormat ??
      (mapping.dateFormat ? parseDateFormat(mapping.dateFormat) : null) ??
      (await settleDateOrder(dataAhead, compiled, header, options, delimiter));
    const warnings = new WarningCollector();
    for (const duplicate of header.duplicates) {
      warnings.add(
        `The column "${duplicate.name}" appears ${duplicate.columns.length} times (columns ${duplicate.columns.join(', ')}); the first is read as "${duplicate.name}", the others as "${duplicate.name} (2)" and so on.`,
        header.line,
      );
    }
    const format: ImportFormat = {
      id: spec?.id ?? 'mapping',
      label: spec?.label ?? 'CSV with a column mapping',
      source: spec && spec.source !== 'generic' ? spec.source : options.source === 'auto' ? 'generic' : options.source,
      kind: mapping.kind,
      recordSource,
      encoding: decoded.encoding,
      delimiter,
      header,
      mapping,
      columnNames: Object.fromEntries(compiled.columnNames),
      dateOrder,
    };
    const ctx: RowContext = {
      mapping: compiled,
      dates: new DateReader(dateOrder, mapping.timeZone ?? options.timeZone),
      warnings,
      now: options.now,
    };
    return {
      format,
      warnings: () => warnings.list(),
      batches: () => mapBatches({ first: dataAhead, rest: rows, header, ctx, spec }),
    };
  } catch (error) {
    await rows.return(undefined);
    throw error;
  }
}

interface Located {
  header: Header;
  mapping: ImportMapping;
  spec: FormatSpec | null;
}

function locate(lookahead: readonly CsvRow[], options: ReadImportOptions): Located {
  const { mapping } = options;
  if (!mapping) {
    const detected = detectFormat(lookahead, { source: options.source, kind: options.kind });
    return { header: detected.header, mapping: detected.spec.mapping(detected.header), spec: detected.spec };
  }
  if (options.kind !== 'auto' && options.kind !== mapping.kind) {
    throw new ImportFileError({
      reason: `The mapping describes ${mapping.kind}, but --kind says ${options.kind}.`,
      fix: 'Drop --kind, or use a mapping for that kind.',
    });
  }
  // The header is the first row in which every mapped column is found.
  let firstFailure: unknown = null;
  for (const row of lookahead.slice(0, MAX_PREAMBLE_ROWS + 1)) {
    const header = buildHeader(row.cells, row.line);
    try {
      compileMapping(mapping, header, 'probe');
      return { header, mapping, spec: null };
    } catch (error) {
      firstFailure ??= error;
    }
  }
  throw firstFailure;
}

/**
 * The day/month order of the file's dates. The sample read ahead usually settles it (any day
 * above 12 does); when the sample only holds dates that read both ways, the rest of the file is
 * scanned — a second pass, but one that stops at the first telling date. A file where no date
 * tells is refused: guessing would silently swap days and months.
 */
async function settleDateOrder(
  sample: readonly CsvRow[],
  compiled: CompiledMapping,
  header: Header,
  options: ReadImportOptions,
  delimiter: Delimiter,
): Promise<DateOrder | null> {
  const indexes = DATE_FIELDS.map((f) => compiled.columns.get(f)).filter((i): i is number => i !== undefined);
  const detector = new DateOrderDetector();
  const feed = (rows: readonly CsvRow[]): void => {
    for (const row of rows) for (const i of indexes) if (row.cells[i]) detector.add(row.cells[i] ?? '', row.line);
  };
  feed(sample);
  if (!detector.decided && detector.ambiguous) {
    const decoded = await decodeStream(options.open());
    const rows = readCsvRows(decoded.text, { delimiter });
    try {
      for await (const batch of rows) {
        feed(batch.filter((r) => r.line > header.line));
        if (detector.decided) break;
      }
    } finally {
      await rows.return(undefined);
    }
  }
  const result = detector.result();
  if (result.kind === 'order') return result.order;
  if (result.kind === 'mixed') {
    throw new ImportFileError({
      reason: `The file writes dates both month-first (line ${result.mdy.line}: "${result.mdy.value}") and day-first (line ${result.dmy.line}: "${result.dmy.value}").`,
      fix: 'Export it again with one date format, or fix those rows.',
      line: result.dmy.line,
    });
  }
  throw new ImportFileError({
    reason: `Every date in the file could be read two ways (line ${result.example.line}: "${result.example.value}" is day-first or month-first).`,
    fix: 'Say how the file writes dates: --date-format DD/MM/YYYY or --date-format MM/DD/YYYY (dateFormat in a mapping file; a choice in the web app).',
    line: result.example.line,
  });
}

const MAPPERS: Record<ImportKind, (row: Row, ctx: RowContext) => MapResult<ImportedRecord>> = {
  activities: mapActivity,
  opportunities: mapOpportunity,
  users: mapUser,
  offerings: (row) => mapOffering(row),
};

async function* mapBatches(params: {
  first: readonly CsvRow[];
  rest: AsyncGenerator<CsvRow[]>;
  header: Header;
  ctx: RowContext;
  spec: FormatSpec | null;
}): AsyncGenerator<MappedBatch> {
  const { header, ctx, spec } = params;
  const mapRow = MAPPERS[ctx.mapping.kind];
  let dataRows = 0;
  let statedCount: number | null = null;
  let statedLine = 0;

  const map = (rows: readonly CsvRow[]): MappedBatch => {
    const batch: MappedBatch = { records: [], errors: [], ignored: 0, rows: 0 };
    for (const csvRow of rows) {
      if (isFooterRow(csvRow.cells)) {
        const stated = footerRecordCount(csvRow.cells);
        if (stated !== null) {
          statedCount = stated;
          statedLine = csvRow.line;
        }
        continue;
      }
      batch.rows++;
      dataRows++;
      if (csvRow.cells.length > header.names.length) {
        ctx.warnings.add(
          `Some rows have more cells than the header has columns (${header.names.length}); the extra cells were not read.`,
          csvRow.line,
        );
      }
      const row = new Row(csvRow.line, csvRow.cells, ctx.mapping, header);
      if (spec?.skip?.(row)) {
        batch.ignored++;
        continue;
      }
      const result = mapRow(row, ctx);
      if (result.status === 'rejected') batch.errors.push(...result.errors);
      else if (result.status === 'ignored') batch.ignored++;
      else {
        const record = spec?.adjust ? spec.adjust(result.record, row, ctx) : result.record;
        if (record === null) batch.ignored++;
        else batch.records.push(record);
      }
    }
    return batch;
  };

  try {
    if (params.first.length > 0) yield map(params.first);
    for await (const rows of params.rest) yield map(rows);
  } finally {
    await params.rest.return(undefined);
  }
  if (statedCount !== null && statedCount !== dataRows) {
    ctx.warnings.add(
      `The footer says ${statedCount} records, but the file holds ${dataRows} data rows: check the export is complete.`,
      statedLine,
    );
  }
}
