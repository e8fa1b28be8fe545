/**
 * Opens a reporting cycle (the strategy office): code, titles, period, dates, reminder offsets,
 * escalation delay, weekly digest, and the scope: elements of the group plan, actions, units.
 */
import {
  Alert,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  SimpleGrid,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import type { SubmitEvent } from 'react';
import { useLocation } from 'wouter';
import { useCreateCycle } from '../../api/cycles.ts';
import { useActions, usePlanTree, useWorkspace } from '../../api/queries.ts';
import { errorMessage } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n/context.tsx';

/** Parses "-7, -1, 3" into whole numbers; null when a part is not one. */
export function parseOffsets(text: string): number[] | null {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.some((p) => !/^-?\d{1,2}$/.test(p))) return null;
  return parts.map(Number);
}

/** The form that opens a cycle, then goes to its page. */
export function CycleCreateForm() {
  const { t, tx } = useI18n();
  const [, navigate] = useLocation();
  const workspace = useWorkspace();
  const tree = usePlanTree(workspace.data?.groupPlanId ?? null, null);
  const actions = useActions({ limit: 500 });
  const mutation = useCreateCycle();
  const [code, setCode] = useState('');
  const [titleFr, setTitleFr] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [period, setPeriod] = useState('');
  const [opensOn, setOpensOn] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [elementIds, setElementIds] = useState<string[]>([]);
  const [actionIds, setActionIds] = useState<string[]>([]);
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const [offsets, setOffsets] = useState('-7, -1, 3');
  const [escalate, setEscalate] = useState<number>(7);
  const [digest, setDigest] = useState(true);
  const offsetList = parseOffsets(offsets);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!offsetList) return;
    mutation.mutate(
      {
        code,
        title: { fr: titleFr, en: titleEn },
        period,
        opensOn,
        dueOn,
        elementIds,
        actionIds,
        ...(unitIds.length > 0 && { unitIds }),
        reminderOffsets: offsetList,
        escalateAfterDays: escalate,
        weeklyDigest: digest,
      },
      {
        onSuccess: (detail) => {
          navigate(`/cycles/${detail.cycle.id}`);
        },
      },
    );
  };

  const units = (workspace.data?.units ?? []).filter((u) => u.kind !== 'partner_school');
  return (
    <form onSubmit={submit} aria-describedby="st-cycle-create-intro">
      <Text id="st-cycle-create-intro" size="sm" maw={760} mb="sm">
        {t.cycles.createIntro}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" maw={760}>
        <TextInput
          label={t.cycles.code}
          name="code"
          required
          value={code}
          onChange={(e) => {
            setCode(e.currentTarget.value);
          }}
        />
        <TextInput
          label={t.cycles.period}
          name="period"
          required
          placeholder="2025"
          value={period}
          onChange={(e) => {
            setPeriod(e.currentTarget.value);
          }}
        />
        <TextInput
          label={t.cycles.titleFr}
          name="titleFr"
          required
          value={titleFr}
          onChange={(e) => {
            setTitleFr(e.currentTarget.value);
          }}
        />
        <TextInput
          label={t.cycles.titleEn}
          name="titleEn"
          required
          value={titleEn}
          onChange={(e) => {
            setTitleEn(e.currentTarget.value);
          }}
        />
        <TextInput
          type="date"
          label={t.cycles.opensOn}
          name="opensOn"
          required
          value={opensOn}
          onChange={(e) => {
            setOpensOn(e.currentTarget.value);
          }}
        />
        <TextInput
          type="date"
          label={t.cycles.dueOn}
          name="dueOn"
          required
          value={dueOn}
          onChange={(e) => {
            setDueOn(e.currentTarget.value);
          }}
        />
      </SimpleGrid>
      <MultiSelect
        mt="sm"
        maw={760}
        label={t.cycles.elements}
        searchable
        value={elementIds}
        onChange={setElementIds}
        data={(tree.data?.nodes ?? []).map((n) => ({
          value: n.id,
          label: `${n.code} ${tx(n.title)}`,
        }))}
      />
      <MultiSelect
        mt="sm"
        maw={760}
        label={t.cycles.actions}
        searchable
        value={actionIds}
        onChange={setActionIds}
        data={(actions.data?.items ?? []).map((a) => ({
          value: a.id,
          label: `${a.code} ${tx(a.title)}`,
        }))}
      />
      <MultiSelect
        mt="sm"
        maw={760}
        label={t.cycles.units}
        description={t.cycles.unitsHelp}
        searchable
        value={unitIds}
        onChange={setUnitIds}
        data={units.map((u) => ({ value: u.id, label: u.shortName || u.code }))}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" maw={760} mt="sm">
        <TextInput
          label={t.cycles.reminders}
          name="reminders"
          value={offsets}
          error={offsetList ? undefined : t.cycles.remindersInvalid}
          onChange={(e) => {
            setOffsets(e.currentTarget.value);
          }}
        />
        <NumberInput
          label={t.cycles.escalate}
          name="escalate"
          min={1}
          max={90}
          allowDecimal={false}
          value={escalate}
          onChange={(value) => {
            setEscalate(typeof value === 'number' ? value : Number(value) || 1);
          }}
        />
      </SimpleGrid>
      <Checkbox
        mt="sm"
        label={t.cycles.weeklyDigest}
        checked={digest}
        onChange={(e) => {
          setDigest(e.currentTarget.checked);
        }}
      />
      <Group mt="md">
        <Button type="submit" loading={mutation.isPending} disabled={!offsetList}>
          {t.cycles.create}
        </Button>
      </Group>
      {mutation.isError ? (
        <Alert role="alert" color="red" variant="light" mt="sm" maw={760}>
          <Text size="sm">{errorMessage(mutation.error, t)}</Text>
        </Alert>
      ) : null}
    </form>
  );
}
