/**
 * Reminders, escalation, the weekly digest and the outbox, delivered to a real SMTP server on
 * loopback (smtp-server) with a fake clock, on both engines: each reminder offset sends once on
 * its day to the assignees of pending check-ins, a missed offset is not sent late, escalation
 * goes to the unit's lead, the digest skips those who opted out, a refused mail is retried.
 * Then, on PostgreSQL, two `strata jobs run` processes started at once deliver each mail once.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withLibpqDefaults } from '../../src/db/connection.ts';
import type { WorkspaceScope } from '../../src/services/index.ts';
import { openStrata } from '../../src/services/runtime.ts';
import { smtpSender } from '../../src/services/mail/transport.ts';
import { IMT_DIR, ROOT, TEST_PASSWORD, openTestApp, type TestApp } from '../support/app.ts';
import { describeEachEngine, testEngines } from '../support/engines.ts';
import { EMAILS, setupRoles, type Roles } from '../support/roles.ts';
import { decodeHeader, startSmtp, type TestSmtp } from '../support/smtp.ts';

let now = new Date('2026-03-01T08:00:00Z');
const at = (iso: string) => {
  now = new Date(iso);
};

describeEachEngine('reminders and the outbox', (engine) => {
  let t: TestApp;
  let r: Roles;
  let smtp: TestSmtp;
  let scope: WorkspaceScope;
  const sender = () => smtpSender({ url: smtp.url, from: 'Strata <strata@test.example>' });
  const run = async () => {
    const send = sender();
    try {
      return await t.strata.services.mail.runDue(scope.id, send, 'https://strata.example');
    } finally {
      send.close();
    }
  };
  /** Mails received since the last call. */
  let seen = 0;
  const fresh = () => {
    const mails = smtp.received.slice(seen);
    seen = smtp.received.length;
    return mails.map((m) => ({ to: m.to.join(','), subject: decodeHeader(m.subject), raw: m.raw }));
  };
  const as = async (email: string) => ({
    ...scope,
    principal: await t.strata.services.users.principalByEmail(scope, email),
  });

  beforeAll(async () => {
    at('2026-03-01T08:00:00Z');
    smtp = await startSmtp();
    t = await openTestApp(engine, { now: () => now });
    r = await setupRoles(t);
    scope = await t.strata.services.workspace.resolve('imt');
    await t.strata.services.cycles.create(scope, {
      code: 'REMIND',
      title: { fr: 'Revue de mars', en: 'March review' },
      period: '2025',
      opensOn: '2026-03-01',
      dueOn: '2026-03-31',
      reminderOffsets: [-7, -1, 3],
      escalateAfterDays: 5,
      weeklyDigest: false,
      elementIds: [r.ids.elementA],
      actionIds: [r.ids.actionB],
    });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('sends nothing before the first offset', async () => {
    at('2026-03-20T08:00:00Z');
    const report = await run();
    expect(report.ran).toEqual([]);
    expect(fresh()).toEqual([]);
  });

  it('sends each reminder once, on its day, to the assignees of pending check-ins', async () => {
    at('2026-03-24T08:00:00Z');
    const first = await run();
    expect(first.ran).toHaveLength(1);
    expect(first.ran[0]).toMatch(/^reminder:.*:-7$/);
    const mails = fresh();
    expect(mails.map((m) => m.to).sort()).toEqual([EMAILS.contributor, EMAILS.schoolB].sort());
    expect(mails[0]?.subject).toContain('à rendre');
    expect(mails.find((m) => m.to === EMAILS.contributor)?.raw).toContain(
      'https://strata.example/check-ins/',
    );
    // The same day again, or another process: nothing more.
    at('2026-03-24T09:30:00Z');
    expect((await run()).ran).toEqual([]);
    expect(fresh()).toEqual([]);

    // The contributor submits; the day before the due date only school B is reminded.
    const contributor = await as(EMAILS.contributor);
    const [item] = await t.strata.services.checkIns.list(contributor, {
      elementId: r.ids.elementA,
    });
    if (!item) throw new Error('no item of element A');
    await t.strata.services.checkIns.write(contributor, item.id, undefined, {
      action: 'submit',
      status: 'on_track',
      summary: 'Done',
      explanation: 'Figures come later',
    });
    at('2026-03-30T08:00:00Z');
    expect((await run()).ran[0]).toMatch(/:-1$/);
    expect(fresh().map((m) => m.to)).toEqual([EMAILS.schoolB]);

    at('2026-04-03T08:00:00Z');
    expect((await run()).ran[0]).toMatch(/:3$/);
    const late = fresh();
    expect(late.map((m) => m.to)).toEqual([EMAILS.schoolB]);
    expect(late[0]?.subject).toContain('en retard');
  });

  it('escalates overdue check-ins to the unit’s lead after the configured delay', async () => {
    at('2026-04-04T08:00:00Z');
    expect((await run()).ran).toEqual([]);
    at('2026-04-05T08:00:00Z');
    const report = await run();
    expect(report.ran.filter((s) => s.startsWith('escalation:'))).toHaveLength(1);
    const mails = fresh();
    expect(mails.map((m) => m.to)).toEqual([EMAILS.schoolB]);
    expect(mails[0]?.subject).toContain('dans votre unité');
  });

  it('does not send a missed offset late: only the latest one due', async () => {
    await t.strata.services.cycles.create(scope, {
      code: 'LATE',
      title: { fr: 'Cycle tardif', en: 'Late cycle' },
      period: '2025',
      opensOn: '2026-03-01',
      dueOn: '2026-04-06',
      reminderOffsets: [-7, -1],
      escalateAfterDays: 60,
      weeklyDigest: false,
      actionIds: [r.ids.actionA],
    });
    at('2026-04-06T08:00:00Z');
    const report = await run();
    const slots = report.ran.filter((s) => s.startsWith('reminder:'));
    expect(slots).toHaveLength(2);
    const mails = fresh();
    expect(mails).toHaveLength(1);
    expect(mails[0]?.to).toBe(EMAILS.contributor);
  });

  it('retries a mail the server refused, later', async () => {
    smtp.refuse.add(EMAILS.contributor);
    await t.strata.services.cycles.create(scope, {
      code: 'RETRY',
      title: { fr: 'Réessai', en: 'Retry' },
      period: '2025',
      opensOn: '2026-03-01',
      dueOn: '2026-04-10',
      reminderOffsets: [-1],
      escalateAfterDays: 60,
      weeklyDigest: false,
      actionIds: [r.ids.actionA],
    });
    at('2026-04-09T08:00:00Z');
    const report = await run();
    expect(report.failed).toBe(1);
    expect(fresh()).toEqual([]);
    const office = await as(EMAILS.office);
    const [queued] = await t.strata.services.mail.outbox(office, 1);
    expect(queued).toMatchObject({ to: EMAILS.contributor, sentAt: null, attempts: 1 });
    expect(queued?.lastError).toContain('451');
    smtp.refuse.delete(EMAILS.contributor);
    // Not before its retry time…
    at('2026-04-09T08:01:00Z');
    expect((await run()).sent).toBe(0);
    // …then delivered.
    at('2026-04-09T08:05:00Z');
    expect((await run()).sent).toBe(1);
    expect(fresh().map((m) => m.to)).toEqual([EMAILS.contributor]);
  });

  it('sends the weekly digest once a week, not to those who opted out', async () => {
    await t.strata.services.checkIns.setPreferences(await as(EMAILS.schoolB), true);
    await t.strata.services.cycles.create(scope, {
      code: 'DIGEST',
      title: { fr: 'Suivi continu', en: 'Ongoing' },
      period: '2026',
      opensOn: '2026-04-01',
      dueOn: '2026-12-31',
      reminderOffsets: [],
      weeklyDigest: true,
      elementIds: [r.ids.elementB],
      actionIds: [r.ids.actionA],
    });
    at('2026-04-13T08:00:00Z');
    const report = await run();
    expect(report.ran).toEqual(['digest:2026-W16']);
    const mails = fresh();
    expect(mails.map((m) => m.to)).toEqual([EMAILS.contributor]);
    expect(mails[0]?.raw).toContain('https://strata.example/my-work');
    at('2026-04-16T08:00:00Z');
    expect((await run()).ran).toEqual([]);
    at('2026-04-20T08:00:00Z');
    expect((await run()).ran).toEqual(['digest:2026-W17']);
    expect(fresh()).toHaveLength(1);
  });
});

