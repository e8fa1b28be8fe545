/**
 * On an action page: the consultations it came from, and for those who may change the action a
 * choice of the consultations to cite.
 */
import { Alert, Button, Checkbox, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import {
  useActionConsultations,
  useCiteConsultations,
  useConsultations,
} from '../../api/consultations.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { QueryView, errorMessage } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { useI18n } from '../../i18n/context.tsx';

/** The section; `editable` when the reader may change the action. */
export function ActionConsultations({
  actionId,
  editable,
}: {
  actionId: string;
  editable: boolean;
}) {
  const { t, tx } = useI18n();
  const c = t.consultations;
  const cited = useActionConsultations(actionId);
  return (
    <Section title={c.actionSection}>
      <QueryView query={cited}>
        {(data) => (
          <>
            {data.items.length === 0 ? (
              <Text>{c.actionNone}</Text>
            ) : (
              <ul style={{ margin: 0, paddingLeft: '1.1rem' }} data-testid="cited-consultations">
                {data.items.map((item) => (
                  <li key={item.id}>
                    <AppLink to={`/consultations/${item.id}`}>
                      <span className="st-code">{item.code}</span> {tx(item.title)}
                    </AppLink>{' '}
                    — {c.responses(item.responses)}
                  </li>
                ))}
              </ul>
            )}
            {editable ? (
              <CiteForm
                key={data.items.map((i) => i.id).join()}
                actionId={actionId}
                initial={data.items.map((i) => i.id)}
              />
            ) : null}
          </>
        )}
      </QueryView>
    </Section>
  );
}

function CiteForm({ actionId, initial }: { actionId: string; initial: string[] }) {
  const { t, tx } = useI18n();
  const c = t.consultations;
  const all = useConsultations().data?.items ?? [];
  const cite = useCiteConsultations(actionId);
  const [chosen, setChosen] = useState<string[]>(initial);
  if (all.length === 0) return null;
  return (
    <div style={{ marginTop: '0.75rem' }}>
      <Checkbox.Group label={c.cite} value={chosen} onChange={setChosen}>
        <Stack gap={4} mt="xs">
          {all.map((item) => (
            <Checkbox
              key={item.id}
              value={item.id}
              label={`${item.code} (${c.revision(item.revision)}) ${tx(item.title)}`}
            />
          ))}
        </Stack>
      </Checkbox.Group>
      <Button
        mt="sm"
        size="sm"
        loading={cite.isPending}
        onClick={() => {
          cite.mutate(chosen);
        }}
      >
        {c.saveCitations}
      </Button>
      {cite.isError ? (
        <Alert role="alert" color="red" variant="light" mt="sm">
          <Text size="sm">{errorMessage(cite.error, t)}</Text>
        </Alert>
      ) : null}
    </div>
  );
}
