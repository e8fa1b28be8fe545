/**
 * `/agreements/:id`: an agreement with a partner: its kind, scale, period, amount and schools,
 * and the plan elements, actions, indicators and funding lines it serves.
 */
import { Group, Text } from '@mantine/core';
import { useParams } from 'wouter';
import { useAgreement, type AgreementDetail } from '../api/partners.ts';
import { ActionTable } from '../components/ActionTable.tsx';
import { AppLink } from '../components/AppLink.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { ProvenanceBadge } from '../components/ProvenanceBadge.tsx';
import { QueryView } from '../components/QueryState.tsx';
import { Section } from '../components/Section.tsx';
import { useI18n } from '../i18n/context.tsx';
import { formatDate } from '../i18n/format.ts';
import { formatCents } from './partners/money.ts';
import { FundingTable } from './partners/tables.tsx';

/** The agreement page. */
export function AgreementPage() {
  const { t } = useI18n();
  const { id = '' } = useParams<{ id?: string }>();
  const agreement = useAgreement(id);
  return (
    <QueryView query={agreement} title={t.partners.agreement}>
      {(data) => <AgreementView data={data} />}
    </QueryView>
  );
}

function AgreementView({ data }: { data: AgreementDetail }) {
  const { t, tx, lang } = useI18n();
  const { agreement, card } = data;
  const date = (iso: string | null) => (iso ? formatDate(iso, lang) : '…');
  const description = tx(agreement.description);
  return (
    <>
      <Text size="sm" fw={600} tt="uppercase" c="#495057">
        {t.agreementKind[agreement.kind]}
      </Text>
      <PageTitle title={tx(agreement.title)} />
      <Group gap="xs" mb="md">
        <ProvenanceBadge
          provenance={agreement.provenance === 'official' ? null : agreement.provenance}
        />
      </Group>
      {description ? (
        <Text maw={760} mb="md" style={{ whiteSpace: 'pre-line' }}>
          {description}
        </Text>
      ) : null}
      <dl className="st-dl">
        <dt>{t.partners.partner}</dt>
        <dd>
          <AppLink to={`/partners/${card.partner.id}`}>{card.partner.name}</AppLink>
        </dd>
        <dt>{t.partners.scale}</dt>
        <dd>{t.partnerScale[agreement.scale]}</dd>
        <dt>{t.partners.period}</dt>
        <dd>
          {date(agreement.startDate)} – {date(agreement.endDate)}
        </dd>
        <dt>{t.partners.amount}</dt>
        <dd>{formatCents(agreement.amountCents, lang)}</dd>
        <dt>{t.partners.schools}</dt>
        <dd>
          {card.units.length > 0 ? card.units.map((u) => u.shortName).join(', ') : t.partners.group}
        </dd>
      </dl>
      <Section title={t.partners.elements}>
        {data.elements.length === 0 ? (
          <Text>{t.partners.noLinks}</Text>
        ) : (
          <ul style={{ margin: 0, paddingLeft: '1.1rem' }}>
            {data.elements.map((e) => (
              <li key={e.id}>
                <AppLink to={`/elements/${e.id}`}>
                  <span className="st-code">{e.code}</span> {tx(e.title)}
                </AppLink>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t.partners.actions}>
        {data.actions.length === 0 ? (
          <Text>{t.partners.noLinks}</Text>
        ) : (
          <ActionTable
            actions={data.actions}
            caption={`${t.partners.actions} — ${tx(agreement.title)}`}
          />
        )}
      </Section>
      <Section title={t.partners.indicators}>
        {data.indicators.length === 0 ? (
          <Text>{t.partners.noLinks}</Text>
        ) : (
          <ul style={{ margin: 0, paddingLeft: '1.1rem' }}>
            {data.indicators.map((i) => (
              <li key={i.id}>
                <AppLink to={`/indicators/${i.id}`}>
                  <span className="st-code">{i.code}</span> {tx(i.name)}
                </AppLink>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t.partners.funding}>
        {data.fundingLines.length === 0 ? (
          <Text>{t.partners.noFunding}</Text>
        ) : (
          <FundingTable
            lines={data.fundingLines}
            caption={`${t.partners.funding} — ${tx(agreement.title)}`}
          />
        )}
      </Section>
    </>
  );
}
