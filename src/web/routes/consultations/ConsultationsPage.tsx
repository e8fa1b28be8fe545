/**
 * `/consultations`: the stakeholder consultations the reader may see, with their audience, state
 * and number of responses, and the form that starts a new draft for those who may build one.
 */
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useId, useState } from 'react';
import type { SubmitEvent } from 'react';
import { useLocation } from 'wouter';
import { useMe } from '../../api/auth.ts';
import { useConsultations, useCreateConsultation } from '../../api/consultations.ts';
import type { ConsultationCard } from '../../api/consultations.ts';
import { useWorkspace } from '../../api/queries.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryView, errorMessage } from '../../components/QueryState.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { Section } from '../../components/Section.tsx';
import type { AccessMode, Audience } from '../../../domain/consultation.ts';
import { useI18n } from '../../i18n/context.tsx';
import { AudienceFields } from './AudienceFields.tsx';
import { mayWriteConsultation } from '../../lib/consultations.ts';
import { StateBadge } from './StateBadge.tsx';

/** The list page. */
export function ConsultationsPage() {
  const { t } = useI18n();
  const list = useConsultations();
  return (
    <>
      <PageTitle title={t.consultations.title} />
      <Text maw={760} mb="md">
        {t.consultations.intro}
      </Text>
      <QueryView query={list}>
        {(data) =>
          data.items.length === 0 ? (
            <Text>{t.consultations.empty}</Text>
          ) : (
            <ConsultationTable items={data.items} />
          )
        }
      </QueryView>
      <NewConsultation />
    </>
  );
}

function ConsultationTable({ items }: { items: ConsultationCard[] }) {
  const { t, tx } = useI18n();
  const c = t.consultations;
  const id = useId();
  return (
    <ScrollRegion labelId={id}>
      <Text id={id} className="st-visually-hidden">
        {c.listLabel}
      </Text>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{c.code}</Table.Th>
            <Table.Th scope="col">{c.audience}</Table.Th>
            <Table.Th scope="col">{c.unit}</Table.Th>
            <Table.Th scope="col">{c.state}</Table.Th>
            <Table.Th scope="col">{c.results}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>
                <AppLink to={`/consultations/${item.id}`}>
                  <span className="st-code">{item.code}</span> {tx(item.title)}
                </AppLink>
                <Text size="xs" c="#495057">
                  {c.revision(item.revision)} ·{' '}
                  {item.anonymous ? c.anonymousBadge : c.identifiedBadge}
                </Text>
              </Table.Td>
              <Table.Td>{c.audiences[item.audience]}</Table.Td>
              <Table.Td>{item.unit.shortName}</Table.Td>
              <Table.Td>
                <StateBadge state={item.state} />
              </Table.Td>
              <Table.Td>{c.responses(item.responses)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

function NewConsultation() {
  const { t } = useI18n();
  const me = useMe().data;
  const units = (useWorkspace().data?.units ?? []).filter((u) => mayWriteConsultation(me, u.id));
  if (units.length === 0) return null;
  return (
    <Section title={t.consultations.newTitle}>
      <NewConsultationForm units={units} />
    </Section>
  );
}

function NewConsultationForm({ units }: { units: { id: string; shortName: string }[] }) {
  const { t } = useI18n();
  const c = t.consultations;
  const [, navigate] = useLocation();
  const create = useCreateConsultation();
  const [code, setCode] = useState('');
  const [titleFr, setTitleFr] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [unitId, setUnitId] = useState(units[0]?.id ?? '');
  const [audience, setAudience] = useState<Audience>('students');
  const [access, setAccess] = useState<AccessMode>('token');
  const [anonymous, setAnonymous] = useState(true);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate(
      { code, title: { fr: titleFr, en: titleEn }, unitId, audience, access, anonymous },
      {
        onSuccess: (detail) => {
          navigate(`/consultations/${detail.consultation.id}`);
        },
      },
    );
  };

  return (
    <form onSubmit={submit}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={c.code}
          required
          value={code}
          onChange={(e) => {
            setCode(e.currentTarget.value);
          }}
          w={160}
        />
        <TextInput
          label={c.titleFr}
          required
          value={titleFr}
          onChange={(e) => {
            setTitleFr(e.currentTarget.value);
          }}
          miw={240}
        />
        <TextInput
          label={c.titleEn}
          required
          value={titleEn}
          onChange={(e) => {
            setTitleEn(e.currentTarget.value);
          }}
          miw={240}
        />
      </Group>
      <Group align="flex-end" gap="sm" wrap="wrap" mt="sm">
        <NativeSelect
          label={c.unit}
          value={unitId}
          onChange={(e) => {
            setUnitId(e.currentTarget.value);
          }}
          data={units.map((u) => ({ value: u.id, label: u.shortName }))}
        />
        <AudienceFields
          audience={audience}
          access={access}
          onAudience={setAudience}
          onAccess={setAccess}
        />
      </Group>
      <Checkbox
        mt="sm"
        label={c.anonymous}
        checked={anonymous}
        onChange={(e) => {
          setAnonymous(e.currentTarget.checked);
        }}
      />
      {access === 'shared' ? (
        <Alert color="yellow" variant="light" mt="sm">
          <Text size="sm">{c.sharedWarning}</Text>
        </Alert>
      ) : null}
      <Button type="submit" mt="md" loading={create.isPending}>
        {c.create}
      </Button>
      {create.isError ? (
        <Alert role="alert" color="red" variant="light" mt="sm">
          <Text size="sm">{errorMessage(create.error, t)}</Text>
        </Alert>
      ) : null}
    </form>
  );
}

/** A small badge for a count of responses (used by the element section too). */
export function ResponsesBadge({ n }: { n: number }) {
  const { t } = useI18n();
  return (
    <Badge variant="outline" color="gray" styles={{ root: { color: '#343a40' } }}>
      {t.consultations.responses(n)}
    </Badge>
  );
}
