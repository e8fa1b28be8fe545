/** The risks linked to an element (or below it) or to an action, as a section of its page. */
import { Text } from '@mantine/core';
import { useMe } from '../../api/auth.ts';
import { useRisks } from '../../api/risks.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { QueryView } from '../../components/QueryState.tsx';
import { RiskTable } from '../../components/RiskTable.tsx';
import { Section } from '../../components/Section.tsx';
import { useI18n } from '../../i18n/context.tsx';
import { useAsOf } from '../../lib/as-of.ts';

/** Lists the risks of `elementId` or `actionId`, as of the page's date (signed-in readers). */
export function RelatedRisks({
  elementId,
  actionId,
  label,
}: {
  elementId?: string;
  actionId?: string;
  /** The page's item (code and title), for the table caption. */
  label: string;
}) {
  const { t } = useI18n();
  const [asOf] = useAsOf();
  const signedIn = useMe().data?.authenticated === true;
  const risks = useRisks(
    { elementId: elementId ?? null, actionId: actionId ?? null, asOf },
    signedIn,
  );
  // The public sees no risk: no empty section either.
  if (!signedIn) return null;
  const registerLink = elementId ? `/risks?elementId=${elementId}` : '/risks';
  return (
    <Section
      title={t.risks.sectionTitle}
      actions={<AppLink to={registerLink}>{t.risks.seeRegister}</AppLink>}
    >
      <QueryView query={risks}>
        {(page) =>
          page.items.length === 0 ? (
            <Text>{t.risks.noRisks}</Text>
          ) : (
            <RiskTable risks={page.items} caption={`${t.risks.sectionTitle} — ${label}`} />
          )
        }
      </QueryView>
    </Section>
  );
}
