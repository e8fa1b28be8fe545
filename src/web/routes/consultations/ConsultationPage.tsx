/**
 * `/consultations/:id`: a consultation. Its audience, access, period and state; the builder
 * while it is a draft (for those who may change it), else the frozen questionnaire; respondent
 * or shared links, close and revise; results with charts and exports; the plan elements the
 * results serve and the actions that came from it.
 */
import { Alert, Anchor, Group, Text } from '@mantine/core';
import { useParams } from 'wouter';
import { useMe } from '../../api/auth.ts';
import { exportUrls, useConsultation, useConsultationResults } from '../../api/consultations.ts';
import type { ConsultationDetail } from '../../api/consultations.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryView } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { useI18n } from '../../i18n/context.tsx';
import { formatDate } from '../../i18n/format.ts';
import { mayWriteConsultation } from '../../lib/consultations.ts';
import { DraftEditor } from './DraftEditor.tsx';
import { ElementLinks } from './ElementLinks.tsx';
import { RespondentLinks, RunButtons, SharedLinkPanel } from './LinksPanel.tsx';
import { ResultsView } from './ResultsView.tsx';
import { StateBadge } from './StateBadge.tsx';

/** The consultation page. */
export function ConsultationPage() {
  const { t } = useI18n();
  const { id = '' } = useParams<{ id?: string }>();
  const query = useConsultation(id);
  return (
    <QueryView query={query} title={t.consultations.title}>
      {(data) => <ConsultationView detail={data} />}
    </QueryView>
  );
}

function ConsultationView({ detail }: { detail: ConsultationDetail }) {
  const { t, tx, lang } = useI18n();
  const c = t.consultations;
  const d = detail.consultation;
  const me = useMe().data;
  const editable = mayWriteConsultation(me, d.unit.id);
  const date = (iso: string | null) => (iso ? formatDate(iso.slice(0, 10), lang) : c.noDate);
  const description = tx(d.description);
  return (
    <>
      <Text size="sm" fw={600} tt="uppercase" c="#495057">
        <AppLink to="/consultations">{c.nav}</AppLink>
      </Text>
      <PageTitle title={`${d.code} ${tx(d.title)}`}>
        <span className="st-code">{d.code}</span> {tx(d.title)}
      </PageTitle>
      <Group gap="xs" mb="md">
        <StateBadge state={d.state} />
        <Text size="sm">
          {c.revision(d.revision)} · {d.anonymous ? c.anonymousBadge : c.identifiedBadge} ·{' '}
          {c.responses(d.responses)}
        </Text>
      </Group>
      {description ? (
        <Text maw={760} mb="md" style={{ whiteSpace: 'pre-line' }}>
          {description}
        </Text>
      ) : null}
      <dl className="st-dl">
        <dt>{c.unit}</dt>
        <dd>
          <AppLink to={`/units/${d.unit.id}`}>{tx(d.unit.name)}</AppLink>
        </dd>
        <dt>{c.audience}</dt>
        <dd>{c.audiences[d.audience]}</dd>
        <dt>{c.access}</dt>
        <dd>{c.accessModes[d.access]}</dd>
        <dt>{c.period}</dt>
        <dd>
          {date(d.opensAt)} → {date(d.closesAt)}
        </dd>
        {d.previousId ? (
          <>
            <dt>{c.revision(d.revision - 1)}</dt>
            <dd>
              <AppLink to={`/consultations/${d.previousId}`}>{c.open}</AppLink>
            </dd>
          </>
        ) : null}
      </dl>

      <Section title={c.questions}>
        {d.status === 'draft' && editable ? (
          <DraftEditor detail={detail} />
        ) : (
          <FrozenQuestionnaire detail={detail} editable={editable} />
        )}
      </Section>

      {editable && d.state !== 'closed' ? (
        <Section title={c.links}>
          {d.access === 'token' ? (
            <RespondentLinks detail={detail} />
          ) : (
            <SharedLinkPanel detail={detail} />
          )}
        </Section>
      ) : null}

      {d.status === 'published' ? <Results detail={detail} editable={editable} /> : null}

      <Section title={c.serves}>
        <ElementLinks detail={detail} editable={editable} />
      </Section>

      <Section title={c.citedBy}>
        {detail.citedBy.length === 0 ? (
          <Text>{c.noCitations}</Text>
        ) : (
          <ul style={{ margin: 0, paddingLeft: '1.1rem' }}>
            {detail.citedBy.map((a) => (
              <li key={a.id}>
                <AppLink to={`/actions/${a.id}`}>
                  <span className="st-code">{a.code}</span> {tx(a.title)}
                </AppLink>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}

function FrozenQuestionnaire({
  detail,
  editable,
}: {
  detail: ConsultationDetail;
  editable: boolean;
}) {
  const { t, tx } = useI18n();
  const c = t.consultations;
  const d = detail.consultation;
  return (
    <>
      {d.status === 'published' ? (
        <Alert color="blue" variant="light" mb="sm">
          <Text size="sm">{c.frozen}</Text>
        </Alert>
      ) : null}
      <ol style={{ margin: 0, paddingLeft: '1.4rem' }}>
        {d.questions.map((q) => (
          <li key={q.id}>
            {tx(q.prompt)}{' '}
            <Text span size="sm" c="#495057">
              ({c.kinds[q.kind]}
              {q.scale ? ` ${q.scale}` : ''}
              {q.required ? ` · ${c.required}` : ''})
            </Text>
            {q.options.length > 0 ? (
              <Text size="sm" c="#343a40">
                {q.options.map((o) => tx(o)).join(' · ')}
              </Text>
            ) : null}
          </li>
        ))}
      </ol>
      {editable && d.status === 'published' ? (
        <div style={{ marginTop: '0.75rem' }}>
          <RunButtons detail={detail} />
        </div>
      ) : null}
    </>
  );
}

function Results({ detail, editable }: { detail: ConsultationDetail; editable: boolean }) {
  const { t, lang } = useI18n();
  const c = t.consultations;
  const results = useConsultationResults(detail.consultation.id);
  const urls = exportUrls(detail.consultation.id, lang);
  return (
    <Section
      title={c.results}
      actions={
        editable ? (
          <Group gap="sm">
            <Anchor href={urls.csv} download>
              {c.exportCsv}
            </Anchor>
            <Anchor href={urls.json} download>
              {c.exportJson}
            </Anchor>
          </Group>
        ) : undefined
      }
    >
      <QueryView query={results}>
        {(data) =>
          data.responses === 0 ? (
            <Text>{c.noResponses}</Text>
          ) : (
            <>
              <Text mb="sm" data-testid="response-count">
                {c.responses(data.responses)}
              </Text>
              <ResultsView questions={data.questions} />
            </>
          )
        }
      </QueryView>
    </Section>
  );
}
