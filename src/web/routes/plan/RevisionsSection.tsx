/**
 * The plan page's revisions: the adopted revisions, the review under way, the diff of two
 * revisions (or of one against the plan now) and, for the strategy office, the forms that start
 * a mid-term review and adopt a revision (a reason for every target changed since the last one).
 */
import { Alert, Button, Group, List, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import { useMe } from '../../api/auth.ts';
import {
  useAdoptRevision,
  useRevisionDiff,
  useRevisions,
  useStartReview,
  type RevisionDiffDto,
} from '../../api/revisions.ts';
import { QueryView } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { isStrategyOffice } from '../../../domain/access.ts';
import { useI18n } from '../../i18n/context.tsx';
import { roleOf } from '../../lib/permissions.ts';

/** The revisions section of a plan. */
export function RevisionsSection({ planId }: { planId: string }) {
  const { t } = useI18n();
  const revisions = useRevisions(planId);
  const me = useMe();
  const office =
    me.data !== undefined &&
    isStrategyOffice({
      kind: me.data.authenticated ? 'user' : 'anonymous',
      userId: me.data.user?.id ?? null,
      role: roleOf(me.data.role),
      unitIds: me.data.unitIds,
      assigned: { elements: [], indicators: [], actions: [] },
      readOnly: me.data.readOnly,
      label: '',
    });
  return (
    <Section title={t.revisions.title}>
      <QueryView query={revisions}>
        {(data) => {
          const last = data.items[data.items.length - 1];
          return (
            <>
              {data.items.length === 0 ? (
                <Text>{t.revisions.none}</Text>
              ) : (
                <RevisionTable items={data.items} />
              )}
              {data.review ? (
                <Alert color="blue" mt="sm">
                  {t.revisions.reviewUnderway(data.review.label, data.review.baseRevision)}
                </Alert>
              ) : null}
              {last ? (
                <DiffPicker planId={planId} numbers={data.items.map((r) => r.number)} />
              ) : null}
              {office && last && !data.review ? <StartReview planId={planId} /> : null}
              {office ? (
                <AdoptForm
                  planId={planId}
                  last={last?.number ?? null}
                  review={data.review?.label ?? null}
                />
              ) : null}
            </>
          );
        }}
      </QueryView>
    </Section>
  );
}

function RevisionTable({
  items,
}: {
  items: NonNullable<ReturnType<typeof useRevisions>['data']>['items'];
}) {
  const { t } = useI18n();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table captionSide="top" data-testid="revision-table">
        <Table.Caption style={{ textAlign: 'left' }}>{t.revisions.caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t.revisions.number}</Table.Th>
            <Table.Th scope="col">{t.revisions.label}</Table.Th>
            <Table.Th scope="col">{t.revisions.kind}</Table.Th>
            <Table.Th scope="col">{t.revisions.adoptedOn}</Table.Th>
            <Table.Th scope="col">{t.revisions.adoptedBy}</Table.Th>
            <Table.Th scope="col">{t.revisions.reason}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Th scope="row">{r.number}</Table.Th>
              <Table.Td>{r.label}</Table.Td>
              <Table.Td>{t.revisions.kinds[r.kind]}</Table.Td>
              <Table.Td>{r.adoptedOn ?? '—'}</Table.Td>
              <Table.Td>{r.adoptedBy}</Table.Td>
              <Table.Td>{r.reason || '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function DiffPicker({ planId, numbers }: { planId: string; numbers: number[] }) {
  const { t } = useI18n();
  const [from, setFrom] = useState(numbers[0] ?? 1);
  const [to, setTo] = useState<number | null>(null);
  const diff = useRevisionDiff(planId, from, to);
  return (
    <Section title={t.revisions.diff} order={3}>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          name="from"
          label={t.revisions.diffFrom}
          value={String(from)}
          data={numbers.map((n) => String(n))}
          onChange={(event) => {
            setFrom(Number(event.currentTarget.value));
          }}
          w={160}
        />
        <NativeSelect
          name="to"
          label={t.revisions.diffTo}
          value={to === null ? 'now' : String(to)}
          data={[{ value: 'now', label: t.revisions.now }, ...numbers.map((n) => String(n))]}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setTo(value === 'now' ? null : Number(value));
          }}
          w={200}
        />
      </Group>
      <QueryView query={diff}>{(data) => <DiffView diff={data} />}</QueryView>
    </Section>
  );
}

