/** `strata jobs run`: runs the due scheduled jobs once (reminders, escalations, digest, outbox). */
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { AppError } from '../../services/index.ts';
import { openStrata } from '../../services/runtime.ts';
import { runJobsOnce } from '../jobs.ts';

/** Registers the jobs commands. */
export function jobsCommands(cli: Command): void {
  const jobs = cli.command('jobs').description('Scheduled jobs of reporting cycles.');
  jobs
    .command('run')
    .description(
      'Run the due jobs once: reminders, escalations, the weekly digest, then send the outbox (STRATA_SMTP_URL).',
    )
    .option('--at <time>', 'run as if it were this time (ISO 8601), e.g. to catch up or test')
    .action(async (options: { at?: string }) => {
      const at = options.at === undefined ? null : new Date(options.at);
      if (at && Number.isNaN(at.getTime())) {
        throw new AppError('invalid_input', `--at must be an ISO date-time, not "${options.at}"`);
      }
      const config = loadConfig();
      const strata = await openStrata(config, {
        seed: false,
        ...(at && { now: () => new Date(at) }),
      });
      try {
        const report = await runJobsOnce(strata, config);
        console.log(
          `${report.ran.length} job slot(s) ran, ${report.queued} mail(s) queued, ${report.sent} sent, ${report.failed} failed${report.mailOn ? '' : ' (mail is off: STRATA_SMTP_URL is not set)'}`,
        );
        for (const slot of report.ran) console.log(`  ${slot}`);
      } finally {
        await strata.close();
      }
    });
}
