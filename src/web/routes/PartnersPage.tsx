/**
 * `/partners`: the partner directory. Filters by type, scale, school, priority, region and name;
 * charts of the filtered partners by region and by scale (each with its table); the list.
 */
import { Button, Grid, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useId, useState } from 'react';
import type { SubmitEvent } from 'react';
import { useMe } from '../api/auth.ts';
import { usePlanTree, useWorkspace } from '../api/queries.ts';
import { usePartnerDirectory, type PartnerFilters } from '../api/partners.ts';
import { AppLink } from '../components/AppLink.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { ProvenanceBadge } from '../components/ProvenanceBadge.tsx';
import { QueryView } from '../components/QueryState.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { Section } from '../components/Section.tsx';
import { useI18n } from '../i18n/context.tsx';
import { FormToggle } from './forms/form-kit.tsx';
import { PartnerForm, mayWritePartner } from './forms/PartnerForm.tsx';
import { CountChart } from './partners/CountChart.tsx';

const KINDS = [
  'company',
  'local_authority',
  'academic',
  'public_body',
  'association',
  'european_network',
] as const;
const SCALES = ['regional', 'national', 'european', 'international'] as const;

/** The directory page. */
export function PartnersPage() {
  const { t, tx } = useI18n();
  const workspace = useWorkspace();
  const groupPlanId = workspace.data?.groupPlanId ?? null;
  const tree = usePlanTree(groupPlanId, null);
  const [draft, setDraft] = useState<PartnerFilters>({});
  const [filters, setFilters] = useState<PartnerFilters>({});
  const directory = usePartnerDirectory(filters);
  const captionId = useId();
  const me = useMe();

  const schools = (workspace.data?.units ?? [])
    .filter((u) => u.kind === 'school' || u.kind === 'subsidiary')
    .map((u) => ({ value: u.id, label: u.shortName }));
  const levels = workspace.data?.plans.find((p) => p.id === groupPlanId)?.levels ?? [];
  const priorityLevel = levels[1]?.key ?? levels[0]?.key;
  const priorities = (tree.data?.nodes ?? [])
    .filter((n) => n.level === priorityLevel)
    .map((n) => ({ value: n.id, label: `${n.code} ${tx(n.title)}` }));

  const scaleLabel = (key: string) => {
    const known = SCALES.find((s) => s === key);
    return known ? t.partnerScale[known] : key;
  };
  const set = (key: keyof PartnerFilters) => (value: string | null) => {
    setDraft((d) => ({ ...d, [key]: value }));
  };
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFilters(draft);
  };

  return (
    <>
      <PageTitle title={t.partners.directory} />
      <Text maw={760} mb="md">
        {t.partners.directoryIntro}
      </Text>
      {mayWritePartner(me.data) ? (
        <FormToggle label={t.forms.newPartner}>
          {(close) => (
            <PartnerForm
              onCancel={() => {
                close(false);
              }}
            />
          )}
        </FormToggle>
      ) : null}
      <form onSubmit={submit} aria-label={t.partners.filters}>
        <Grid gap="sm" align="flex-end">
          <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
            <Select
              label={t.partners.kind}
              placeholder={t.partners.any}
              data={KINDS.map((k) => ({ value: k, label: t.partnerKind[k] }))}
              value={draft.kind ?? null}
              onChange={set('kind')}
              clearable
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
            <Select
              label={t.partners.scale}
              placeholder={t.partners.any}
              data={SCALES.map((s) => ({ value: s, label: t.partnerScale[s] }))}
              value={draft.scale ?? null}
              onChange={set('scale')}
              clearable
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
            <Select
              label={t.partners.school}
              placeholder={t.partners.any}
              data={schools}
              value={draft.unitId ?? null}
              onChange={set('unitId')}
              clearable
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
            <Select
              label={t.partners.priority}
              placeholder={t.partners.any}
              data={priorities}
              value={draft.elementId ?? null}
              onChange={set('elementId')}
              clearable
              searchable
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
            <TextInput
              label={t.partners.region}
              value={draft.region ?? ''}
              onChange={(e) => {
                set('region')(e.currentTarget.value);
              }}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
            <TextInput
              label={t.partners.search}
              value={draft.q ?? ''}
              onChange={(e) => {
                set('q')(e.currentTarget.value);
              }}
            />
          </Grid.Col>
        </Grid>
        <Group mt="sm" gap="sm">
          <Button type="submit">{t.partners.apply}</Button>
          <Button
            variant="default"
            onClick={() => {
              setDraft({});
              setFilters({});
            }}
          >
            {t.partners.reset}
          </Button>
        </Group>
      </form>

      <QueryView query={directory}>
        {(data) => (
          <>
            <Text mt="md" role="status" fw={600}>
              {t.partners.count(data.total)}
            </Text>
            {data.total > 0 ? (
              <Grid gap="xl" mt="sm">
                <Grid.Col span={{ base: 12, md: 6 }}>
                  <CountChart
                    title={t.partners.byRegion}
                    rows={data.byRegion.map((r) => ({
                      label: r.key || t.partners.noRegion,
                      count: r.count,
                    }))}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, md: 6 }}>
                  <CountChart
                    title={t.partners.byScale}
                    rows={data.byScale.map((r) => ({
                      label: scaleLabel(r.key),
                      count: r.count,
                    }))}
                  />
                </Grid.Col>
              </Grid>
            ) : null}
            <Section title={t.partners.nav}>
              {data.items.length === 0 ? (
                <Text>{t.partners.none}</Text>
              ) : (
                <ScrollRegion labelId={captionId}>
                  <Table verticalSpacing="xs" miw={680} captionSide="top">
                    <Table.Caption id={captionId} style={{ textAlign: 'left' }}>
                      {t.partners.count(data.total)}
                    </Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t.partners.name}</Table.Th>
                        <Table.Th scope="col">{t.partners.kind}</Table.Th>
                        <Table.Th scope="col">{t.partners.region}</Table.Th>
                        <Table.Th scope="col">{t.partners.agreements}</Table.Th>
                        <Table.Th scope="col">{t.partners.schools}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.items.map((p) => (
                        <Table.Tr key={p.id}>
                          <Table.Th scope="row" fw={500}>
                            <AppLink to={`/partners/${p.id}`}>{p.name}</AppLink>{' '}
                            <ProvenanceBadge
                              provenance={p.provenance === 'official' ? null : p.provenance}
                            />
                          </Table.Th>
                          <Table.Td>{t.partnerKind[p.kind]}</Table.Td>
                          <Table.Td>
                            {[p.region, p.country].filter((x) => x !== '').join(', ')}
                          </Table.Td>
                          <Table.Td>
                            {p.agreementCount}
                            {p.scales.length > 0
                              ? ` · ${p.scales.map((s) => t.partnerScale[s]).join(', ')}`
                              : ''}
                          </Table.Td>
                          <Table.Td>{p.units.map((u) => u.shortName).join(', ')}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollRegion>
              )}
            </Section>
          </>
        )}
      </QueryView>
    </>
  );
}
