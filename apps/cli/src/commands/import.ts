import { createReadStream, createWriteStream, existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { finished } from 'node:stream/promises';
import { AppError, IMPORT_KIND_ORDER, type ImportKind } from '@rightly/core';
import { openImport, parseMapping, type ImportMapping } from '@rightly/importers';
import {
  importErrorsCsv,
  listImportErrors,
  openRuntime,
  recoverImports,
  resolveImportOrg,
  withOrgScope,
  runImport,
  startImport,
  type ImportActor,
  type ImportView,
  type Runtime,
} from '@rightly/services';
import { configFrom, type ConfigFlags } from '../flags';
import { describeImport } from '../import/print-import';
import { progressDisplay } from '../import/progress-display';

export interface ImportFlags extends ConfigFlags {
  source: string;
  kind?: string;
  mapping?: string;
  dateFormat?: string;
  onError: string;
  dryRun?: boolean;
  json?: boolean;
  mapOwner: string[];
  createOwners?: boolean;
  org?: string;
  errorReport?: string;
}

interface Outcome {
  path: string;
  view: ImportView;
  errors: Awaited<ReturnType<typeof listImportErrors>>;
  seconds: number;
  errorReport: string | null;
}

/**
 * `rightly import FILE...`: imports exports into an organization, in-process against the database
 * (the embedded folder's lock applies). Several files are imported in the order that lets them
 * refer to each other — rosters, offerings, deals, then activities — each atomically on its own.
 * Exit status 0 when every file was imported, 65 when a file or its rows were refused.
 */
export async function importCommand(files: string[], flags: ImportFlags, print: (line: string) => void): Promise<void> {
  const mapping = flags.mapping ? readMapping(flags.mapping) : null;
  for (const file of files) {
    if (!existsSync(file) || !statSync(file).isFile()) {
      throw new AppError({ code: 'not_found', message: `There is no file ${file}.` });
    }
  }
  if (flags.errorReport && files.length > 1) {
    throw new AppError({
      code: 'validation_failed',
      message: '--error-report names one file; import one file at a time to write its report.',
      issues: [{ field: '--error-report', message: 'works with a single FILE' }],
    });
  }
  const options = {
    source: flags.source,
    kind: flags.kind ?? 'auto',
    onError: flags.onError,
    dateFormat: flags.dateFormat ?? null,
    mapping,
    ownerMap: parseOwnerMap(flags.mapOwner),
    createOwners: flags.createOwners ?? false,
    dryRun: flags.dryRun ?? false,
  };
  const ordered = await orderByKind(files, flags, mapping);

  const config = configFrom(process.env, flags);
  const runtime: Runtime = await openRuntime({ config, command: 'rightly import' });
  const outcomes: Outcome[] = [];
  try {
    const deps = runtime.deps;
    // This process owns the embedded folder now, so any import still "running" there died with its process.
    await recoverImports(deps, { atStartup: true });
    const org = await resolveImportOrg(deps, { org: flags.org });
    const actor: ImportActor = { kind: 'operator', orgId: org.id };
    // The import runs in the chosen org's scope (row-level security on PostgreSQL).
    await withOrgScope({ orgId: org.id }, async () => {
      for (const path of ordered) {
        const bytes = statSync(path).size;
        const started = await startImport(deps, {
          actor,
          fileName: basename(path),
          fileBytes: bytes,
          options,
          via: 'cli',
        });
        const display = flags.json
          ? null
          : progressDisplay({ label: basename(path), fileBytes: bytes, tty: Boolean(process.stderr.isTTY) });
        const began = Date.now();
        let view: ImportView;
        try {
          view = await runImport(deps, {
            orgId: org.id,
            importId: started.id,
            file: { bytes, open: () => createReadStream(path, { highWaterMark: 1024 * 1024 }) },
            onProgress: (event) => display?.update(event),
          });
        } finally {
          display?.stop();
        }
        const errors =
          view.errorCount > 0 ? await listImportErrors(deps, { actor, importId: view.id, limit: 100 }) : [];
        const errorReport =
          flags.errorReport && view.errorCount > 0
            ? await writeErrorReport(deps, actor, view.id, flags.errorReport)
            : null;
        const outcome = { path, view, errors, seconds: (Date.now() - began) / 1000, errorReport };
        outcomes.push(outcome);
        if (!flags.json) {
          for (const line of describeImport(view, outcome)) print(line);
          if (errorReport) print(`  Wrote the error report (${view.errorCount} rows) to ${errorReport}.`);
        }
      }
    });
    if (flags.json) print(JSON.stringify(jsonSummary(org, outcomes), null, 2));
  } finally {
    await runtime.close();
  }
  const failed = outcomes.filter((o) => o.view.status !== 'succeeded');
  if (failed.length > 0) {
    process.exitCode = failed.some((o) => ['internal', 'interrupted'].includes(o.view.failure?.code ?? '')) ? 70 : 65;
  }
}

function readMapping(path: string): ImportMapping {
  if (!existsSync(path)) throw new AppError({ code: 'not_found', message: `There is no mapping file ${path}.` });
  const mapping = parseMapping(readFileSync(path, 'utf8'), `The mapping file ${path}`);
  return mapping;
}

/** `--map-owner "Jane Doe=jane@acme.com"`, repeatable. */
function parseOwnerMap(entries: string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const entry of entries) {
    const at = entry.lastIndexOf('=');
    const owner = entry.slice(0, at).trim();
    const email = entry.slice(at + 1).trim();
    if (at <= 0 || owner === '' || !email.includes('@')) {
      throw new AppError({
        code: 'validation_failed',
        message: `--map-owner "${entry}" should read "Owner name=their@email".`,
        issues: [{ field: '--map-owner', message: `"${entry}" should read "Owner name=their@email"` }],
      });
    }
    map[owner] = email;
  }
  return map;
}

/**
 * Rosters before offerings before deals before activities, so each file finds what it names. A
 * file whose kind cannot be told yet keeps its place at the end; its import will say why.
 */
async function orderByKind(files: string[], flags: ImportFlags, mapping: ImportMapping | null): Promise<string[]> {
  if (files.length < 2) return files;
  const kinds = new Map<string, number>();
  for (const file of files) {
    try {
      const reader = await openImport({
        open: () => createReadStream(file),
        source: flags.source as Parameters<typeof openImport>[0]['source'],
        kind: (flags.kind ?? 'auto') as ImportKind | 'auto',
        mapping,
        dateFormat: null,
        timeZone: 'UTC',
        now: new Date(),
      });
      kinds.set(file, IMPORT_KIND_ORDER[reader.format.kind]);
      await reader.batches().return(undefined);
    } catch {
      kinds.set(file, 99);
    }
  }
  return [...files].sort((a, b) => (kinds.get(a) ?? 99) - (kinds.get(b) ?? 99));
}

async function writeErrorReport(
  deps: Runtime['deps'],
  actor: ImportActor,
  importId: string,
  path: string,
): Promise<string> {
  const report = await importErrorsCsv(deps, { actor, importId });
  const out = createWriteStream(path);
  for await (const chunk of report.lines) {
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  out.end();
  await finished(out);
  return path;
}

function jsonSummary(org: { slug: string }, outcomes: Outcome[]) {
  return {
    organization: org.slug,
    ok: outcomes.every((o) => o.view.status === 'succeeded'),
    imports: outcomes.map((o) => ({
      file: o.path,
      ...o.view,
      seconds: Number(o.seconds.toFixed(3)),
      errors: o.errors,
      errorReport: o.errorReport,
    })),
  };
}