const postgres = testEngines().find((e) => e.name === 'postgres');
const BIN = resolve(ROOT, 'bin/strata.mjs');

/** Runs `strata jobs run --at …` with its own environment; resolves with its output. */
function jobsRun(env: Record<string, string>, time: string) {
  const inherited = Object.entries(process.env).filter(
    ([name]) => !name.startsWith('STRATA_') && name !== 'DATABASE_URL',
  );
  const child = spawn(process.execPath, [BIN, 'jobs', 'run', '--at', time], {
    cwd: ROOT,
    env: { ...Object.fromEntries(inherited), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise<{ code: number | null; out: string }>((done) => {
    child.on('close', (code) => {
      done({ code, out });
    });
  });
}

(postgres?.skipReason === null ? describe : describe.skip)(
  'a job runs once with two app processes on one PostgreSQL',
  () => {
    const adminUrl = withLibpqDefaults(
      process.env.STRATA_TEST_DATABASE_URL || 'postgresql:///postgres',
    );
    const name = `strata_test_${randomBytes(8).toString('hex')}`;
    const url = (() => {
      const parsed = new URL(adminUrl);
      parsed.pathname = `/${name}`;
      return parsed.href;
    })();
    const admin = async (query: string) => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(query);
      } finally {
        await client.end();
      }
    };
    let smtp: TestSmtp;
    // The cycle is created now (real time), so the run happens today too.
    const today = new Date().toISOString().slice(0, 10);
    const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

    beforeAll(async () => {
      smtp = await startSmtp();
      await admin(`CREATE DATABASE "${name}"`);
      const strata = await openStrata({
        databaseUrl: url,
        dataDir: 'memory://',
        dbPoolSize: 2,
        seedDir: IMT_DIR,
      });
      try {
        const { services } = strata;
        const scope = await services.workspace.resolve('imt');
        const overview = await services.workspace.overview(scope);
        const unit = (code: string) => overview.units.find((u) => u.code === code)?.id ?? '';
        for (const [email, code] of [
          ['lead.ales@two.example', 'IMT-ALES'],
          ['lead.ne@two.example', 'IMT-NE'],
        ] as const) {
          await services.users.create(scope, {
            email,
            role: 'unit_editor',
            password: TEST_PASSWORD,
            unitIds: [unit(code)],
          });
        }
        const actions = await services.actions.list(scope, { limit: 500 });
        const led = (code: string) =>
          actions.items.filter((a) => a.leadUnit.id === unit(code)).map((a) => a.id);
        await services.cycles.create(scope, {
          code: 'TWO',
          title: { fr: 'Deux processus', en: 'Two processes' },
          period: '2025',
          opensOn: today,
          dueOn: inDays(7),
          reminderOffsets: [-7],
          weeklyDigest: false,
          actionIds: [...led('IMT-ALES'), ...led('IMT-NE')],
        });
      } finally {
        await strata.close();
      }
    }, 120_000);
    afterAll(async () => {
      await smtp.close();
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    });

    it('queues and delivers each reminder once', async () => {
      const env = {
        DATABASE_URL: url,
        STRATA_SEED: 'none',
        STRATA_SMTP_URL: smtp.url,
        STRATA_MAIL_FROM: 'strata@two.example',
        LOG_LEVEL: 'silent',
      };
      const time = new Date(Date.now() + 60_000).toISOString();
      const [a, b] = await Promise.all([jobsRun(env, time), jobsRun(env, time)]);
      expect(a.code, a.out).toBe(0);
      expect(b.code, b.out).toBe(0);
      const ran = [a.out, b.out].map((out) => Number(/(\d+) job slot\(s\) ran/.exec(out)?.[1]));
      expect(ran.sort()).toEqual([0, 1]);
      expect(smtp.received.map((m) => m.to.join(',')).sort()).toEqual([
        'lead.ales@two.example',
        'lead.ne@two.example',
      ]);
      // A third run finds nothing to do.
      const c = await jobsRun(env, new Date(Date.now() + 120_000).toISOString());
      expect(c.out).toContain('0 job slot(s) ran');
      expect(smtp.received).toHaveLength(2);
    }, 120_000);
  },
);
