/**
 * The forms of a check-in: the contributor's (status, summary, risks, next steps, explanation,
 * evidence links; save a draft or submit — or, once the cycle is closed, supersede with a
 * reason) and the validator's (validate, or return with a comment). Each write sends the ETag
 * read, so two people never overwrite each other.
 */
import { Alert, Button, Group, NativeSelect, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { SubmitEvent } from 'react';
import { useMe } from '../../api/auth.ts';
import { useCheckInStep, type CheckInDetail, type CheckInWrite } from '../../api/cycles.ts';
import { errorMessage } from '../../components/QueryState.tsx';
import { REPORTED_STATUSES, type ReportedStatus } from '../../../domain/check-in.ts';
import { useI18n } from '../../i18n/context.tsx';
import { refusedWriteMessage } from '../../lib/permissions.ts';

type Evidence = NonNullable<CheckInWrite['evidence']>;

/** Parses "label | https://…" lines; null when a line is not one. */
export function parseEvidence(text: string): Evidence | null {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const links: Evidence = [];
  for (const line of lines) {
    const at = line.lastIndexOf('|');
    const label = at >= 0 ? line.slice(0, at).trim() : '';
    const url = (at >= 0 ? line.slice(at + 1) : line).trim();
    if (!/^https?:\/\/\S+$/i.test(url)) return null;
    links.push({ label: label || url, url });
  }
  return links;
}

function evidenceText(evidence: Evidence): string {
  return evidence.map((e) => `${e.label} | ${e.url}`).join('\n');
}

function Outcome({ step, done }: { step: ReturnType<typeof useCheckInStep>; done: string | null }) {
  const { t } = useI18n();
  const me = useMe();
  return (
    <>
      {step.isError ? (
        <Alert role="alert" color="red" variant="light" mt="sm" maw={760}>
          <Text size="sm">
            {refusedWriteMessage(step.error, me.data, t) ?? errorMessage(step.error, t)}
          </Text>
        </Alert>
      ) : null}
      <div role="status" aria-live="polite">
        {done ? (
          <Text size="sm" mt="sm" c="#17602c">
            {done}
          </Text>
        ) : null}
      </div>
    </>
  );
}

/** The contributor's form. */
export function CheckInForm({ data }: { data: CheckInDetail }) {
  const { t } = useI18n();
  const step = useCheckInStep(data.card.id);
  const last = data.current;
  const closed = data.card.cycle.closed;
  const [status, setStatus] = useState<ReportedStatus | ''>(last?.status ?? '');
  const [summary, setSummary] = useState(last?.summary ?? '');
  const [risks, setRisks] = useState(last?.risks ?? '');
  const [nextSteps, setNextSteps] = useState(last?.nextSteps ?? '');
  const [explanation, setExplanation] = useState(last?.explanation ?? '');
  const [evidence, setEvidence] = useState(evidenceText(last?.evidence ?? []));
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const links = parseEvidence(evidence);

  const send = (action: 'save' | 'submit' | 'supersede') => {
    if (!links) return;
    setDone(null);
    step.mutate(
      {
        etag: data.etag,
        body: {
          action,
          status: status === '' ? null : status,
          summary,
          risks,
          nextSteps,
          explanation,
          evidence: links,
          ...(action === 'supersede' && { reason }),
        },
      },
      {
        onSuccess: () => {
          setDone(action === 'save' ? t.checkIn.saved : t.checkIn.submitted);
        },
      },
    );
  };
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    send(closed ? 'supersede' : 'submit');
  };

  return (
    <form onSubmit={submit} aria-label={t.checkIn.form}>
      <NativeSelect
        name="status"
        label={t.checkIn.status}
        maw={320}
        value={status}
        onChange={(event) => {
          const found = REPORTED_STATUSES.find((s) => s === event.currentTarget.value);
          setStatus(found ?? '');
        }}
        data={[
          { value: '', label: t.checkIn.statusNone },
          ...REPORTED_STATUSES.map((s) => ({ value: s, label: t.status[s] })),
        ]}
      />
      <Textarea
        mt="sm"
        maw={760}
        autosize
        minRows={3}
        name="summary"
        label={t.checkIn.summary}
        value={summary}
        onChange={(e) => {
          setSummary(e.currentTarget.value);
        }}
      />
      <Textarea
        mt="sm"
        maw={760}
        autosize
        minRows={2}
        name="risks"
        label={t.checkIn.risks}
        value={risks}
        onChange={(e) => {
          setRisks(e.currentTarget.value);
        }}
      />
      <Textarea
        mt="sm"
        maw={760}
        autosize
        minRows={2}
        name="nextSteps"
        label={t.checkIn.nextSteps}
        value={nextSteps}
        onChange={(e) => {
          setNextSteps(e.currentTarget.value);
        }}
      />
      <Textarea
        mt="sm"
        maw={760}
        autosize
        minRows={2}
        name="explanation"
        label={t.checkIn.explanation}
        value={explanation}
        onChange={(e) => {
          setExplanation(e.currentTarget.value);
        }}
      />
      <Textarea
        mt="sm"
        maw={760}
        autosize
        minRows={2}
        name="evidence"
        label={t.checkIn.evidence}
        error={links ? undefined : t.checkIn.evidenceInvalid}
        value={evidence}
        onChange={(e) => {
          setEvidence(e.currentTarget.value);
        }}
      />
      {closed ? (
        <Textarea
          mt="sm"
          maw={760}
          autosize
          minRows={2}
          name="reason"
          required
          label={t.checkIn.reason}
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
          }}
        />
      ) : null}
      <Group mt="md" gap="sm">
        {closed ? (
          <Button type="submit" loading={step.isPending} disabled={!links}>
            {t.checkIn.supersede}
          </Button>
        ) : (
          <>
            <Button
              variant="outline"
              loading={step.isPending}
              disabled={!links}
              onClick={() => {
                send('save');
              }}
            >
              {t.checkIn.saveDraft}
            </Button>
            <Button type="submit" loading={step.isPending} disabled={!links}>
              {t.checkIn.submit}
            </Button>
          </>
        )}
      </Group>
      <Outcome step={step} done={done} />
    </form>
  );
}

/** The validator's form: validate, or return with a comment. */
export function ReviewForm({ data }: { data: CheckInDetail }) {
  const { t } = useI18n();
  const step = useCheckInStep(data.card.id);
  const [comment, setComment] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const send = (action: 'validate' | 'return') => {
    setDone(null);
    step.mutate(
      { etag: data.etag, body: { action, ...(comment.trim() && { comment }) } },
      {
        onSuccess: () => {
          setComment('');
          setDone(action === 'validate' ? t.checkIn.validated : t.checkIn.returned);
        },
      },
    );
  };
  if (data.card.state !== 'submitted') {
    return <Text>{done ?? t.checkIn.readOnly}</Text>;
  }
  return (
    <form
      aria-label={t.checkIn.review}
      onSubmit={(event) => {
        event.preventDefault();
        send('validate');
      }}
    >
      <Textarea
        maw={760}
        autosize
        minRows={2}
        name="comment"
        label={t.checkIn.comment}
        value={comment}
        onChange={(e) => {
          setComment(e.currentTarget.value);
        }}
      />
      <Group mt="md" gap="sm">
        <Button type="submit" loading={step.isPending}>
          {t.checkIn.validate}
        </Button>
        <Button
          variant="outline"
          loading={step.isPending}
          onClick={() => {
            send('return');
          }}
        >
          {t.checkIn.return}
        </Button>
      </Group>
      <Outcome step={step} done={done} />
    </form>
  );
}
