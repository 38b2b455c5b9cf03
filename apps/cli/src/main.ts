import { RIGHTLY_VERSION } from '@rightly/server';
import { Command, InvalidArgumentError } from 'commander';
import { assessCommand } from './commands/assess';
import { demoCommand } from './commands/demo';
import { forecastCommand } from './commands/forecast';
import { migrateCommand } from './commands/migrate';
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

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = reportError(error);
}
