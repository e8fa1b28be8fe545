/** Status chips: colour, icon and text together (never colour alone). */
import type { Status } from '../../domain/types.ts';
import { useI18n } from '../i18n/context.tsx';
import { formatDate } from '../i18n/format.ts';
import { ClockIcon, StatusIcon } from './Icons.tsx';

/** A status as a coloured chip with its icon and label. */
export function StatusBadge({ status }: { status: Status }) {
  const { t } = useI18n();
  return (
    <span className={`st-status st-${status}`} data-status={status}>
      <StatusIcon status={status} />
      {t.status[status]}
    </span>
  );
}

/** The "stale" flag, shown next to the status even when the status is good. */
export function StaleBadge({ since }: { since?: string | null }) {
  const { t, lang } = useI18n();
  return (
    <span className="st-status st-stale" data-status="stale">
      <ClockIcon />
      {since ? t.status.staleSince(formatDate(since, lang)) : t.status.stale}
    </span>
  );
}

/** A rolled-up status with its coverage: "At risk · 2 of 3 scored". */
export function StatusSummaryView({
  summary,
}: {
  summary: { status: Status; scored: number; total: number; score: number | null };
}) {
  const { t } = useI18n();
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', alignItems: 'center', gap: '0.4rem' }}>
      <StatusBadge status={summary.status} />
      <span style={{ fontSize: '0.85rem', color: '#495057' }}>
        {t.common.coverage(summary.scored, summary.total)}
      </span>
    </span>
  );
}
