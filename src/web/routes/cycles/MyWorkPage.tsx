/**
 * `/my-work`: the signed-in user's inbox — check-ins due, overdue, returned to them, and (for
 * validators) waiting for review, each one click from its form — and the weekly digest opt-out.
 */
import { Checkbox, Text } from '@mantine/core';
import { useState } from 'react';
import { useMe } from '../../api/auth.ts';
import { useDigestPreference, useMyWork, type CheckInCard } from '../../api/cycles.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryView } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { useI18n } from '../../i18n/context.tsx';
import { CheckInTable } from './CheckInTable.tsx';

function Inbox({ title, cards, testId }: { title: string; cards: CheckInCard[]; testId: string }) {
  const { t } = useI18n();
  return (
    <Section title={`${title} (${cards.length})`}>
      <div data-testid={testId}>
        {cards.length === 0 ? (
          <Text>{t.myWork.empty}</Text>
        ) : (
          <CheckInTable cards={cards} caption={title} showCycle />
        )}
      </div>
    </Section>
  );
}

/** The "my work" page. */
export function MyWorkPage() {
  const { t } = useI18n();
  const me = useMe();
  const signedIn = me.data?.authenticated === true;
  const work = useMyWork(signedIn);
  const preference = useDigestPreference();
  const [saved, setSaved] = useState(false);
  if (me.data && !signedIn) {
    return (
      <>
        <PageTitle title={t.myWork.title} />
        <Text>{t.myWork.signIn}</Text>
      </>
    );
  }
  return (
    <>
      <PageTitle title={t.myWork.title} />
      <Text maw={760} mb="md">
        {t.myWork.intro}
      </Text>
      <QueryView query={work} title={t.myWork.title}>
        {(data) => (
          <>
            <Inbox title={t.myWork.overdue} cards={data.overdue} testId="my-overdue" />
            <Inbox title={t.myWork.returned} cards={data.returned} testId="my-returned" />
            <Inbox title={t.myWork.due} cards={data.due} testId="my-due" />
            {data.toValidate.length > 0 || me.data?.can.editStructure ? (
              <Inbox title={t.myWork.toValidate} cards={data.toValidate} testId="my-to-validate" />
            ) : null}
            <Checkbox
              mt="xl"
              label={t.myWork.digest}
              checked={!data.digestOptOut}
              disabled={preference.isPending || me.data?.readOnly === true}
              onChange={(event) => {
                setSaved(false);
                preference.mutate(!event.currentTarget.checked, {
                  onSuccess: () => {
                    setSaved(true);
                  },
                });
              }}
            />
            <div role="status" aria-live="polite">
              {saved ? (
                <Text size="sm" mt="xs" c="#17602c">
                  {t.myWork.digestSaved}
                </Text>
              ) : null}
            </div>
          </>
        )}
      </QueryView>
    </>
  );
}
