/**
 * On an element page (a priority such as A4, C1, C3): the consultation results that serve it,
 * each consultation with its linked questions' results (charts, means, free texts).
 */
import { Card, Group, Text, Title } from '@mantine/core';
import { useElementConsultations } from '../../api/consultations.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { QueryView } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { useI18n } from '../../i18n/context.tsx';
import { ResultsView } from './ResultsView.tsx';
import { StateBadge } from './StateBadge.tsx';

/** The section. */
export function ElementConsultations({ elementId }: { elementId: string }) {
  const { t, tx } = useI18n();
  const c = t.consultations;
  const query = useElementConsultations(elementId);
  return (
    <Section title={c.elementSection}>
      <QueryView query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <Text>{c.elementNone}</Text>
          ) : (
            <div data-testid="element-consultations">
              {data.items.map((item) => (
                <Card key={item.consultation.id} withBorder padding="md" mb="md">
                  <Title order={3} size="h4">
                    <AppLink to={`/consultations/${item.consultation.id}`}>
                      <span className="st-code">{item.consultation.code}</span>{' '}
                      {tx(item.consultation.title)}
                    </AppLink>
                  </Title>
                  <Group gap="xs" my="xs">
                    <StateBadge state={item.consultation.state} />
                    <Text size="sm">
                      {c.audiences[item.consultation.audience]} · {c.responses(item.responses)} ·{' '}
                      {item.whole ? c.whole : c.linkedQuestions}
                    </Text>
                  </Group>
                  {item.responses === 0 ? (
                    <Text size="sm">{c.noResponses}</Text>
                  ) : (
                    <ResultsView questions={item.questions} order={4} />
                  )}
                </Card>
              ))}
            </div>
          )
        }
      </QueryView>
    </Section>
  );
}
