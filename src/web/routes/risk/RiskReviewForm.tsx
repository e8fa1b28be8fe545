/**
 * Reviews a risk: a new likelihood and impact with a comment, optionally a new status and next
 * review date. Sent with the ETag read; a 412 reloads the risk and says so.
 */
import { Alert, Button, Group, NativeSelect, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { SubmitEvent } from 'react';
import { useMe } from '../../api/auth.ts';
import { useReviewRisk, type RiskDetail } from '../../api/risks.ts';
import { errorMessage } from '../../components/QueryState.tsx';
import { RISK_SCALE, RISK_STATUSES } from '../../../domain/risk.ts';
import type { RiskStatus } from '../../../domain/risk.ts';
import { useI18n } from '../../i18n/context.tsx';
import { isIsoDate } from '../../lib/as-of.ts';
import { refusedWriteMessage } from '../../lib/permissions.ts';

/** The review form of a risk (always sends the latest ETag read). */
export function RiskReviewForm({ data }: { data: RiskDetail }) {
  const { t } = useI18n();
  const [likelihood, setLikelihood] = useState(data.card.likelihood);
  const [impact, setImpact] = useState(data.card.impact);
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<RiskStatus>(data.risk.status);
  const [reviewOn, setReviewOn] = useState(data.risk.reviewOn ?? '');
  const [saved, setSaved] = useState(false);
  const mutation = useReviewRisk();
  const me = useMe();
  const ratings = RISK_SCALE.map((n) => ({ value: String(n), label: String(n) }));

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    mutation.mutate(
      {
        id: data.risk.id,
        etag: data.etag,
        review: {
          likelihood,
          impact,
          note,
          ...(status !== data.risk.status && { status }),
          ...(reviewOn !== (data.risk.reviewOn ?? '') && {
            reviewOn: isIsoDate(reviewOn) ? reviewOn : null,
          }),
        },
      },
      {
        onSuccess: () => {
          setNote('');
          setSaved(true);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} aria-label={t.risks.reviewForm}>
      <Text size="sm" mb="sm" maw={640}>
        {t.risks.reviewHelp}
      </Text>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NativeSelect
          name="likelihood"
          label={t.risks.likelihood}
          value={String(likelihood)}
          onChange={(e) => {
            setLikelihood(Number(e.currentTarget.value));
          }}
          data={ratings}
          w={130}
        />
        <NativeSelect
          name="impact"
          label={t.risks.impact}
          value={String(impact)}
          onChange={(e) => {
            setImpact(Number(e.currentTarget.value));
          }}
          data={ratings}
          w={130}
        />
        <NativeSelect
          name="status"
          label={t.common.status}
          value={status}
          onChange={(e) => {
            const found = RISK_STATUSES.find((s) => s === e.currentTarget.value);
            if (found) setStatus(found);
          }}
          data={RISK_STATUSES.map((s) => ({ value: s, label: t.risks.status[s] }))}
          w={160}
        />
        <TextInput
          type="date"
          name="reviewOn"
          label={t.risks.reviewOn}
          value={reviewOn}
          onChange={(e) => {
            setReviewOn(e.currentTarget.value);
          }}
          w={200}
        />
      </Group>
      <Textarea
        name="note"
        label={t.risks.note}
        value={note}
        onChange={(e) => {
          setNote(e.currentTarget.value);
        }}
        maxLength={4000}
        autosize
        minRows={2}
        maw={640}
        mt="sm"
      />
      <Button type="submit" mt="sm" loading={mutation.isPending}>
        {t.risks.submitReview}
      </Button>
      {mutation.isError ? (
        <Alert role="alert" color="red" variant="light" mt="sm">
          <Text size="sm">
            {refusedWriteMessage(mutation.error, me.data, t) ?? errorMessage(mutation.error, t)}
          </Text>
        </Alert>
      ) : null}
      <div role="status" aria-live="polite">
        {saved ? (
          <Text size="sm" mt="sm" c="#17602c">
            {t.risks.reviewSaved}
          </Text>
        ) : null}
      </div>
    </form>
  );
}
