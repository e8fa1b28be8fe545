/**
 * `/cycles/:id`: a reporting cycle as of the chosen date — its dates, the completion per school
 * and per priority, every check-in with its state, and (strategy office) closing it.
 */
import { Alert, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useParams } from 'wouter';
import { useMe } from '../../api/auth.ts';
import { useCloseCycle, useCycle, type CheckInCard, type CycleDetail } from '../../api/cycles.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryView, errorMessage } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { useI18n } from '../../i18n/context.tsx';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { useAsOf } from '../../lib/as-of.ts';
import { AssigneeDialog, checkInName } from './AssigneeEditor.tsx';
import { CheckInTable } from './CheckInTable.tsx';
import { CompletionTable } from './CompletionTable.tsx';

/** The cycle page. */
export function CyclePage() {
  const { t } = useI18n();
  const { id = '' } = useParams<{ id?: string }>();
  const [asOf] = useAsOf();
  const cycle = useCycle(id, asOf);
  return (
    <QueryView query={cycle} title={t.cycles.cycle}>
      {(data) => <CycleView data={data} />}
    </QueryView>
  );
}

function CycleView({ data }: { data: CycleDetail }) {
  const { t, tx, lang } = useI18n();
  const [asOf] = useAsOf();
  const me = useMe();
  const close = useCloseCycle();
  const [confirming, setConfirming] = useState(false);
  const [editing, setEditing] = useState<CheckInCard | null>(null);
  const [saved, setSaved] = useState('');
  const { cycle } = data;
  const office = me.data?.can.editStructure === true && !cycle.closed && !asOf;
  return (
    <>
      <Text size="sm" fw={600} tt="uppercase" c="#495057">
        {t.cycles.cycle}
      </Text>
      <PageTitle title={`${cycle.code} ${tx(cycle.title)}`}>
        <span className="st-code">{cycle.code}</span> {tx(cycle.title)}
      </PageTitle>
      <dl className="st-dl">
        <dt>{t.cycles.period}</dt>
        <dd>{cycle.period}</dd>
        <dt>{t.cycles.opensOn}</dt>
        <dd>{formatDate(cycle.opensOn, lang)}</dd>
        <dt>{t.cycles.dueOn}</dt>
        <dd>{formatDate(cycle.dueOn, lang)}</dd>
        <dt>{t.cycles.state}</dt>
        <dd data-testid="cycle-state">
          {cycle.closed && cycle.closedAt
            ? t.cycles.closedOn(formatDateTime(cycle.closedAt, lang))
            : t.cycles.open}
        </dd>
        <dt>{t.cycles.completion}</dt>
        <dd>{t.cycles.validatedOf(cycle.completion.validated, cycle.completion.total)}</dd>
      </dl>
      {cycle.closed ? (
        <Alert color="gray" variant="light" maw={760} mt="sm">
          <Text size="sm">{t.cycles.closedNote}</Text>
        </Alert>
      ) : null}

      <Section title={t.cycles.bySchool}>
        <CompletionTable
          rows={data.bySchool}
          caption={t.cycles.bySchool}
          heading={t.cycles.unit}
          label={(row) => row.unit?.shortName || row.unit?.code || t.common.none}
        />
      </Section>
      <Section title={t.cycles.byPriority}>
        <CompletionTable
          rows={data.byPriority}
          caption={t.cycles.byPriority}
          heading={t.cycles.priority}
          label={(row) =>
            row.priority ? `${row.priority.code} ${tx(row.priority.title)}` : t.cycles.noPriority
          }
        />
      </Section>
      <Section title={t.cycles.items}>
        <div role="status" aria-live="polite">
          {saved ? (
            <Text size="sm" c="#17602c" mb="sm">
              {saved}
            </Text>
          ) : null}
        </div>
        <CheckInTable
          cards={data.items}
          caption={t.cycles.itemsCaption(data.items.length)}
          onEditAssignees={
            office
              ? (card) => {
                  setSaved('');
                  setEditing(card);
                }
              : undefined
          }
        />
      </Section>
      <AssigneeDialog
        cycleId={cycle.id}
        card={editing}
        onClose={() => {
          setEditing(null);
        }}
        onSaved={(card) => {
          setEditing(null);
          setSaved(t.assigneeEditor.saved(...checkInName(card)));
        }}
      />

      {office ? (
        <Group mt="lg">
          <Button
            color="red.9"
            variant="outline"
            onClick={() => {
              setConfirming(true);
            }}
          >
            {t.cycles.close}
          </Button>
        </Group>
      ) : null}
      {close.isError ? (
        <Alert role="alert" color="red" variant="light" mt="sm" maw={760}>
          <Text size="sm">{errorMessage(close.error, t)}</Text>
        </Alert>
      ) : null}
      <ConfirmDialog
        opened={confirming}
        title={t.cycles.close}
        body={t.cycles.closeConfirm}
        confirmLabel={t.cycles.close}
        danger
        pending={close.isPending}
        onConfirm={() => {
          close.mutate(
            { id: cycle.id, etag: data.etag },
            {
              onSettled: () => {
                setConfirming(false);
              },
            },
          );
        }}
        onCancel={() => {
          setConfirming(false);
        }}
      />
    </>
  );
}
