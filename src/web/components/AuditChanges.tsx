/**
 * The changes of one audit event in words: "Progress: 70 → 75" per scalar field, values shown
 * as people read them (states and provenances translated, units by name, dates spelled out),
 * then the names of the other fields that changed.
 */
import { Text } from '@mantine/core';
import { useWorkspace } from '../api/queries.ts';
import type { AuditEvent } from '../api/types.ts';
import { ACTION_STATES, PROVENANCES } from '../../domain/types.ts';
import { useI18n } from '../i18n/context.tsx';
import { formatDate } from '../i18n/format.ts';
import { diffEvent, labelOf } from '../lib/audit-diff.ts';
import type { Scalar } from '../lib/audit-diff.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Formats one audit value for the reader. */
function useAuditValue(): (field: string, value: Scalar) => string {
  const { t, lang, locale, tx } = useI18n();
  const workspace = useWorkspace();
  return (field, value) => {
    if (value === null || value === '') return t.history.empty_value;
    if (typeof value === 'boolean') return value ? t.common.yes : t.common.no;
    if (typeof value === 'number') return new Intl.NumberFormat(locale).format(value);
    if (field === 'state') {
      const state = ACTION_STATES.find((s) => s === value);
      if (state) return t.actionState[state];
    }
    if (field === 'provenance') {
      const provenance = PROVENANCES.find((p) => p === value);
      if (provenance) return t.provenance[provenance];
    }
    if (field.endsWith('unit_id')) {
      const unit = workspace.data?.units.find((u) => u.id === value);
      if (unit) return tx(unit.name);
    }
    if (ISO_DATE.test(value)) return formatDate(value, lang);
    return value;
  };
}

/** The list of what `event` changed (nothing for a creation or an event without details). */
export function AuditChanges({ event }: { event: AuditEvent }) {
  const { t } = useI18n();
  const format = useAuditValue();
  const diff = diffEvent(event.before, event.after);
  const label = (field: string) => labelOf(t.history.fields, field);
  if (diff.changes.length === 0 && diff.others.length === 0) {
    return event.before !== null && event.after !== null ? (
      <Text size="sm" c="dimmed">
        {t.history.noChange}
      </Text>
    ) : null;
  }
  return (
    <ul className="st-changes">
      {diff.changes.map((change) => (
        <li key={change.field}>
          <span className="st-change-field">
            {label(change.field)}
            {t.common.colon}
          </span>{' '}
          <span className="st-visually-hidden">{t.history.before} </span>
          <span className="st-change-before">{format(change.field, change.before)}</span>{' '}
          <span aria-hidden="true">→</span>{' '}
          <span className="st-visually-hidden">{t.history.after} </span>
          <span className="st-change-after">{format(change.field, change.after)}</span>
        </li>
      ))}
      {diff.others.length > 0 ? (
        <li>{t.history.changedAlso(diff.others.map(label).join(', '))}</li>
      ) : null}
    </ul>
  );
}
