/**
 * `/consult/:token`: the questionnaire of a respondent link, answered without an account. Tells
 * when the link is unknown, already used, the consultation closed or not yet open. A shared
 * link remembers in this browser that it answered (a hint only: a shared link takes several
 * answers). Answers are sent once; free text is shown back as text only.
 */
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  Radio,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { SubmitEvent } from 'react';
import { useParams } from 'wouter';
import { ApiError } from '../../api/errors.ts';
import { useAnswer, usePublicQuestionnaire } from '../../api/consultations.ts';
import type { PublicQuestionnaire, Question } from '../../api/consultations.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Loading, errorMessage } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n/context.tsx';
import { formatDate } from '../../i18n/format.ts';

type Value = { rating: number } | { choices: number[] } | { text: string };

const guardKey = (token: string) => `strata.consulted.${token.slice(0, 12)}`;

function rememberAnswered(token: string) {
  try {
    window.localStorage.setItem(guardKey(token), '1');
  } catch {
    // Storage may be disabled: the guard is only a hint.
  }
}

function answeredHere(token: string): boolean {
  try {
    return window.localStorage.getItem(guardKey(token)) === '1';
  } catch {
    return false;
  }
}

/** The public answering page. */
export function PublicConsultPage() {
  const { t } = useI18n();
  const { token = '' } = useParams<{ token?: string }>();
  const query = usePublicQuestionnaire(token);
  if (query.isPending) return <Loading />;
  if (query.isError) {
    const unknown = query.error instanceof ApiError && query.error.status === 404;
    return (
      <>
        <PageTitle title={t.consultations.public.heading} />
        <Alert role="alert" color="red" variant="light">
          <Text>{unknown ? t.consultations.public.unknown : errorMessage(query.error, t)}</Text>
        </Alert>
      </>
    );
  }
  return (
    <Questionnaire
      token={token}
      data={query.data}
      refetch={() => {
        void query.refetch();
      }}
    />
  );
}

function Questionnaire({
  token,
  data,
  refetch,
}: {
  token: string;
  data: PublicQuestionnaire;
  refetch: () => void;
}) {
  const { t, tx, lang } = useI18n();
  const p = t.consultations.public;
  const answer = useAnswer(token);
  const [values, setValues] = useState<Record<string, Value>>({});
  const [missing, setMissing] = useState<number | null>(null);
  const [again, setAgain] = useState(false);
  const date = (iso: string | null) => (iso ? formatDate(iso.slice(0, 10), lang) : '');
  const description = tx(data.description);

  const header = (
    <>
      <PageTitle title={tx(data.title)} />
      <Text size="sm" c="#495057" mb="xs">
        {p.by(tx(data.unitName))} · {t.consultations.audiences[data.audience]}
      </Text>
      {description ? (
        <Text maw={760} mb="md" style={{ whiteSpace: 'pre-line' }}>
          {description}
        </Text>
      ) : null}
    </>
  );

  const notice = (message: string, color = 'blue') => (
    <>
      {header}
      <Alert role="status" color={color} variant="light" data-testid="consult-notice">
        <Text>{message}</Text>
      </Alert>
    </>
  );

  if (answer.isSuccess) return notice(p.thanks, 'green');
  if (data.answered) return notice(p.already, 'yellow');
  if (data.state === 'closed') return notice(p.closed(date(data.closesAt)), 'yellow');
  if (data.state === 'scheduled') return notice(p.notYet(date(data.opensAt)));
  if (data.access === 'shared' && answeredHere(token) && !again) {
    return (
      <>
        {header}
        <Alert role="status" color="blue" variant="light" data-testid="consult-notice">
          <Text>{p.browserGuard}</Text>
        </Alert>
        <Button
          mt="sm"
          variant="default"
          onClick={() => {
            setAgain(true);
          }}
        >
          {p.answerAgain}
        </Button>
      </>
    );
  }

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const firstMissing = data.questions.findIndex((q) => q.required && !filled(values[q.id]));
    if (firstMissing >= 0) {
      setMissing(firstMissing + 1);
      return;
    }
    setMissing(null);
    const answers = data.questions.flatMap((q) => {
      const v = values[q.id];
      return v && filled(v) ? [{ questionId: q.id, ...v }] : [];
    });
    answer.mutate(
      { answers },
      {
        onSuccess: () => {
          if (data.access === 'shared') rememberAnswered(token);
        },
        onError: (error) => {
          if (error instanceof ApiError && error.status === 409) refetch();
        },
      },
    );
  };

  return (
    <>
      {header}
      <Text size="sm" mb="xs">
        {data.anonymous ? p.anonymousNote : p.identifiedNote(data.respondent ?? '')}{' '}
        {data.closesAt ? p.closesOn(date(data.closesAt)) : ''}
      </Text>
      <Text size="sm" c="#495057" mb="md">
        {p.requiredNote}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw={760}>
          {data.questions.map((q, i) => (
            <QuestionField
              key={q.id}
              q={q}
              index={i}
              value={values[q.id]}
              onChange={(v) => {
                setValues((all) => ({ ...all, [q.id]: v }));
              }}
            />
          ))}
        </Stack>
        {missing !== null ? (
          <Alert role="alert" color="red" variant="light" mt="md">
            <Text size="sm">{p.missing(missing)}</Text>
          </Alert>
        ) : null}
        {answer.isError ? (
          <Alert role="alert" color="red" variant="light" mt="md">
            <Text size="sm">{answer.error.detail ?? errorMessage(answer.error, t)}</Text>
          </Alert>
        ) : null}
        <Group mt="md">
          <Button type="submit" loading={answer.isPending}>
            {p.submit}
          </Button>
        </Group>
      </form>
    </>
  );
}

