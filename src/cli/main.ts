/** The `strata` command line: serve, migrate, plan import/export, demo reset. */
import { writeFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { ConfigError, loadConfig } from '../config.ts';
import { AppError } from '../services/index.ts';
import { DataDirLockedError, openStrata, runMigrations } from '../services/runtime.ts';
import { serve } from './serve.ts';

const CLI_ACTOR = { kind: 'cli' as const, name: 'cli' };

function program(): Command {
  const cli = new Command('strata')
    .description('Strata: steer a multi-school strategic plan and show its impact.')
    .showHelpAfterError()
    .exitOverride();

  cli
    .command('serve')
    .description('Start the web app and the API (PORT, HOST, DATABASE_URL, STRATA_DATA_DIR…).')
    .action(serve);

  cli
    .command('migrate')
    .description(
      'Apply database migrations (up), revert the last ones (down), or list them (status).',
    )
    .argument('[direction]', 'up, down or status', 'up')
    .option('--steps <n>', 'how many to revert with down', '1')
    .action(async (direction: string, options: { steps: string }) => {
      if (!['up', 'down', 'status'].includes(direction)) {
        throw new AppError(
          'invalid_input',
          `direction must be up, down or status, not "${direction}"`,
        );
      }
      const steps = Number.parseInt(options.steps, 10);
      if (!Number.isInteger(steps) || steps < 1)
        throw new AppError('invalid_input', '--steps must be a whole number ≥ 1');
      const result = await runMigrations(
        loadConfig(),
        direction as 'up' | 'down' | 'status',
        steps,
      );
      const verb = direction === 'up' ? 'applied' : direction === 'down' ? 'reverted' : 'pending';
      const listed =
        direction === 'status'
          ? result.available.filter((m) => !result.applied.includes(m))
          : result.changed;
      console.log(
        `${listed.length} migration(s) ${verb}${listed.length ? `: ${listed.join(', ')}` : ''}`,
      );
      console.log(`applied: ${result.applied.join(', ') || 'none'}`);
    });

  const plan = cli
    .command('plan')
    .description('Plans as code: import or export a YAML plan bundle.');
  plan
    .command('import')
    .description('Import a plan file or a folder of them; a bad bundle is refused whole.')
    .argument('<file>', 'a .yaml file or a folder of .yaml files')
    .action(async (file: string) => {
      const strata = await openStrata(loadConfig(), { seed: false });
      try {
        const report = await strata.services.planFiles.importPath(file, CLI_ACTOR);
        console.log(
          `${report.created ? 'Created' : 'Updated'} workspace ${report.workspace}: ${report.units} units, ${report.plans} plans, ` +
            `${report.elements} elements, ${report.indicators} indicators, ${report.actions} actions; ` +
            `${report.figuresAppended} figures and ${report.targetsAppended} target points recorded.`,
        );
      } finally {
        await strata.close();
      }
    });
  plan
    .command('export')
    .description('Export a workspace as one YAML plan file.')
    .option('-w, --workspace <slug>', 'the workspace (default: STRATA_WORKSPACE or imt)')
    .option('-o, --out <file>', 'write to this file instead of standard output')
    .action(async (options: { workspace?: string; out?: string }) => {
      const config = loadConfig();
      const strata = await openStrata(config, { seed: false });
      try {
        const yaml = await strata.services.planFiles.exportYaml(
          options.workspace ?? config.workspace,
        );
        if (options.out) writeFileSync(options.out, yaml);
        else process.stdout.write(yaml);
      } finally {
        await strata.close();
      }
    });

  const demo = cli.command('demo').description('The demonstration data set.');
  demo
    .command('reset')
    .description('Delete the demo workspace and load the default plan again (STRATA_SEED).')
    .action(async () => {
      const config = loadConfig();
      if (!config.seedDir)
        throw new AppError('invalid_input', 'STRATA_SEED is "none": there is no demo plan to load');
      const strata = await openStrata(config, { seed: false });
      try {
        const removed = await strata.services.workspace.remove(config.workspace);
        const report = await strata.services.planFiles.importPath(config.seedDir, {
          kind: 'system',
          name: 'seed',
        });
        console.log(
          `${removed ? 'Reset' : 'Loaded'} workspace ${report.workspace}: ${report.indicators} indicators, ${report.figuresAppended} figures.`,
        );
      } finally {
        await strata.close();
      }
    });
  return cli;
}

function describe(error: unknown): string {
  if (error instanceof AppError) {
    const fields = error.fields.map((f) => `  ${f.field}: ${f.message}`).join('\n');
    return fields ? `${error.message}\n${fields}` : error.message;
  }
  if (error instanceof ConfigError || error instanceof DataDirLockedError) return error.message;
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
