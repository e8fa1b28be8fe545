/**
 * Results of questions: for ratings the mean and the distribution, for choices the count per
 * option, each as a chart with the same figures in text; free-text answers listed as plain text
 * (React escapes them: markup in an answer is shown, never interpreted).
 */
import { Card, Stack, Text, Title } from '@mantine/core';
import { useI18n } from '../../i18n/context.tsx';
import { formatNumber } from '../../i18n/format.ts';
import type { QuestionResult } from '../../api/consultations.ts';
import { ResultChart } from './ResultChart.tsx';

/** The results of the given questions. */
export function ResultsView({
  questions,
  order = 3,
}: {
  questions: QuestionResult[];
  order?: 3 | 4;
}) {
  return (
    <Stack gap="md">
      {questions.map((result) => (
        <QuestionResultCard key={result.question.id} result={result} order={order} />
      ))}
    </Stack>
  );
}

function QuestionResultCard({ result, order }: { result: QuestionResult; order: 3 | 4 }) {
  const { t, tx, lang } = useI18n();
  const c = t.consultations;
  const q = result.question;
  const min = q.scale === '0-10' ? 0 : 1;
  const categories =
    q.kind === 'rating'
      ? result.distribution.map((_, i) => String(min + i))
      : q.options.map((o) => tx(o));
  return (
    <Card withBorder padding="md" data-testid="question-result">
      <Title order={order} size="h5" mb={4}>
        {q.position + 1}. {tx(q.prompt)}
      </Title>
      <Text size="sm" c="#495057" mb="xs">
        {t.consultations.kinds[q.kind]} · {c.answered(result.answered)}
        {result.mean !== null ? ` · ${c.mean} ${formatNumber(result.mean, 2, lang)}` : ''}
      </Text>
      {q.kind === 'text' ? (
        result.texts.length === 0 ? (
          <Text size="sm">{c.noResponses}</Text>
        ) : (
          <ul className="st-answers" aria-label={c.texts}>
            {result.texts.map((text, i) => (
              <li key={i} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {text}
              </li>
            ))}
          </ul>
        )
      ) : (
        <>
          <ResultChart
            categories={categories}
            counts={result.distribution}
            label={c.chartAlt(tx(q.prompt))}
          />
          <Text size="sm" mt={4}>
            {categories
              .map(
                (label, i) =>
                  `${label}${lang === 'fr' ? ' : ' : ': '}${String(result.distribution[i] ?? 0)}`,
              )
              .join(' · ')}
          </Text>
        </>
      )}
    </Card>
  );
}