function filled(v: Value | undefined): boolean {
  if (!v) return false;
  if ('choices' in v) return v.choices.length > 0;
  if ('text' in v) return v.text.trim() !== '';
  return true;
}

function QuestionField({
  q,
  index,
  value,
  onChange,
}: {
  q: Question;
  index: number;
  value: Value | undefined;
  onChange: (v: Value) => void;
}) {
  const { t, tx } = useI18n();
  const p = t.consultations.public;
  const label = `${String(index + 1)}. ${tx(q.prompt)}${q.required ? ` ${p.requiredMark}` : ''}`;
  const body = (() => {
    switch (q.kind) {
      case 'rating': {
        const min = q.scale === '0-10' ? 0 : 1;
        const max = q.scale === '0-10' ? 10 : 5;
        const current = value && 'rating' in value ? String(value.rating) : '';
        return (
          <Radio.Group
            label={label}
            description={p.ratingLegend(min, max)}
            value={current}
            onChange={(v) => {
              onChange({ rating: Number(v) });
            }}
          >
            <Group gap="sm" mt="xs" wrap="wrap">
              {Array.from({ length: max - min + 1 }, (_, i) => String(min + i)).map((v) => (
                <Radio key={v} value={v} label={v} />
              ))}
            </Group>
          </Radio.Group>
        );
      }
      case 'single': {
        const current = value && 'choices' in value ? String(value.choices[0] ?? '') : '';
        return (
          <Radio.Group
            label={label}
            value={current}
            onChange={(v) => {
              onChange({ choices: [Number(v)] });
            }}
          >
            <Stack gap={6} mt="xs">
              {q.options.map((o, i) => (
                <Radio key={i} value={String(i)} label={tx(o)} />
              ))}
            </Stack>
          </Radio.Group>
        );
      }
      case 'multiple': {
        const current = value && 'choices' in value ? value.choices.map(String) : [];
        return (
          <Checkbox.Group
            label={label}
            value={current}
            onChange={(v) => {
              onChange({ choices: v.map(Number).sort((a, b) => a - b) });
            }}
          >
            <Stack gap={6} mt="xs">
              {q.options.map((o, i) => (
                <Checkbox key={i} value={String(i)} label={tx(o)} />
              ))}
            </Stack>
          </Checkbox.Group>
        );
      }
      case 'text':
        return (
          <Textarea
            label={label}
            description={p.textHelp}
            autosize
            minRows={3}
            maxLength={4000}
            value={value && 'text' in value ? value.text : ''}
            onChange={(e) => {
              onChange({ text: e.currentTarget.value });
            }}
          />
        );
    }
  })();
  return (
    <Card withBorder padding="md" data-testid="consult-question">
      <Title order={2} className="st-visually-hidden">
        {t.consultations.question(index + 1)}
      </Title>
      {body}
    </Card>
  );
}
