/**
 * `/actions/:id`: an action. Status, state, progress against expected, dates, milestones, the
 * plan elements it serves, a small form to update its progress (PATCH with If-Match) for those
 * who may, and the history of changes.
 */
import { Group, Progress, Text } from '@mantine/core';
import { useState } from 'react';
import { useParams } from 'wouter';
import { useAction } from '../api/queries.ts';
import type { ActionDetail } from '../api/types.ts';
import { AppLink } from '../components/AppLink.tsx';
import { ClockIcon } from '../components/Icons.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { ProvenanceBadge } from '../components/ProvenanceBadge.tsx';
import { QueryView } from '../components/QueryState.tsx';
import { Section } from '../components/Section.tsx';
import { WriteGate } from '../components/WriteGate.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { HistoryPanel } from '../components/HistoryPanel.tsx';
import { CheckInsPanel } from './cycles/CheckInsPanel.tsx';
import { useI18n } from '../i18n/context.tsx';
import { formatDate, formatValue } from '../i18n/format.ts';
import { mayWriteAction } from '../lib/permissions.ts';
import { ActionProgressForm } from './action/ActionProgressForm.tsx';
import { RelatedRisks } from './risk/RelatedRisks.tsx';
import { ActionConsultations } from './consultations/ActionConsultations.tsx';
import { useMe } from '../api/auth.ts';

/** The action page. */
export function ActionPage() {
  const { t } = useI18n();
  const { id = '' } = useParams<{ id?: string }>();
  const action = useAction(id);
  return (
    <QueryView query={action} title={t.action.title}>
      {(data) => <ActionView data={data} />}
    </QueryView>
  );
}

function ActionView({ data }: { data: ActionDetail }) {
  const { t, tx, lang } = useI18n();
  const { action, card } = data;
  const date = (iso: string | null) => (iso ? formatDate(iso, lang) : t.common.none);
  const description = tx(action.description);
  const [today] = useState(() => new Date().toISOString().slice(0, 10));
  const me = useMe().data;
  return (
    <>
      <Text size="sm" fw={600} tt="uppercase" c="#495057">
        {t.action.title}
      </Text>
      <PageTitle title={`${action.code} ${tx(action.title)}`}>
        <span className="st-code">{action.code}</span> {tx(action.title)}
      </PageTitle>
      <Group gap="xs" mb="md">
        <StatusBadge status={card.status} />
        {card.overdue ? (
          <span className="st-status st-off_track">
            <ClockIcon />
            {t.action.overdue}
          </span>
        ) : null}
        <ProvenanceBadge provenance={action.provenance} />
      </Group>
      {description ? (
        <Text maw={760} mb="md" style={{ whiteSpace: 'pre-line' }}>
          {description}
        </Text>
      ) : null}
      <dl className="st-dl">
        <dt>{t.action.state}</dt>
        <dd>{t.actionState[action.state]}</dd>
        <dt>{t.common.progress}</dt>
        <dd>
          <Text size="sm">
            {t.action.progressLabel(action.progress)}
            {card.expectedProgress !== null
              ? ` (${t.action.expected(Math.round(card.expectedProgress))})`
              : ''}
          </Text>
          <Progress
            value={action.progress}
            size="md"
            maw={320}
            mt={4}
            aria-label={t.action.progressLabel(action.progress)}
          />
        </dd>
        <dt>{t.action.lead}</dt>
        <dd>
          <AppLink to={`/units/${card.leadUnit.id}`}>{tx(card.leadUnit.name)}</AppLink>
        </dd>
        {data.units.length > 0 ? (
          <>
            <dt>{t.action.units}</dt>
            <dd>{data.units.map((unit) => unit.shortName).join(', ')}</dd>
          </>
        ) : null}
        <dt>{t.common.owner}</dt>
        <dd>{action.owner || t.common.none}</dd>
        <dt>{t.action.dates}</dt>
        <dd>
          {t.action.start} {date(action.startDate)} · {t.common.dueDate} {date(action.dueDate)}
        </dd>
        {action.budget !== null ? (
          <>
            <dt>{t.action.budget}</dt>
            <dd>{formatValue(action.budget, '€', 0, lang)}</dd>
          </>
        ) : null}
      </dl>

      <Section title={t.action.elements}>
        <ul style={{ margin: 0, paddingLeft: '1.1rem' }}>
          {data.elements.map((element) => (
            <li key={element.id}>
              <AppLink to={`/elements/${element.id}`}>
                <span className="st-code">{element.code}</span> {tx(element.title)}
              </AppLink>
            </li>
          ))}
        </ul>
      </Section>

      <Section title={t.action.milestones}>
        {data.milestones.length === 0 ? (
          <Text>{t.action.noMilestones}</Text>
        ) : (
          <ul style={{ margin: 0, paddingLeft: '1.1rem' }}>
            {data.milestones.map((milestone) => (
              <li key={milestone.id}>
                {tx(milestone.title)} — {t.common.dueDate} {date(milestone.dueDate)} ·{' '}
                {milestone.doneOn
                  ? t.action.done(date(milestone.doneOn))
                  : milestone.dueDate < today
                    ? t.action.late
                    : t.action.pending}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <RelatedRisks actionId={action.id} label={`${action.code} ${tx(action.title)}`} />

      <Section title={t.action.update}>
        <WriteGate
          deniedBy={(me) =>
            mayWriteAction(me, action.id, card.leadUnit.id) ? null : t.access.actionOtherUnit
          }
        >
          <ActionProgressForm data={data} />
        </WriteGate>
      </Section>

      <ActionConsultations
        actionId={action.id}
        editable={me !== undefined && mayWriteAction(me, action.id, card.leadUnit.id)}
      />

      <CheckInsPanel actionId={action.id} />
      <HistoryPanel entityType="action" id={action.id} />
    </>
  );
}
