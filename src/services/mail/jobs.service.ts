/**
 * Scheduled jobs of reporting cycles: reminders at the cycle's offsets from its due date,
 * escalation of overdue items to the unit's lead, a weekly digest, and delivery of the outbox
 * with retries. Each (job, slot) runs once, even with several app processes: the slot is claimed
 * under a transaction-level advisory lock and recorded in `job_run` in the transaction that
 * queues its mails.
 */
import type { OutboxMail } from '../../contracts/index.ts';
import {
  dueReminderOffsets,
  escalationDue,
  isPending,
  isoWeek,
  addDays,
} from '../../domain/check-in.ts';
import { isStrategyOffice } from '../../domain/access.ts';
import { cycleRepository } from '../../db/repositories/cycle.repository.ts';
import { mailRepository, type QueuedMail } from '../../db/repositories/mail.repository.ts';
import { today, type ServiceDeps, type WorkspaceScope } from '../context.ts';
import { allow } from '../guard.ts';
import type { SnapshotLoader } from '../snapshot.ts';
import { closedAsOf, stateOf, targetOf, type CycleRow } from '../cycles/present.ts';
import { digestMail, escalationMail, reminderMail, type MailItem } from './templates.ts';
import type { MailSender } from './transport.ts';

/** What one run did. */
export interface JobReport {
  /** Slots this process ran, e.g. `reminder:<cycle>:-7`. */
  ran: string[];
  queued: number;
  sent: number;
  failed: number;
  /** False when no SMTP server is configured: mails stay in the outbox. */
  mailOn: boolean;
}

const MAX_ATTEMPTS = 8;
const LEASE_MS = 5 * 60_000;

type Lang = 'fr' | 'en';
interface Recipient {
  id: string;
  email: string;
  locale: Lang;
}