/** The changes between two revisions, as lists. */
export function DiffView({ diff }: { diff: RevisionDiffDto }) {
  const { t, tx } = useI18n();
  const groups: [string, string[]][] = [
    [
      t.revisions.added,
      diff.added.map(
        (e) => `${e.code} — ${tx(e.title)} (${t.revisions.parent} ${e.parent ?? t.revisions.root})`,
      ),
    ],
    [t.revisions.removed, diff.removed.map((e) => `${e.code} — ${tx(e.title)}`)],
    [t.revisions.renamed, diff.renamed.map((e) => `${e.code}: ${tx(e.from)} → ${tx(e.to)}`)],
    [
      t.revisions.moved,
      diff.moved.map(
        (e) => `${e.code}: ${e.from ?? t.revisions.root} → ${e.to ?? t.revisions.root}`,
      ),
    ],
    [
      t.revisions.targets,
      diff.targets.map(
        (c) => `${c.key}: ${c.from ?? '—'} → ${c.to ?? '—'}${c.reason ? ` (${c.reason})` : ''}`,
      ),
    ],
  ];
  const shown = groups.filter(([, items]) => items.length > 0);
  if (shown.length === 0) return <Text mt="sm">{t.revisions.noChange}</Text>;
  return (
    <div data-testid="revision-diff">
      {shown.map(([title, items]) => (
        <div key={title}>
          <Text fw={700} mt="sm">
            {title}
          </Text>
          <List spacing={2}>
            {items.map((item) => (
              <List.Item key={item}>{item}</List.Item>
            ))}
          </List>
        </div>
      ))}
    </div>
  );
}

function StartReview({ planId }: { planId: string }) {
  const { t } = useI18n();
  const start = useStartReview(planId);
  const [label, setLabel] = useState(() =>
    t.revisions.reviewDefault(String(new Date().getFullYear())),
  );
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    start.mutate({ label });
  };
  return (
    <form onSubmit={submit} style={{ marginTop: '1rem' }}>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          name="reviewLabel"
          label={t.revisions.reviewLabel}
          value={label}
          onChange={(event) => {
            setLabel(event.currentTarget.value);
          }}
          w={300}
        />
        <Button type="submit" variant="outline" loading={start.isPending}>
          {t.revisions.startReview}
        </Button>
      </Group>
      {start.error ? (
        <Text c="#a51d1d" role="alert">
          {start.error.message}
        </Text>
      ) : null}
    </form>
  );
}

function AdoptForm({
  planId,
  last,
  review,
}: {
  planId: string;
  last: number | null;
  review: string | null;
}) {
  const { t } = useI18n();
  const adopt = useAdoptRevision(planId);
  const pending = useRevisionDiff(planId, last, null);
  const [label, setLabel] = useState(review ?? '');
  const [reason, setReason] = useState('');
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const changed = pending.data?.targets ?? [];
  const fieldError = (field: string) =>
    adopt.error?.fieldErrors.find((f) => f.field === field)?.message;
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    adopt.mutate({
      label,
      ...(reason.trim() && { reason }),
      ...(changed.length > 0 && {
        targetReasons: changed.map((c) => ({ key: c.key, reason: reasons[c.key] ?? '' })),
      }),
    });
  };
  return (
    <Section title={t.revisions.adopt} order={3}>
      <Text size="sm">{t.revisions.adoptIntro}</Text>
      <form onSubmit={submit}>
        <TextInput
          name="label"
          label={t.revisions.label}
          required
          value={label}
          onChange={(event) => {
            setLabel(event.currentTarget.value);
          }}
          error={fieldError('/label')}
          maw={420}
          mt="xs"
        />
        <TextInput
          name="reason"
          label={t.revisions.reason}
          value={reason}
          onChange={(event) => {
            setReason(event.currentTarget.value);
          }}
          maw={620}
          mt="xs"
        />
        {changed.map((c) => (
          <TextInput
            key={c.key}
            name={`targetReasons.${c.key}`}
            label={`${t.revisions.targetReason(c.key)} (${String(c.from ?? '—')} → ${String(c.to ?? '—')})`}
            required
            value={reasons[c.key] ?? ''}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setReasons((current) => ({ ...current, [c.key]: value }));
            }}
            error={fieldError(`targetReasons.${c.key}`)}
            maw={620}
            mt="xs"
          />
        ))}
        <Button type="submit" mt="sm" loading={adopt.isPending}>
          {t.revisions.adoptSubmit}
        </Button>
        {adopt.error ? (
          <Text c="#a51d1d" role="alert">
            {adopt.error.message}
          </Text>
        ) : null}
        {adopt.data ? <Text role="status">{t.revisions.adopted(adopt.data.number)}</Text> : null}
      </form>
    </Section>
  );
}
