/**
 * The in-process scheduler of `strata serve`: runs the due jobs now and then every interval,
 * never two runs at once in one process. Several processes may each run one: the job slots
 * (see jobs.service.ts) make every job run once across them.
 */

/** A running scheduler. */
export interface Scheduler {
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

/** Starts running `run` every `intervalMs`; failures go to `onError`, the timer keeps going. */
export function startScheduler(options: {
  run: () => Promise<void>;
  intervalMs: number;
  onError: (error: unknown) => void;
}): Scheduler {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    running = options
      .run()
      .catch(options.onError)
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, options.intervalMs);
  timer.unref();
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
