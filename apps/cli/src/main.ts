import { RIGHTLY_VERSION } from '@rightly/server';
import { IMPORT_KINDS, IMPORT_SOURCES, ON_ERROR_POLICIES } from '@rightly/core';
import { parseDateFormat } from '@rightly/importers';
import { Command, InvalidArgumentError, Option } from 'commander';
import { assessCommand } from './commands/assess';
import { demoCommand } from './commands/demo';
import { forecastCommand } from './commands/forecast';
import { importCommand } from './commands/import';
import { migrateCommand } from './commands/migrate';
import { reportsDueCommand } from './commands/reports';
import { exportCoachingPlanCommand, exportMatrixCommand } from './commands/export';
import { serveCommand } from './commands/serve';
import { reportError } from './output';

const print = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

function portNumber(value: string): string {
  if (!/^\d+$/.test(value) || Number(value) > 65_535) {
    throw new InvalidArgumentError('must be a port number between 0 and 65535.');
  }
  return value;
}

function dateFormat(value: string): string {
  if (!parseDateFormat(value)) throw new InvalidArgumentError('must be DD/MM/YYYY, MM/DD/YYYY or YYYY-MM-DD.');
  return value;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

const DATA_DIR_HELP = 'embedded database folder (default: $RIGHTLY_DATA_DIR or ./.rightly/data)';
const ENV_HELP = `
Environment:
  DATABASE_URL      PostgreSQL connection string; when unset the embedded database is used
  RIGHTLY_DATA_DIR  folder of the embedded database and the generated session secret
  PORT, HOST        where \`rightly serve\` listens (default 3000, localhost)
  LOG_LEVEL         fatal|error|warn|info|debug|trace|silent (default info)
  SESSION_SECRET    key for session cookies (generated in the data folder when unset)
  RIGHTLY_DEMO      auto (seed the demo into an empty database, default) | off
  TRUST_PROXY       true behind a reverse proxy that sets X-Forwarded-*`;

const program = new Command()
  .name('rightly')
  .description('Rightly: hold every rep accountable for the right thing, the right way, at the right time.')
  .version(RIGHTLY_VERSION, '-v, --version')
  .addHelpText('after', ENV_HELP)
  .showHelpAfterError();

program
  .command('serve')
  .description('serve the API and web app; migrates the database and seeds the demo into an empty one')
  .option('-p, --port <port>', 'port to listen on (default: $PORT or 3000)', portNumber)
  .option('--host <host>', 'interface to listen on (default: $HOST or localhost; 0.0.0.0 for all)')
  .option('--data-dir <dir>', DATA_DIR_HELP)
  .option('--no-demo', 'never seed the demo organization')
  .action((options) => serveCommand(options, print));

program
  .command('migrate')
  .description('apply pending database migrations, then exit')
  .option('--data-dir <dir>', DATA_DIR_HELP)
  .action((options) => migrateCommand(options, print));

program
  .command('demo')
  .description('create the demo organization "Demo Co" (does nothing when it exists)')
  .option('--data-dir <dir>', DATA_DIR_HELP)
  .option('--reset', 'replace an existing demo organization with a fresh one')
  .action((options) => demoCommand(options, print));

const formatOption = (value: string): 'table' | 'json' | 'csv' => {
  if (value !== 'table' && value !== 'json' && value !== 'csv')
    throw new InvalidArgumentError('must be table, json or csv.');
  return value;
};

program
  .command('assess')
  .description('assess every rep on the right thing, the right way and the right time, and list who needs help')
  .option('--team <name>', 'a team (name or id); its sub-teams are included')
  .option(
    '--period <period>',
    'a week (2026-W05), month (2026-01), quarter (2026-Q1) or 2026-01-05..2026-02-13; default this week',
  )
  .option('--as-of <date>', 'assess as of an earlier date (YYYY-MM-DD)')
  .option('--format <format>', 'table, json or csv', formatOption, 'table')
  .option('--org <slug>', 'the organization, when the database holds several')
  .option('--data-dir <dir>', DATA_DIR_HELP)
  .action((options) => assessCommand(options, print));

program
  .command('forecast')
  .description('bookings forecast per month from pipeline and prospecting, with the gap to target')
  .option('--rep <email>', 'one rep (e-mail or id)')
  .option('--team <name>', 'a team (name or id); its sub-teams are included')
  .option('--months <n>', 'months ahead (1–12)', '6')
  .option('--as-of <date>', 'forecast as of an earlier date (YYYY-MM-DD)')
  .option('--format <format>', 'table, json or csv', formatOption, 'table')
  .option('--org <slug>', 'the organization, when the database holds several')
  .option('--data-dir <dir>', DATA_DIR_HELP)
  .action((options) => forecastCommand(options, print));

const reports = program.command('reports').description('self-reports: what is due, late and missing');
reports
  .command('due')
  .description('list the self-reports that are overdue or due within a week, overdue first')
  .option('--as-of <date>', 'as of an earlier or later date (YYYY-MM-DD); default today')
  .option('--team <name>', 'a team (name or id); its sub-teams are included')
  .option('--format <format>', 'table, json or csv', formatOption, 'table')
  .option('--org <slug>', 'the organization, when the database holds several')
  .option('--data-dir <dir>', DATA_DIR_HELP)
  .action((options) => reportsDueCommand(options, print));

const exports = program.command('export').description('exports for HR and spreadsheets (each one is audited)');
exports
  .command('coaching-plan')
  .description("a rep's latest coaching plan with its sessions, commitments, effect and ladder steps as a PDF")
  .requiredOption('--rep <email>', 'the rep (e-mail or id)')
  .option('--out <file>', 'where to write the PDF; default coaching-plan-<rep>-<start>.pdf here')
  .option('--org <slug>', 'the organization, when the database holds several')
  .option('--data-dir <dir>', DATA_DIR_HELP)
  .action((options) => exportCoachingPlanCommand(options, print));
exports
  .command('matrix')
  .description('the team matrix (reps × the three rights, with evidence) as CSV safe for spreadsheets')
  .option('--team <name>', 'a team (name or id); its sub-teams are included')
  .option(
    '--period <period>',
    'a week (2026-W05), month (2026-01), quarter (2026-Q1) or 2026-01-05..2026-02-13; default this week',
  )
  .option('--out <file>', 'where to write the CSV; default standard output')
  .option('--org <slug>', 'the organization, when the database holds several')
  .option('--data-dir <dir>', DATA_DIR_HELP)
  .action((options) => exportMatrixCommand(options, print));

program
  .command('import')
  .description('import CRM exports (Salesforce, HubSpot, Pipedrive, or any CSV with a mapping): atomic and idempotent')
  .argument('<FILE...>', 'CSV exports; several are imported rosters first, then offerings, deals, activities')
  .addOption(
    new Option('--source <source>', 'the CRM the files come from').choices(['auto', ...IMPORT_SOURCES]).default('auto'),
  )
  .addOption(new Option('--kind <kind>', 'what the rows describe (default: detected)').choices([...IMPORT_KINDS]))
  .option(
    '--mapping <file>',
    'JSON column mapping for a generic CSV (docs/imports.md, docs/import-mapping.schema.json)',
  )
  .option('--date-format <fmt>', 'how ambiguous dates are written: DD/MM/YYYY, MM/DD/YYYY or YYYY-MM-DD', dateFormat)
  .addOption(
    new Option('--on-error <policy>', 'reject: import nothing if any row is bad; skip: import the good rows')
      .choices([...ON_ERROR_POLICIES])
      .default('reject'),
  )
  .option('--dry-run', 'read, check and count everything, write nothing')
  .option('--json', 'print a machine-readable summary')
  .option(
    '--map-owner <owner=email>',
    'treat this owner as the user with that e-mail (a rep is created if none); repeatable',
    collect,
    [],
  )
  .option('--create-owners', 'create reps for unknown owners the file names by e-mail')
  .option('--org <slug>', 'organization to import into (needed when the database holds several)')
  .option('--error-report <file>', 'write the full error report (CSV) to this file')
  .option('--data-dir <dir>', DATA_DIR_HELP)
  .addHelpText(
    'after',
    `
Examples:
  rightly import activities.csv                       # detected: Salesforce, HubSpot or Pipedrive
  rightly import roster.csv deals.csv calls.csv       # a whole org, in the right order
  rightly import sheet.csv --mapping sheet.mapping.json --date-format DD/MM/YYYY
  rightly import calls.csv --on-error skip --map-owner "Jane Doe=jane@acme.com" --json

Exit status: 0 imported; 65 the file or some rows were refused (nothing of that file written under
--on-error reject); 66 a file is missing; 75 the data folder is in use.`,
  )
  .action((files: string[], options) => importCommand(files, options, print));

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = reportError(error);
}
