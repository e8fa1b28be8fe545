/**
 * Running a published consultation: respondent links (a number of anonymous ones, or one per
 * named respondent), or the shared link with its warning; each secret is shown once. Also the
 * buttons that close the consultation now and start a new revision.
 */
import { Alert, Button, Group, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { SubmitEvent } from 'react';
import { useLocation } from 'wouter';
import { useConsultationStep, useIssueLinks, useShareLink } from '../../api/consultations.ts';
import type { ConsultationDetail } from '../../api/consultations.ts';
import { CopyField } from '../../components/CopyField.tsx';
import { errorMessage } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n/context.tsx';

/** The public address of a link's secret. */
export function consultUrl(token: string): string {
  return `${window.location.origin}/consult/${token}`;
}

/** Respondent links of a token consultation. */
export function RespondentLinks({ detail }: { detail: ConsultationDetail }) {
  const { t } = useI18n();
  const c = t.consultations;
  const d = detail.consultation;
  const issue = useIssueLinks(d.id);
  const [count, setCount] = useState(1);
  const [labels, setLabels] = useState('');
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const named = labels
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
    issue.mutate(d.anonymous ? { count } : { labels: named });
  };
  return (
    <>
      <Text size="sm" mb="xs">
        {c.linksHelp} {c.tokenStats(detail.tokens.issued, detail.tokens.used)}
      </Text>
      <form onSubmit={submit}>
        <Group align="flex-end" gap="sm" wrap="wrap">
          {d.anonymous ? (
            <NumberInput
              label={c.linkCount}
              min={1}
              max={500}
              allowDecimal={false}
              value={count}
              onChange={(v) => {
                setCount(typeof v === 'number' ? v : Number(v) || 1);
              }}
              w={200}
            />
          ) : (
            <Textarea
              label={c.linkLabels}
              autosize
              minRows={2}
              value={labels}
              onChange={(e) => {
                setLabels(e.currentTarget.value);
              }}
              miw={280}
            />
          )}
          <Button type="submit" loading={issue.isPending}>
            {c.issue}
          </Button>
        </Group>
      </form>
      {issue.isError ? (
        <Alert role="alert" color="red" variant="light" mt="sm">
          <Text size="sm">{errorMessage(issue.error, t)}</Text>
        </Alert>
      ) : null}
      {issue.data ? (
        <Stack gap="xs" mt="sm" data-testid="issued-links">
          <Text size="sm" fw={600} role="status">
            {c.issued(issue.data.items.length)}
          </Text>
          {issue.data.items.map((item, i) => (
            <CopyField
              key={item.token}
              label={item.label || `${c.link} ${String(i + 1)}`}
              value={consultUrl(item.token)}
              testId="respondent-link"
            />
          ))}
        </Stack>
      ) : null}
    </>
  );
}

/** The shared link of a shared consultation, with what it does not guarantee. */
export function SharedLinkPanel({ detail }: { detail: ConsultationDetail }) {
  const { t } = useI18n();
  const c = t.consultations;
  const share = useShareLink(detail);
  return (
    <>
      <Alert color="yellow" variant="light" mb="sm" data-testid="shared-warning">
        <Text size="sm">{c.sharedWarning}</Text>
      </Alert>
      <Button
        loading={share.isPending}
        onClick={() => {
          share.mutate(undefined);
        }}
      >
        {detail.sharedLink ? c.reshare : c.share}
      </Button>
      {share.isError ? (
        <Alert role="alert" color="red" variant="light" mt="sm">
          <Text size="sm">{errorMessage(share.error, t)}</Text>
        </Alert>
      ) : null}
      {share.data ? (
        <Stack gap="xs" mt="sm">
          <Text size="sm" role="status">
            {c.sharedIssued}
          </Text>
          <CopyField label={c.link} value={consultUrl(share.data.token)} testId="shared-link" />
        </Stack>
      ) : null}
    </>
  );
}

/** Close now, and start a new revision. */
export function RunButtons({ detail }: { detail: ConsultationDetail }) {
  const { t } = useI18n();
  const c = t.consultations;
  const [, navigate] = useLocation();
  const step = useConsultationStep(detail);
  const state = detail.consultation.state;
  return (
    <>
      <Group gap="sm" wrap="wrap">
        {state === 'open' || state === 'scheduled' ? (
          <Button
            color="red.9"
            variant="outline"
            loading={step.isPending && step.variables === 'close'}
            onClick={() => {
              step.mutate('close');
            }}
          >
            {c.close}
          </Button>
        ) : null}
        <Button
          variant="default"
          loading={step.isPending && step.variables === 'revisions'}
          onClick={() => {
            step.mutate('revisions', {
              onSuccess: (next) => {
                navigate(`/consultations/${next.consultation.id}`);
              },
            });
          }}
        >
          {c.revise}
        </Button>
      </Group>
      {step.isError ? (
        <Alert role="alert" color="red" variant="light" mt="sm">
          <Text size="sm">{errorMessage(step.error, t)}</Text>
        </Alert>
      ) : null}
    </>
  );
}
