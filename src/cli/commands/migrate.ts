/** `strata migrate [up|down|status]`. */
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { AppError } from '../../services/index.ts';
import { runMigrations } from '../../services/runtime.ts';

/** Registers the migrate command. */
export function migrateCommand(cli: Command): void {
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
      if (!Number.isInteger(steps) || steps < 1) {
        throw new AppError('invalid_input', '--steps must be a whole number ≥ 1');
      }
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
}
