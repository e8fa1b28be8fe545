/**
 * `/risks`: the risk register. Filters by unit, priority, status and level (and by a matrix
 * cell's likelihood × impact when coming from the matrix), as of a chosen date.
 */
import { Button, Group, Text } from '@mantine/core';
import { useMe } from '../api/auth.ts';
import { useRisks } from '../api/risks.ts';
import { AppLink } from '../components/AppLink.tsx';
import { AsOfPicker } from '../components/AsOfPicker.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { QueryView } from '../components/QueryState.tsx';
import { RiskTable } from '../components/RiskTable.tsx';
import { useI18n } from '../i18n/context.tsx';
import { useAsOf } from '../lib/as-of.ts';
import { FormToggle, useUnitChoices } from './forms/form-kit.tsx';
import { RiskForm, mayCreateRisk } from './forms/RiskForm.tsx';
import { RiskFilters, useRiskFilters } from './risk/RiskFilters.tsx';

/** The register page. */
export function RisksPage() {
  const { t } = useI18n();
  const [asOf] = useAsOf();
  const [filters, set] = useRiskFilters();
  const risks = useRisks({ ...filters, asOf });
  const { likelihood, impact } = filters;
  const me = useMe();
  const writable = useUnitChoices((id) => mayCreateRisk(me.data, id));
  return (
    <>
      <PageTitle title={t.risks.registerTitle} />
      <Text maw={760} mb="md">
        {t.risks.registerIntro}
      </Text>
      <Group justify="space-between" align="flex-end" wrap="wrap" mb="sm">
        <AsOfPicker />
        <AppLink to="/risks/matrix">{t.risks.seeMatrix}</AppLink>
      </Group>
      {writable.length > 0 && !asOf ? (
        <FormToggle label={t.forms.newRisk}>
          {(close) => (
            <RiskForm
              onCancel={() => {
                close(false);
              }}
            />
          )}
        </FormToggle>
      ) : null}
      <RiskFilters withStatus />
      {likelihood !== null && impact !== null ? (
        <Button
          variant="outline"
          size="xs"
          mb="sm"
          onClick={() => {
            set('likelihood', null);
            set('impact', null);
          }}
        >
          {t.risks.clearCell(likelihood, impact)}
        </Button>
      ) : null}
      <QueryView query={risks}>
        {(page) =>
          page.items.length === 0 ? (
            <Text>{t.risks.empty}</Text>
          ) : (
            <RiskTable risks={page.items} caption={t.risks.registerCaption} />
          )
        }
      </QueryView>
    </>
  );
}
