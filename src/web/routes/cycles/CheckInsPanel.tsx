/**
 * The check-ins of an element or action, shown on its page as of the chosen date: the reported
 * (validated) status next to the computed one, and a link to each check-in's form.
 */
import { Text } from '@mantine/core';
import { useMe } from '../../api/auth.ts';
import { useCheckIns } from '../../api/cycles.ts';
import { Section } from '../../components/Section.tsx';
import { useI18n } from '../../i18n/context.tsx';
import { useAsOf } from '../../lib/as-of.ts';
import { CheckInTable } from './CheckInTable.tsx';

/** A section listing the check-ins of one element or action (signed-in readers only). */
export function CheckInsPanel({ elementId, actionId }: { elementId?: string; actionId?: string }) {
  const { t } = useI18n();
  const [asOf] = useAsOf();
  const me = useMe();
  const signedIn = me.data?.authenticated === true;
  const list = useCheckIns(
    { ...(elementId && { elementId }), ...(actionId && { actionId }), asOf },
    signedIn,
  );
  if (!signedIn || !list.data) return null;
  return (
    <Section title={t.checkIn.panelTitle}>
      {list.data.items.length === 0 ? (
        <Text>{t.checkIn.panelNone}</Text>
      ) : (
        <CheckInTable cards={list.data.items} caption={t.checkIn.panelTitle} showCycle />
      )}
    </Section>
  );
}

/** The dashboard's list of validated check-ins: the statuses units reported, as of the date. */
export function ReportedStatuses() {
  const { t } = useI18n();
  const [asOf] = useAsOf();
  const me = useMe();
  const signedIn = me.data?.authenticated === true;
  const list = useCheckIns({ state: 'validated', asOf }, signedIn);
  if (!signedIn || !list.data) return null;
  return (
    <Section title={t.checkIn.reportedTitle}>
      <div data-testid="reported-statuses">
        {list.data.items.length === 0 ? (
          <Text>{t.checkIn.reportedNone}</Text>
        ) : (
          <CheckInTable cards={list.data.items} caption={t.checkIn.reportedTitle} showCycle />
        )}
      </div>
    </Section>
  );
}
