/** Tables of the registry: agreements, funding lines, and amounts (planned, committed, spent). */
import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useId } from 'react';
import type { AgreementCard, FundingLineCard, Totals } from '../../api/partners.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { ProvenanceBadge } from '../../components/ProvenanceBadge.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { useI18n } from '../../i18n/context.tsx';
import { formatDate } from '../../i18n/format.ts';
import { formatCents, formatRate } from './money.ts';

/** A captioned table of agreements. */
export function AgreementTable({
  agreements,
  caption,
  showPartner = true,
}: {
  agreements: readonly AgreementCard[];
  caption: string;
  showPartner?: boolean;
}) {
  const { t, tx, lang } = useI18n();
  const captionId = useId();
  const date = (iso: string | null) => (iso ? formatDate(iso, lang) : '…');
  return (
    <ScrollRegion labelId={captionId}>
      <Table verticalSpacing="xs" miw={640} captionSide="top">
        <Table.Caption id={captionId} style={{ textAlign: 'left' }}>
          {caption}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t.partners.agreement}</Table.Th>
            {showPartner ? <Table.Th scope="col">{t.partners.partner}</Table.Th> : null}
            <Table.Th scope="col">{t.partners.scale}</Table.Th>
            <Table.Th scope="col">{t.partners.period}</Table.Th>
            <Table.Th scope="col" style={{ textAlign: 'right' }}>
              {t.partners.amount}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {agreements.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Th scope="row" fw={500}>
                <AppLink to={`/agreements/${a.id}`}>{tx(a.title)}</AppLink>{' '}
                <ProvenanceBadge provenance={a.provenance === 'official' ? null : a.provenance} />
                <Text size="xs" c="#495057">
                  {t.agreementKind[a.kind]}
                  {a.units.length > 0 ? ` · ${a.units.map((u) => u.shortName).join(', ')}` : ''}
                </Text>
              </Table.Th>
              {showPartner ? (
                <Table.Td>
                  <AppLink to={`/partners/${a.partner.id}`}>{a.partner.name}</AppLink>
                </Table.Td>
              ) : null}
              <Table.Td>{t.partnerScale[a.scale]}</Table.Td>
              <Table.Td>
                {date(a.startDate)} – {date(a.endDate)}
              </Table.Td>
              <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                {formatCents(a.amountCents, lang)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

/** The amount cells of a row: planned, committed, spent, execution. */
function AmountCells({ totals }: { totals: Totals }) {
  const { lang } = useI18n();
  const right = { textAlign: 'right', whiteSpace: 'nowrap' } as const;
  return (
    <>
      <Table.Td style={right}>{formatCents(totals.plannedCents, lang)}</Table.Td>
      <Table.Td style={right}>{formatCents(totals.committedCents, lang)}</Table.Td>
      <Table.Td style={right}>{formatCents(totals.spentCents, lang)}</Table.Td>
      <Table.Td style={right}>{formatRate(totals.executionRate, lang)}</Table.Td>
    </>
  );
}

function AmountHeads() {
  const { t } = useI18n();
  const right = { textAlign: 'right' } as const;
  return (
    <>
      <Table.Th scope="col" style={right}>
        {t.partners.planned}
      </Table.Th>
      <Table.Th scope="col" style={right}>
        {t.partners.committed}
      </Table.Th>
      <Table.Th scope="col" style={right}>
        {t.partners.spent}
      </Table.Th>
      <Table.Th scope="col" style={right}>
        {t.partners.execution}
      </Table.Th>
    </>
  );
}

/** A captioned table of funding lines with their totals. */
export function FundingTable({
  lines,
  caption,
}: {
  lines: readonly FundingLineCard[];
  caption: string;
}) {
  const { t, tx } = useI18n();
  const captionId = useId();
  return (
    <ScrollRegion labelId={captionId}>
      <Table verticalSpacing="xs" miw={760} captionSide="top">
        <Table.Caption id={captionId} style={{ textAlign: 'left' }}>
          {caption}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t.partners.line}</Table.Th>
            <Table.Th scope="col">{t.partners.funder}</Table.Th>
            <AmountHeads />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Th scope="row" fw={500}>
                {tx(l.title)}{' '}
                <ProvenanceBadge provenance={l.provenance === 'official' ? null : l.provenance} />
                <Text size="xs" c="#495057">
                  {t.fundingProgramme[l.programme]}
                  {l.unit ? ` · ${l.unit.shortName}` : ''}
                  {l.cofinancingRate !== null
                    ? ` · ${t.partners.cofinancing} ${String(l.cofinancingRate)} %`
                    : ''}
                </Text>
              </Table.Th>
              <Table.Td>
                {l.funderPartner ? (
                  <AppLink to={`/partners/${l.funderPartner.id}`}>{l.funderPartner.name}</AppLink>
                ) : (
                  l.funder
                )}
              </Table.Td>
              <AmountCells totals={l.totals} />
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

/** A captioned table of totals by some key (priority, school, funder, programme, year). */
export function TotalsTable({
  caption,
  keyLabel,
  rows,
}: {
  caption: string;
  keyLabel: string;
  rows: readonly { key: string; label: ReactNode; totals: Totals }[];
}) {
  const captionId = useId();
  return (
    <ScrollRegion labelId={captionId}>
      <Table verticalSpacing="xs" miw={620} captionSide="top">
        <Table.Caption id={captionId} style={{ textAlign: 'left', fontWeight: 600 }}>
          {caption}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{keyLabel}</Table.Th>
            <AmountHeads />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Th scope="row" fw={500}>
                {r.label}
              </Table.Th>
              <AmountCells totals={r.totals} />
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
