/**
 * Scheduled jobs for `strata serve` (a timer) and `strata jobs run` (once): reminders,
 * escalations, the weekly digest, and delivery of the outbox over SMTP when it is configured.
 */
import type { Config } from '../config.ts';
import type { Strata } from '../services/runtime.ts';
import type { JobReport } from '../services/mail/jobs.service.ts';
import { startScheduler, type Scheduler } from '../services/mail/scheduler.ts';
import { smtpSender } from '../services/mail/transport.ts';

interface Log {
  info(data: object, message: string): void;
  warn(data: object, message: string): void;
  error(data: object, message: string): void;
}

/** Runs the due jobs of the configured workspace once. */
export async function runJobsOnce(
  strata: Strata,
  config: Pick<Config, 'workspace' | 'mail' | 'publicUrl'>,
): Promise<JobReport> {
  const scope = await strata.services.workspace.resolve(config.workspace);
  const sender = config.mail ? smtpSender(config.mail) : null;
  try {
    return await strata.services.mail.runDue(scope.id, sender, config.publicUrl);
  } finally {
    sender?.close();
  }
}

/** Starts the scheduler of `strata serve` (unless its interval is 0). */
export function startJobs(strata: Strata, config: Config, log: Log): Scheduler {
  if (config.jobsIntervalSeconds === 0) {
    log.info({ event: 'jobs.off' }, 'Scheduled jobs are off (STRATA_JOBS_INTERVAL_SECONDS=0)');
    return { stop: () => Promise.resolve() };
  }
  if (!config.mail) {
    log.warn(
      { event: 'mail.off' },
      'Mail is off (STRATA_SMTP_URL is not set): reminders stay in the outbox',
    );
  }
  return startScheduler({
    intervalMs: config.jobsIntervalSeconds * 1000,
    run: async () => {
      const report = await runJobsOnce(strata, config);
      if (report.ran.length > 0 || report.sent > 0 || report.failed > 0) {
        log.info({ event: 'jobs.ran', ...report }, 'Scheduled jobs ran');
      }
    },
    onError: (error) => {
      log.error({ event: 'jobs.failed', err: error }, 'Scheduled jobs failed');
    },
  });
}