/** Creates the job service. */
export function jobsService(deps: ServiceDeps, snapshots: SnapshotLoader) {
  const cycles = cycleRepository(deps.db);
  const mail = mailRepository(deps.db);

  /** The open items of the workspace's open cycles, with their assignees, as of today. */
  async function openWork(workspaceId: string, day: string, publicUrl: string) {
    const snapshot = await snapshots.load(workspaceId, day);
    const cycleRows = (await cycles.list(workspaceId, day)).filter((c) => !closedAsOf(c, day));
    const items = (await cycles.items(workspaceId, {}, day)).filter((i) =>
      cycleRows.some((c) => c.id === i.cycle_id),
    );
    const ids = items.map((i) => i.id);
    const [entries, assignees, users, editors, optOuts] = await Promise.all([
      cycles.latestEntries(workspaceId, ids, day),
      cycles.assignees(workspaceId, ids),
      mail.users(workspaceId),
      mail.unitEditors(workspaceId),
      mail.digestOptOuts(workspaceId),
    ]);
    const stateById = new Map(entries.map((e) => [e.item_id, stateOf(e)]));
    const userById = new Map<string, Recipient>(
      users.map((u) => [
        u.id,
        { id: u.id, email: u.email, locale: u.locale === 'en' ? 'en' : 'fr' },
      ]),
    );
    const pending = items.flatMap((item) => {
      const state = stateById.get(item.id) ?? 'not_started';
      const cycle = cycleRows.find((c) => c.id === item.cycle_id);
      const target = targetOf(snapshot, item);
      const unit = snapshot.unitById.get(item.unit_id);
      if (!isPending(state) || !cycle || !target || !unit) return [];
      const describe = (lang: Lang): MailItem => ({
        code: target.code,
        title: target.title[lang],
        unit: unit.short_name || unit.code,
        cycle: lang === 'fr' ? cycle.title_fr : cycle.title_en,
        dueOn: cycle.due_on,
        state,
        link: `${publicUrl}/check-ins/${item.id}`,
      });
      const to = assignees.filter((a) => a.item_id === item.id).map((a) => a.id);
      return [{ item, cycle, describe, to }];
    });
    return { cycleRows, pending, userById, editors, optOuts };
  }

  type Work = Awaited<ReturnType<typeof openWork>>;

  /** One mail per recipient, listing that recipient's items. */
  function perRecipient(
    work: Work,
    pairs: readonly { userId: string; item: Work['pending'][number] }[],
    compose: (lang: Lang, items: MailItem[]) => { subject: string; body: string },
    kind: string,
  ): QueuedMail[] {
    const byUser = new Map<string, Work['pending']>();
    for (const { userId, item } of pairs) byUser.set(userId, [...(byUser.get(userId) ?? []), item]);
    return [...byUser.entries()].flatMap(([userId, list]) => {
      const user = work.userById.get(userId);
      if (!user) return [];
      const text = compose(
        user.locale,
        list.map((p) => p.describe(user.locale)),
      );
      return [{ kind, to: user.email, ...text }];
    });
  }

  /** Claims a slot and queues its mails in one transaction; true when this process ran it. */
  async function runSlot(workspaceId: string, job: string, slot: string, mails: QueuedMail[]) {
    const now = deps.now();
    return deps.db.transaction().execute(async (trx) => {
      const tx = mailRepository(trx);
      if (!(await tx.claimRun(workspaceId, job, slot, now))) return false;
      await tx.enqueue(workspaceId, mails, now);
      await tx.setRunDetail(workspaceId, job, slot, `${mails.length} mail(s)`);
      return true;
    });
  }

  async function slots(workspaceId: string, day: string, publicUrl: string, report: JobReport) {
    const work = await openWork(workspaceId, day, publicUrl);
    const run = async (job: string, slot: string, mails: QueuedMail[]) => {
      if (await runSlot(workspaceId, job, slot, mails)) {
        report.ran.push(`${job}:${slot}`);
        report.queued += mails.length;
      }
    };
    for (const cycle of work.cycleRows) {
      await remindersOf(cycle, work, day, run);
      if (escalationDue(cycle.due_on, cycle.escalate_after_days, day)) {
        const overdue = work.pending.filter((p) => p.cycle.id === cycle.id);
        const pairs = overdue.flatMap((p) =>
          work.editors
            .filter((e) => e.unit_id === p.item.unit_id)
            .map((e) => ({ userId: e.id, item: p })),
        );
        await run('escalation', cycle.id, perRecipient(work, pairs, escalationMail, 'escalation'));
      }
    }
    const week = isoWeek(day);
    const digestItems = work.pending.filter(
      (p) => p.cycle.weekly_digest && p.cycle.opens_on <= day,
    );
    if (digestItems.length > 0) {
      const pairs = digestItems.flatMap((p) =>
        p.to.filter((u) => !work.optOuts.has(u)).map((userId) => ({ userId, item: p })),
      );
      await run(
        'digest',
        week,
        perRecipient(
          work,
          pairs,
          (lang, items) => digestMail(lang, week, items, `${publicUrl}/my-work`),
          'digest',
        ),
      );
    }
  }

  /**
   * Reminders of a cycle: each offset whose day has come runs once; when several are due at once
   * (the scheduler was down), only the latest sends mail, the earlier ones are recorded as run.
   */
  async function remindersOf(
    cycle: CycleRow,
    work: Work,
    day: string,
    run: (job: string, slot: string, mails: QueuedMail[]) => Promise<void>,
  ) {
    const offsets = dueReminderOffsets(cycle.due_on, cycle.reminder_offsets, day).filter(
      (offset) => addDays(cycle.due_on, offset) >= cycle.opens_on,
    );
    const latest = offsets[offsets.length - 1];
    for (const offset of offsets) {
      const pairs =
        offset === latest
          ? work.pending
              .filter((p) => p.cycle.id === cycle.id)
              .flatMap((p) => p.to.map((userId) => ({ userId, item: p })))
          : [];
      await run(
        'reminder',
        `${cycle.id}:${offset}`,
        perRecipient(work, pairs, (lang, items) => reminderMail(lang, offset, items), 'reminder'),
      );
    }
  }

  /** Sends what the outbox holds and is due; failures are retried with a growing delay. */
  async function deliver(sender: MailSender, report: JobReport) {
    const now = deps.now();
    const batch = await mail.claimPending(now, new Date(now.getTime() + LEASE_MS), 100);
    for (const row of batch) {
      try {
        await sender({ to: row.to_address, subject: row.subject, text: row.body });
        await mail.markSent(row.workspace_id, row.id, deps.now());
        report.sent += 1;
      } catch (error) {
        const attempts = row.attempts + 1;
        const delayMinutes = attempts >= MAX_ATTEMPTS ? 60 * 24 * 365 : 2 ** attempts;
        const retryAt = new Date(deps.now().getTime() + delayMinutes * 60_000);
        await mail.markFailed(
          row.workspace_id,
          row.id,
          retryAt,
          error instanceof Error ? error.message : String(error),
        );
        report.failed += 1;
      }
    }
  }

  return {
    /** Runs every job due now for one workspace, then delivers the outbox when mail is on. */
    async runDue(
      workspaceId: string,
      sender: MailSender | null,
      publicUrl = '',
    ): Promise<JobReport> {
      const report: JobReport = { ran: [], queued: 0, sent: 0, failed: 0, mailOn: sender !== null };
      await slots(workspaceId, today(deps), publicUrl, report);
      if (sender) await deliver(sender, report);
      return report;
    },

    /** The outbox, newest first (the strategy office). */
    async outbox(scope: WorkspaceScope, limit: number): Promise<OutboxMail[]> {
      if (scope.principal.kind === 'anonymous') allow(scope, false, 'see the outbox');
      allow(scope, isStrategyOffice(scope.principal), 'see the outbox');
      const rows = await mail.outbox(scope.id, limit);
      return rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        to: r.to_address,
        subject: r.subject,
        createdAt: new Date(r.created_at).toISOString(),
        sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
        attempts: r.attempts,
        lastError: r.last_error,
      }));
    },

    /** The runs recorded for a workspace (for tests and the CLI). */
    async runs(workspaceId: string) {
      return mail.runs(workspaceId);
    },
  };
}
