/** The `strata` command line: serve, migrate, plan import/export, demo reset, users, figures. */
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config.ts';
import { AppError } from '../services/index.ts';
import { DataDirLockedError } from '../services/runtime.ts';
import { BackupError } from '../services/backup.ts';
import { figureCommands } from './commands/figure.ts';
import { jobsCommands } from './commands/jobs.ts';
import { dataCommands } from './commands/data.ts';
import { reportCommand } from './commands/report.ts';
import { migrateCommand } from './commands/migrate.ts';
import { planCommands } from './commands/plan.ts';
import { userCommands } from './commands/user.ts';
import { serve } from './serve.ts';

function program(): Command {
  const cli = new Command('strata')
    .description('Strata: steer a multi-school strategic plan and show its impact.')
    .showHelpAfterError()
    .exitOverride();
  cli
    .command('serve')
    .description('Start the web app and the API (PORT, HOST, DATABASE_URL, STRATA_DATA_DIR…).')
    .action(serve);
  migrateCommand(cli);
  planCommands(cli);
  userCommands(cli);
  figureCommands(cli);
  jobsCommands(cli);
  dataCommands(cli);
  reportCommand(cli);
  return cli;
}

function describe(error: unknown): string {
  if (error instanceof AppError) {
    const fields = error.fields.map((f) => `  ${f.field}: ${f.message}`).join('\n');
    return fields ? `${error.message}\n${fields}` : error.message;
  }
  if (
    error instanceof ConfigError ||
    error instanceof DataDirLockedError ||
    error instanceof BackupError
  )
    return error.message;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** Runs the command line with `argv` (process.argv form). */
export async function main(argv: readonly string[]): Promise<void> {
  try {
    await program().parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode;
      return;
    }
    console.error(`strata: ${describe(error)}`);
    process.exitCode = 1;
  }
}
