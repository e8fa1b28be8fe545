/**
 * On a plan element's page (a priority such as A4, C1, C3): the partners, agreements and
 * funding lines that serve it, its descendants or the school elements aligned to it. Shown to
 * signed-in readers only (the registry is not published).
 */
import { Text } from '@mantine/core';
import { useMe } from '../../api/auth.ts';
import { useElementPartnerships } from '../../api/partners.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { QueryView } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { useI18n } from '../../i18n/context.tsx';
import { formatCents } from './money.ts';
import { AgreementTable, FundingTable } from './tables.tsx';

/** The panel; renders nothing for anonymous readers. */
export function ElementPartnershipsPanel({
  elementId,
  title,
}: {
  elementId: string;
  title: string;
}) {
  const { t, lang } = useI18n();
  const signedIn = useMe().data?.authenticated === true;
  const query = useElementPartnerships(elementId, signedIn);
  if (!signedIn) return null;
  return (
    <Section title={t.partners.panelTitle}>
      <QueryView query={query}>
        {(data) =>
          data.partners.length === 0 && data.fundingLines.length === 0 ? (
            <Text>{t.partners.panelNone}</Text>
          ) : (
            <>
              <Text fw={600} mb={4}>
                {t.partners.panelPartners}
              </Text>
              <ul style={{ margin: '0 0 1rem', paddingLeft: '1.1rem' }}>
                {data.partners.map((p) => (
                  <li key={p.id}>
                    <AppLink to={`/partners/${p.id}`}>{p.name}</AppLink> — {t.partnerKind[p.kind]}
                  </li>
                ))}
              </ul>
              {data.agreements.length > 0 ? (
                <AgreementTable
                  agreements={data.agreements}
                  caption={`${t.partners.agreements} — ${title}`}
                />
              ) : null}
              {data.fundingLines.length > 0 ? (
                <>
                  <Text mt="md" size="sm">
                    {t.partners.planned} {formatCents(data.totals.plannedCents, lang)} ·{' '}
                    {t.partners.committed} {formatCents(data.totals.committedCents, lang)} ·{' '}
                    {t.partners.spent} {formatCents(data.totals.spentCents, lang)}
                  </Text>
                  <FundingTable
                    lines={data.fundingLines}
                    caption={`${t.partners.funding} — ${title}`}
                  />
                </>
              ) : null}
            </>
          )
        }
      </QueryView>
    </Section>
  );
}
