/**
 * `/check-ins/:id`: one check-in as of the chosen date — what it reports on, the figures due, the
 * form (save a draft, submit; supersede once the cycle is closed), the review (validate, return
 * with a comment) and the history of every recorded state.
 */
import { Alert, Table, Text } from '@mantine/core';
import { useId } from 'react';
import { useParams } from 'wouter';
import { useCheckIn, type CheckInDetail } from '../../api/cycles.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryView } from '../../components/QueryState.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { Section } from '../../components/Section.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useI18n } from '../../i18n/context.tsx';
import { formatDate, formatDateTime, formatValue } from '../../i18n/format.ts';
import { useAsOf } from '../../lib/as-of.ts';
import { CheckInForm, ReviewForm } from './CheckInForm.tsx';
import { CheckInState } from './CheckInTable.tsx';

/** The check-in page. */
export function CheckInPage() {
  const { t } = useI18n();
  const { id = '' } = useParams<{ id?: string }>();
  const [asOf] = useAsOf();
  const checkIn = useCheckIn(id, asOf);
  return (
    <QueryView query={checkIn} title={t.checkIn.title}>
      {(data) => <CheckInView data={data} />}
    </QueryView>
  );
}

function CheckInView({ data }: { data: CheckInDetail }) {
  const { t, tx, lang } = useI18n();
  const [asOf] = useAsOf();
  const { card, current } = data;
  const targetUrl = `/${card.kind === 'element' ? 'elements' : 'actions'}/${card.target.id}`;
  const figuresId = useId();
  const live = !asOf;
  return (
    <>
      <Text size="sm" fw={600} tt="uppercase" c="#495057">
        {t.checkIn.title} · {card.kind === 'element' ? t.checkIn.kindElement : t.checkIn.kindAction}
      </Text>
      <PageTitle title={`${card.target.code} ${tx(card.target.title)} — ${card.unit.shortName}`}>
        <span className="st-code">{card.target.code}</span> {tx(card.target.title)}
      </PageTitle>
      <dl className="st-dl">
        <dt>{t.cycles.cycle}</dt>
        <dd>
          <AppLink to={`/cycles/${card.cycle.id}`}>{tx(card.cycle.title)}</AppLink>
        </dd>
        <dt>{t.cycles.target}</dt>
        <dd>
          <AppLink to={targetUrl}>
            <span className="st-code">{card.target.code}</span> {tx(card.target.title)}
          </AppLink>
        </dd>
        <dt>{t.cycles.unit}</dt>
        <dd>{card.unit.shortName || card.unit.code}</dd>
        <dt>{t.cycles.dueOn}</dt>
        <dd>{formatDate(card.cycle.dueOn, lang)}</dd>
        <dt>{t.cycles.state}</dt>
        <dd>
          <CheckInState card={card} />
        </dd>
        <dt>{t.cycles.reported}</dt>
        <dd data-testid="reported-status">
          {card.status ? <StatusBadge status={card.status} /> : t.common.none}
        </dd>
        <dt>{t.checkIn.computed}</dt>
        <dd>
          <StatusBadge status={data.computedStatus} />
        </dd>
        <dt>{t.cycles.assignees}</dt>
        <dd>{card.assignees.map((a) => a.label).join(', ') || t.common.none}</dd>
      </dl>
      <Text size="xs" maw={760} mt="xs">
        {t.checkIn.reportedHelp}
      </Text>
      {current?.state === 'returned' && current.comment ? (
        <Alert color="orange" variant="light" maw={760} mt="md" data-testid="returned-banner">
          <Text size="sm" fw={600}>
            {t.checkIn.returnedBanner}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {current.comment}
          </Text>
        </Alert>
      ) : null}
      {card.cycle.closed ? (
        <Alert color="gray" variant="light" maw={760} mt="md">
          <Text size="sm">{t.cycles.closedNote}</Text>
        </Alert>
      ) : null}

      <Section title={t.checkIn.figures}>
        {data.figures.length === 0 ? (
          <Text>{t.checkIn.noFigures}</Text>
        ) : (
          <ScrollRegion labelId={figuresId}>
            <Table verticalSpacing="xs" miw={480} captionSide="top">
              <Table.Caption id={figuresId} style={{ textAlign: 'left' }}>
                {t.checkIn.figures}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t.checkIn.indicator}</Table.Th>
                  <Table.Th scope="col">{t.cycles.period}</Table.Th>
                  <Table.Th scope="col">{t.checkIn.value}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.figures.map((f) => (
                  <Table.Tr key={f.indicatorId}>
                    <Table.Th scope="row" fw={500}>
                      <AppLink to={`/indicators/${f.indicatorId}`}>
                        <span className="st-code">{f.code}</span> {tx(f.name)}
                      </AppLink>
                    </Table.Th>
                    <Table.Td>{f.period}</Table.Td>
                    <Table.Td>
                      {f.value === null ? (
                        <span className="st-status st-no_data">{t.checkIn.missing}</span>
                      ) : (
                        formatValue(f.value, f.unitLabel, 2, lang)
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        )}
      </Section>

      {live && (data.canWrite || (card.cycle.closed && data.canValidate)) ? (
        <Section title={t.checkIn.form}>
          <CheckInForm data={data} />
        </Section>
      ) : null}
      {live && data.canValidate && !card.cycle.closed ? (
        <Section title={t.checkIn.review}>
          <ReviewForm data={data} />
        </Section>
      ) : null}

      <Section title={t.checkIn.history}>
        {data.history.length === 0 ? (
          <Text>{t.checkIn.noHistory}</Text>
        ) : (
          <ol
            className="st-history"
            data-testid="check-in-history"
            style={{ paddingLeft: '1.1rem' }}
          >
            {data.history.map((entry) => (
              <li key={entry.seq} data-state={entry.state} style={{ marginBottom: '0.8rem' }}>
                <Text size="sm" fw={600}>
                  {t.cycles.states[entry.state]}
                  {entry.status ? ' · ' : ''}
                  {entry.status ? <StatusBadge status={entry.status} /> : null}
                </Text>
                <Text size="xs">
                  {t.checkIn.by(entry.recordedBy, formatDateTime(entry.recordedAt, lang))}
                </Text>
                {entry.summary ? (
                  <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                    {entry.summary}
                  </Text>
                ) : null}
                {entry.comment ? (
                  <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                    {t.checkIn.commentLabel} {entry.comment}
                  </Text>
                ) : null}
                {entry.supersedeReason ? (
                  <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                    {t.checkIn.reasonLabel} {entry.supersedeReason}
                  </Text>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </Section>
    </>
  );
}
