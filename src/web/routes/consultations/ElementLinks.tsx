/**
 * The plan elements a consultation's results serve: the whole consultation or one question,
 * listed for every reader; added and removed (PUT with If-Match) by those who may change it.
 */
import { Alert, Button, Group, NativeSelect, Text } from '@mantine/core';
import { useState } from 'react';
import { useSetLinks } from '../../api/consultations.ts';
import type { ConsultationDetail } from '../../api/consultations.ts';
import { usePlanTree, useWorkspace } from '../../api/queries.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { errorMessage } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n/context.tsx';

/** The list of links, and the editor when `editable`. */
export function ElementLinks({
  detail,
  editable,
}: {
  detail: ConsultationDetail;
  editable: boolean;
}) {
  const { t, tx } = useI18n();
  const c = t.consultations;
  const set = useSetLinks(detail);
  const current = detail.links.map((l) => ({ elementId: l.element.id, questionId: l.questionId }));
  const questionLabel = (id: string | null) => {
    if (id === null) return c.whole;
    const q = detail.consultation.questions.find((x) => x.id === id);
    return q ? `${c.question(q.position + 1)} — ${tx(q.prompt)}` : '';
  };
  return (
    <>
      {detail.links.length === 0 ? (
        <Text>{c.noLinks}</Text>
      ) : (
        <ul style={{ margin: 0, paddingLeft: '1.1rem' }} data-testid="element-links">
          {detail.links.map((link, i) => (
            <li key={`${link.element.id}-${link.questionId ?? ''}`}>
              <AppLink to={`/elements/${link.element.id}`}>
                <span className="st-code">{link.element.code}</span> {tx(link.element.title)}
              </AppLink>{' '}
              — {questionLabel(link.questionId)}
              {editable ? (
                <Button
                  variant="outline"
                  size="compact-xs"
                  color="red.9"
                  ml="xs"
                  aria-label={`${c.removeLink} : ${link.element.code}`}
                  onClick={() => {
                    set.mutate({ links: current.filter((_, j) => j !== i) });
                  }}
                >
                  {c.removeLink}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {editable ? (
        <AddLink
          detail={detail}
          onAdd={(elementId, questionId) => {
            set.mutate({ links: [...current, { elementId, questionId }] });
          }}
          pending={set.isPending}
        />
      ) : null}
      {set.isError ? (
        <Alert role="alert" color="red" variant="light" mt="sm">
          <Text size="sm">{errorMessage(set.error, t)}</Text>
        </Alert>
      ) : null}
    </>
  );
}

function AddLink({
  detail,
  onAdd,
  pending,
}: {
  detail: ConsultationDetail;
  onAdd: (elementId: string, questionId: string | null) => void;
  pending: boolean;
}) {
  const { t, tx } = useI18n();
  const c = t.consultations;
  const workspace = useWorkspace().data;
  const [planId, setPlanId] = useState<string | null>(null);
  const plan = planId ?? workspace?.groupPlanId ?? workspace?.plans[0]?.id ?? null;
  const tree = usePlanTree(plan, null).data;
  const [elementId, setElementId] = useState('');
  const [questionId, setQuestionId] = useState('');
  const chosen = elementId || tree?.nodes[0]?.id || '';
  return (
    <Group align="flex-end" gap="sm" wrap="wrap" mt="sm">
      <NativeSelect
        label={t.nav.plan}
        value={plan ?? ''}
        onChange={(e) => {
          setPlanId(e.currentTarget.value);
          setElementId('');
        }}
        data={(workspace?.plans ?? []).map((p) => ({ value: p.id, label: tx(p.title) }))}
        maw={260}
      />
      <NativeSelect
        label={c.element}
        value={chosen}
        onChange={(e) => {
          setElementId(e.currentTarget.value);
        }}
        data={(tree?.nodes ?? []).map((n) => ({
          value: n.id,
          label: `${n.code} ${tx(n.title)}`.slice(0, 80),
        }))}
        maw={320}
      />
      <NativeSelect
        label={c.result}
        value={questionId}
        onChange={(e) => {
          setQuestionId(e.currentTarget.value);
        }}
        data={[
          { value: '', label: c.whole },
          ...detail.consultation.questions.map((q) => ({
            value: q.id,
            label: `${c.question(q.position + 1)} — ${tx(q.prompt)}`.slice(0, 80),
          })),
        ]}
        maw={320}
      />
      <Button
        loading={pending}
        disabled={chosen === ''}
        onClick={() => {
          onAdd(chosen, questionId === '' ? null : questionId);
        }}
      >
        {c.addLink}
      </Button>
    </Group>
  );
}
