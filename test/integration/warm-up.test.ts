/** `strata serve` builds the dashboard data once at start (src/cli/warm-up.ts). */
import type { FastifyBaseLogger } from 'fastify';
import { afterEach, expect, it } from 'vitest';
import { warmUp } from '../../src/cli/warm-up.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { describeEachEngine } from '../support/engines.ts';

/** A logger that keeps what it is told. */
function recorder() {
  const lines: { level: string; event: unknown }[] = [];
  const at =
    (level: string) =>
    (fields: { event?: unknown }): void => {
      lines.push({ level, event: fields.event });
    };
  const log = { info: at('info'), warn: at('warn') } as unknown as FastifyBaseLogger;
  return { log, lines };
}

describeEachEngine('warm-up at start', (engine) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('loads the dashboard data of the workspace and says how long it took', async () => {
    t = await openTestApp(engine);
    const { log, lines } = recorder();
    await warmUp(t.strata, 'imt', log);
    expect(lines).toEqual([{ level: 'info', event: 'server.warmed' }]);
  });

  it('stays quiet when there is no workspace yet, and warns when loading fails', async () => {
    t = await openTestApp(engine, { seed: false });
    const quiet = recorder();
    await warmUp(t.strata, 'imt', quiet.log);
    expect(quiet.lines).toEqual([]);
    const closed = t;
    t = undefined;
    await closed.close();
    const failed = recorder();
    await warmUp(closed.strata, 'imt', failed.log);
    expect(failed.lines).toEqual([{ level: 'warn', event: 'server.warm_up_failed' }]);
  });
});
