/**
 * A collapsible "History" section of an element, indicator or action page: the audit events of
 * the item (when, who, what, and the fields changed, before → after), newest first. Shown to
 * signed-in readers only; the events are fetched when the section is first opened.
 */
import { Text, Title, UnstyledButton } from '@mantine/core';
import { useId, useState } from 'react';
import { useMe } from '../api/auth.ts';
import { useHistory } from '../api/audit.ts';
import type { HistoryEntity } from '../api/audit.ts';
import { useI18n } from '../i18n/context.tsx';
import { formatDateTime } from '../i18n/format.ts';
import { labelOf } from '../lib/audit-diff.ts';
import { AuditChanges } from './AuditChanges.tsx';
import { ChevronIcon } from './Icons.tsx';
import { ErrorState, Loading } from './QueryState.tsx';

/** The history of one item, behind a disclosure button. */
export function HistoryPanel({ entityType, id }: { entityType: HistoryEntity; id: string }) {
  const { t, lang } = useI18n();
  const me = useMe();
  const [open, setOpen] = useState(false);
  const headingId = useId();
  const regionId = useId();
  const history = useHistory(entityType, id, open && me.data?.authenticated === true);
  if (!me.data?.authenticated) return null;
  return (
    <section aria-labelledby={headingId} style={{ marginTop: '1.75rem' }} data-testid="history">
      <Title order={2} id={headingId}>
        <UnstyledButton
          className="st-disclosure"
          aria-expanded={open}
          aria-controls={regionId}
          onClick={() => {
            setOpen((was) => !was);
          }}
        >
          <ChevronIcon open={open} size={16} />
          {t.history.title}
        </UnstyledButton>
      </Title>
      <div id={regionId} hidden={!open} style={{ marginTop: '0.6rem' }}>
        {!open ? null : history.isPending ? (
          <Loading />
        ) : history.isError ? (
          <ErrorState
            error={history.error}
            onRetry={() => {
              void history.refetch();
            }}
          />
        ) : history.data.items.length === 0 ? (
          <Text data-empty>{t.history.empty}</Text>
        ) : (
          <ol className="st-history" aria-label={t.history.caption}>
            {history.data.items.map((event) => (
              <li key={event.id} data-action={event.action}>
                <Text size="sm">
                  <time dateTime={event.at}>{formatDateTime(event.at, lang)}</time>
                  {' · '}
                  <strong>{labelOf(t.audit.actions, event.action)}</strong>
                  {' · '}
                  {t.history.who} {event.actor}
                </Text>
                <AuditChanges event={event} />
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
