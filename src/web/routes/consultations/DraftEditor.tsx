/**
 * The builder of a draft consultation: its description, audience, access, dates and questions
 * (rating 1–5 or 0–10, single or multiple choice, free text; bilingual; required or not), saved
 * with `If-Match`; then published, which freezes the questionnaire.
 */
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import type { SubmitEvent } from 'react';
import { useConsultationStep, useUpdateConsultation } from '../../api/consultations.ts';
import type { ConsultationDetail, QuestionInput } from '../../api/consultations.ts';
import { errorMessage } from '../../components/QueryState.tsx';
import { QUESTION_KINDS, RATING_SCALES } from '../../../domain/consultation.ts';
import type {
  AccessMode,
  Audience,
  QuestionKind,
  RatingScale,
} from '../../../domain/consultation.ts';
import { useI18n } from '../../i18n/context.tsx';
import { AudienceFields } from './AudienceFields.tsx';
import { instantOf, localInputOf } from '../../lib/consultations.ts';

interface QuestionDraft {
  key: number;
  kind: QuestionKind;
  promptFr: string;
  promptEn: string;
  required: boolean;
  scale: RatingScale;
  options: string;
}

let nextKey = 1;

function draftsOf(detail: ConsultationDetail): QuestionDraft[] {
  return detail.consultation.questions.map((q) => ({
    key: nextKey++,
    kind: q.kind,
    promptFr: q.prompt.fr,
    promptEn: q.prompt.en,
    required: q.required,
    scale: q.scale ?? '1-5',
    options: q.options.map((o) => `${o.fr} | ${o.en}`).join('\n'),
  }));
}

function inputOf(q: QuestionDraft): QuestionInput {
  const choice = q.kind === 'single' || q.kind === 'multiple';
  return {
    kind: q.kind,
    prompt: { fr: q.promptFr, en: q.promptEn },
    required: q.required,
    ...(q.kind === 'rating' && { scale: q.scale }),
    ...(choice && {
      options: q.options
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '')
        .map((line) => {
          const [fr = '', en = ''] = line.split('|').map((part) => part.trim());
          return { fr, en: en || fr };
        }),
    }),
  };
}

/** The draft's form. */
export function DraftEditor({ detail }: { detail: ConsultationDetail }) {
  const { t } = useI18n();
  const c = t.consultations;
  const d = detail.consultation;
  const update = useUpdateConsultation(detail);
  const step = useConsultationStep(detail);
  const [descFr, setDescFr] = useState(d.description.fr);
  const [descEn, setDescEn] = useState(d.description.en);
  const [audience, setAudience] = useState<Audience>(d.audience);
  const [access, setAccess] = useState<AccessMode>(d.access);
  const [anonymous, setAnonymous] = useState(d.anonymous);
  const [opensAt, setOpensAt] = useState(localInputOf(d.opensAt));
  const [closesAt, setClosesAt] = useState(localInputOf(d.closesAt));
  const [questions, setQuestions] = useState<QuestionDraft[]>(() => draftsOf(detail));
  const [saved, setSaved] = useState(false);

  const change = (key: number, patch: Partial<QuestionDraft>) => {
    setSaved(false);
    setQuestions((all) => all.map((q) => (q.key === key ? { ...q, ...patch } : q)));
  };

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    update.mutate(
      {
        description: { fr: descFr, en: descEn },
        audience,
        access,
        anonymous,
        opensAt: instantOf(opensAt),
        closesAt: instantOf(closesAt),
        questions: questions.map(inputOf),
      },
      {
        onSuccess: () => {
          setSaved(true);
        },
      },
    );
  };

  const error = update.error ?? step.error;
  return (
    <form onSubmit={submit}>
      <Group align="flex-start" gap="sm" wrap="wrap" grow>
        <Textarea
          label={c.descriptionFr}
          value={descFr}
          autosize
          minRows={2}
          onChange={(e) => {
            setDescFr(e.currentTarget.value);
          }}
        />
        <Textarea
          label={c.descriptionEn}
          value={descEn}
          autosize
          minRows={2}
          onChange={(e) => {
            setDescEn(e.currentTarget.value);
          }}
        />
      </Group>
      <Group align="flex-end" gap="sm" wrap="wrap" mt="sm">
        <AudienceFields
          audience={audience}
          access={access}
          onAudience={setAudience}
          onAccess={setAccess}
        />
        <TextInput
          type="datetime-local"
          label={c.opensAt}
          value={opensAt}
          onChange={(e) => {
            setOpensAt(e.currentTarget.value);
          }}
        />
        <TextInput
          type="datetime-local"
          label={c.closesAt}
          value={closesAt}
          onChange={(e) => {
            setClosesAt(e.currentTarget.value);
          }}
        />
      </Group>
      <Checkbox
        mt="sm"
        label={c.anonymous}
        checked={anonymous}
        onChange={(e) => {
          setAnonymous(e.currentTarget.checked);
        }}
      />
      {access === 'shared' ? (
        <Alert color="yellow" variant="light" mt="sm" data-testid="shared-warning">
          <Text size="sm">{c.sharedWarning}</Text>
        </Alert>
      ) : null}

      <Stack gap="sm" mt="md">
        {questions.map((q, index) => (
          <QuestionFields
            key={q.key}
            q={q}
            index={index}
            onChange={(patch) => {
              change(q.key, patch);
            }}
            onRemove={() => {
              setSaved(false);
              setQuestions((all) => all.filter((x) => x.key !== q.key));
            }}
          />
        ))}
      </Stack>
      <Group mt="sm" gap="sm" wrap="wrap">
        <Button
          variant="default"
          onClick={() => {
            setSaved(false);
            setQuestions((all) => [
              ...all,
              {
                key: nextKey++,
                kind: 'rating',
                promptFr: '',
                promptEn: '',
                required: false,
                scale: '1-5',
                options: '',
              },
            ]);
          }}
        >
          {c.addQuestion}
        </Button>
        <Button type="submit" loading={update.isPending}>
          {c.save}
        </Button>
        <Button
          loading={step.isPending}
          disabled={!saved && update.isPending}
          onClick={() => {
            step.mutate('publish');
          }}
        >
          {c.publish}
        </Button>
      </Group>
      <Text size="sm" c="#495057" mt="xs">
        {c.publishHelp}
      </Text>
      {error ? (
        <Alert role="alert" color="red" variant="light" mt="sm">
          <Text size="sm">{errorMessage(error, t)}</Text>
        </Alert>
      ) : null}
      <div role="status" aria-live="polite">
        {saved ? (
          <Text size="sm" mt="sm" c="#17602c">
            {c.saved}
          </Text>
        ) : null}
      </div>
    </form>
  );
}

