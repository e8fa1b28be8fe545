/**
 * `/risks/:id`: a risk. Its assessment (as of the chosen date), description and mitigation,
 * owner and review date, the elements and actions it is linked to, its review history, and the
 * review form for those who may.
 */
import { Group, Table, Text } from '@mantine/core';
import { useMe } from '../api/auth.ts';
import { useId } from 'react';
import { useParams } from 'wouter';
import { useRisk, type RiskDetail } from '../api/risks.ts';
import { AppLink } from '../components/AppLink.tsx';
import { AsOfPicker } from '../components/AsOfPicker.tsx';
import { HistoryPanel } from '../components/HistoryPanel.tsx';
import { ClockIcon } from '../components/Icons.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { QueryView } from '../components/QueryState.tsx';
import { RiskLevelBadge } from '../components/RiskLevelBadge.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { Section } from '../components/Section.tsx';
import { WriteGate } from '../components/WriteGate.tsx';
import { useI18n } from '../i18n/context.tsx';
import { formatDate } from '../i18n/format.ts';
import { useAsOf } from '../lib/as-of.ts';
import { mayWriteRisk } from '../lib/risk-permissions.ts';
import { FormToggle } from './forms/form-kit.tsx';
import { RiskForm } from './forms/RiskForm.tsx';
import { RiskReviewForm } from './risk/RiskReviewForm.tsx';

/** The risk page. */
export function RiskPage() {
  const { t } = useI18n();
  const { id = '' } = useParams<{ id?: string }>();
  const [asOf] = useAsOf();
  const risk = useRisk(id, asOf);
  return (
    <QueryView query={risk} title={t.risks.registerTitle}>
      {(data) => <RiskView data={data} asOf={asOf} />}
    </QueryView>
  );
}

function RiskView({ data, asOf }: { data: RiskDetail; asOf: string | null }) {
  const { t, tx, lang } = useI18n();
  const historyCaption = useId();
  const { risk, card } = data;
  const date = (iso: string | null) => (iso ? formatDate(iso, lang) : t.common.none);
  const description = tx(risk.description);
  const mitigation = tx(risk.mitigation);
  const me = useMe().data;
  const links = { elementIds: risk.elementIds, actionIds: risk.actionIds };
  const editable = !asOf && !!me && mayWriteRisk(me, card.unit.id, links);
  return (
    <>
      <Text size="sm" fw={600} tt="uppercase" c="#495057">
        <AppLink to="/risks">{t.risks.registerTitle}</AppLink> · {card.unit.shortName}
      </Text>
      <PageTitle title={`${risk.code} ${tx(risk.title)}`}>
        <span className="st-code">{risk.code}</span> {tx(risk.title)}
      </PageTitle>
      <Group gap="xs" mb="md">
        <RiskLevelBadge level={card.level} score={card.score} />
        <span className="st-status st-no_data">{t.risks.status[risk.status]}</span>
        {card.reviewOverdue ? (
          <span className="st-status st-off_track">
            <ClockIcon />
            {t.risks.reviewOverdue}
          </span>
        ) : null}
      </Group>
      {editable ? (
        <FormToggle label={t.forms.editRisk} savedText={t.forms.saved}>
          {(close) => (
            <RiskForm
              data={data}
              onDone={close}
              onCancel={() => {
                close(false);
              }}
            />
          )}
        </FormToggle>
      ) : null}
      <div style={{ marginBottom: '1rem' }}>
        <AsOfPicker />
        {asOf ? (
          <Text size="sm" mt="xs" c="#495057">
            {t.risks.asOfNote(formatDate(asOf, lang))}
          </Text>
        ) : null}
      </div>
      <dl className="st-dl">
        <dt>{t.risks.likelihood}</dt>
        <dd>{card.likelihood} / 5</dd>
        <dt>{t.risks.impact}</dt>
        <dd>{card.impact} / 5</dd>
        <dt>{t.risks.category}</dt>
        <dd>{t.risks.categories[risk.category]}</dd>
        <dt>{t.common.unit}</dt>
        <dd>
          <AppLink to={`/units/${card.unit.id}`}>{tx(card.unit.name)}</AppLink>
        </dd>
        <dt>{t.risks.owner}</dt>
        <dd>{risk.owner || t.common.none}</dd>
        <dt>{t.risks.lastReviewed}</dt>
        <dd>{date(card.lastReviewedOn)}</dd>
        <dt>{t.risks.reviewOn}</dt>
        <dd>{date(risk.reviewOn)}</dd>
      </dl>
      {description ? (
        <Section title={t.risks.description}>
          <Text maw={760} style={{ whiteSpace: 'pre-line' }}>
            {description}
          </Text>
        </Section>
      ) : null}
      <Section title={t.risks.mitigation}>
        <Text maw={760} style={{ whiteSpace: 'pre-line' }}>
          {mitigation || t.common.none}
        </Text>
      </Section>

      <Section title={t.risks.links}>
        {data.elements.length === 0 && data.actions.length === 0 ? (
          <Text>{t.common.none}</Text>
        ) : (
          <ul style={{ margin: 0, paddingLeft: '1.1rem' }}>
            {data.elements.map((element) => (
              <li key={element.id}>
                {t.risks.linkedElements} —{' '}
                <AppLink to={`/elements/${element.id}`}>
                  <span className="st-code">{element.code}</span> {tx(element.title)}
                </AppLink>
              </li>
            ))}
            {data.actions.map((action) => (
              <li key={action.id}>
                {t.risks.linkedActions} —{' '}
                <AppLink to={`/actions/${action.id}`}>
                  <span className="st-code">{action.code}</span> {tx(action.title)}
                </AppLink>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title={t.risks.history}>
        <ScrollRegion labelId={historyCaption}>
          <Table captionSide="top" miw={600} data-testid="risk-reviews">
            <Table.Caption id={historyCaption} style={{ textAlign: 'left' }}>
              {t.risks.historyCaption}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t.risks.reviewedOn}</Table.Th>
                <Table.Th scope="col">{t.risks.level}</Table.Th>
                <Table.Th scope="col">{t.risks.note}</Table.Th>
                <Table.Th scope="col">{t.risks.reviewer}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.reviews.map((review) => (
                <Table.Tr key={review.id}>
                  <Table.Th scope="row" fw={500}>
                    {date(review.reviewedOn)}
                  </Table.Th>
                  <Table.Td>
                    <RiskLevelBadge level={review.level} score={review.score} />
                    <Text size="xs" mt={4}>
                      {review.likelihood} × {review.impact}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-line' }}>
                    {review.note || t.common.none}
                  </Table.Td>
                  <Table.Td>{review.reviewer}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      </Section>

      {asOf ? null : (
        <Section title={t.risks.reviewForm}>
          <WriteGate
            deniedBy={(me) =>
              mayWriteRisk(me, card.unit.id, {
                elementIds: risk.elementIds,
                actionIds: risk.actionIds,
              })
                ? null
                : t.risks.otherUnit
            }
          >
            <RiskReviewForm data={data} />
          </WriteGate>
        </Section>
      )}

      <HistoryPanel entityType="risk" id={risk.id} />
    </>
  );
}
