/** `strata plan import|export` and `strata demo reset`. */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { AppError } from '../../services/index.ts';
import { systemPrincipal } from '../../domain/access.ts';
import { commandScope, withStrata } from '../context.ts';
import { seedDemoRegistry } from '../../services/partners/demo.ts';

/** Registers the plan and demo commands. */
export function planCommands(cli: Command): void {
  const plan = cli
    .command('plan')
    .description('Plans as code: import or export a YAML plan bundle.');
  plan
    .command('import')
    .description('Import a plan file or a folder of them; a bad bundle is refused whole.')
    .argument('<file>', 'a .yaml file or a folder of .yaml files')
    .option('--as <email>', 'act as this account (its permissions apply)')
    .action(async (file: string, options: { as?: string }) => {
      await withStrata(async (strata, config) => {
        const principal = options.as
          ? (await commandScope(strata, config.workspace, options.as)).principal
          : systemPrincipal('cli');
        const report = await strata.services.planFiles.importPath(file, principal);
        console.log(
          `${report.created ? 'Created' : 'Updated'} workspace ${report.workspace}: ${report.units} units, ${report.plans} plans, ` +
            `${report.elements} elements, ${report.indicators} indicators, ${report.actions} actions; ` +
            `${report.figuresAppended} figures and ${report.targetsAppended} target points recorded.`,
        );
      });
    });
  plan
    .command('export')
    .description('Export a workspace as one YAML plan file.')
    .option('-w, --workspace <slug>', 'the workspace (default: STRATA_WORKSPACE or imt)')
    .option('-o, --out <file>', 'write to this file instead of standard output')
    .action(async (options: { workspace?: string; out?: string }) => {
      await withStrata(async (strata, config) => {
        const yaml = await strata.services.planFiles.exportYaml(
          options.workspace ?? config.workspace,
        );
        if (options.out) writeFileSync(options.out, yaml);
        else process.stdout.write(yaml);
      });
    });

  const demo = cli.command('demo').description('The demonstration data set.');
  demo
    .command('reset')
    .description(
      'Delete the demo workspace (its accounts and audit trail too) and load the default plan again (STRATA_SEED).',
    )
    .action(async () => {
      const config = loadConfig();
      if (!config.seedDir) {
        throw new AppError('invalid_input', 'STRATA_SEED is "none": there is no demo plan to load');
      }
      const seedDir = config.seedDir;
      await withStrata(async (strata) => {
        const removed = await strata.services.workspace.remove(config.workspace);
        const report = await strata.services.planFiles.importPath(seedDir, systemPrincipal('seed'));
        await seedDemoRegistry(strata.services, config.workspace);
        console.log(
          `${removed ? 'Reset' : 'Loaded'} workspace ${report.workspace}: ${report.indicators} indicators, ${report.figuresAppended} figures.`,
        );
      });
    });
}