function QuestionFields({
  q,
  index,
  onChange,
  onRemove,
}: {
  q: QuestionDraft;
  index: number;
  onChange: (patch: Partial<QuestionDraft>) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const c = t.consultations;
  const title = c.question(index + 1);
  return (
    <Card withBorder padding="sm" component="fieldset" data-testid="question-editor">
      <legend style={{ fontWeight: 600, padding: '0 0.25rem' }}>{title}</legend>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NativeSelect
          label={c.kind}
          value={q.kind}
          onChange={(e) => {
            const found = QUESTION_KINDS.find((k) => k === e.currentTarget.value);
            if (found) onChange({ kind: found });
          }}
          data={QUESTION_KINDS.map((k) => ({ value: k, label: c.kinds[k] }))}
        />
        {q.kind === 'rating' ? (
          <NativeSelect
            label={c.scale}
            value={q.scale}
            onChange={(e) => {
              const found = RATING_SCALES.find((s) => s === e.currentTarget.value);
              if (found) onChange({ scale: found });
            }}
            data={RATING_SCALES.map((s) => ({ value: s, label: s.replace('-', ' – ') }))}
          />
        ) : null}
        <Checkbox
          label={c.required}
          checked={q.required}
          onChange={(e) => {
            onChange({ required: e.currentTarget.checked });
          }}
          mb={8}
        />
      </Group>
      <Group align="flex-end" gap="sm" wrap="wrap" grow mt="xs">
        <TextInput
          label={c.promptFr}
          required
          value={q.promptFr}
          onChange={(e) => {
            onChange({ promptFr: e.currentTarget.value });
          }}
        />
        <TextInput
          label={c.promptEn}
          required
          value={q.promptEn}
          onChange={(e) => {
            onChange({ promptEn: e.currentTarget.value });
          }}
        />
      </Group>
      {q.kind === 'single' || q.kind === 'multiple' ? (
        <Textarea
          mt="xs"
          label={c.options}
          autosize
          minRows={2}
          value={q.options}
          onChange={(e) => {
            onChange({ options: e.currentTarget.value });
          }}
        />
      ) : null}
      <Button variant="outline" color="red.9" size="xs" mt="xs" onClick={onRemove}>
        {c.removeQuestion} ({title})
      </Button>
    </Card>
  );
}
