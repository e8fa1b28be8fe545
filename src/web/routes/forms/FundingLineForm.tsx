/**
 * Records a funding line from the funding page: bilingual title, programme, funder (optionally a
 * registered partner), the unit it belongs to (the group: strategy office only), co-financing
 * rate, provenance, the actions it funds, and its amounts per year typed in euros (sent as
 * integer cents).
 */
import { Button, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useRef, useState } from 'react';
import type { SubmitEvent } from 'react';
import { useMe } from '../../api/auth.ts';
import { useCreateFundingLine, type FundingLineCreate } from '../../api/forms.ts';
import { usePartnerDirectory } from '../../api/partners.ts';
import type { Me } from '../../api/types.ts';
import { isStrategyOffice } from '../../../domain/access.ts';
import { canWriteFunding } from '../../../domain/partner-access.ts';
import { PROGRAMMES, type Programme } from '../../../domain/partners.ts';
import { PROVENANCES, type Provenance } from '../../../domain/types.ts';
import { useI18n } from '../../i18n/context.tsx';
import { principalOf } from '../../lib/permissions.ts';
import { centsOf } from './euros.ts';
import {
  FormButtons,
  FormOutcome,
  Picker,
  useFocusFirstInvalid,
  useFormValues,
  usePlanChoices,
  useServerErrors,
  useUnitChoices,
} from './form-kit.tsx';
import { ChoiceSelect, TitleFields } from './fields.tsx';

/** Whether `me` may record a funding line of `unitId` (null: the group). */
export function mayRecordFunding(me: Me | undefined, unitId: string | null): boolean {
  return !!me?.can.write && canWriteFunding(principalOf(me, {}), unitId);
}

const AMOUNTS = ['planned', 'committed', 'spent'] as const;
type AmountKey = (typeof AMOUNTS)[number];
type AmountRow = { year: string } & Record<AmountKey, string>;

interface Values {
  titleFr: string;
  titleEn: string;
  programme: Programme;
  funder: string;
  funderPartnerId: string;
  unitId: string;
  cofinancing: string;
  provenance: Provenance;
  actionIds: string[];
}

const EMPTY: Values = {
  titleFr: '',
  titleEn: '',
  programme: 'france_2030',
  funder: '',
  funderPartnerId: '',
  unitId: '',
  cofinancing: '',
  provenance: 'official',
  actionIds: [],
};

const FIELDSET = {
  border: '1px solid #ced4da',
  borderRadius: 4,
  padding: '0.5rem 0.75rem 0.75rem',
  margin: '0.75rem 0 0',
  maxWidth: 760,
} as const;

const newRow = (): AmountRow => ({
  year: String(new Date().getFullYear()),
  planned: '',
  committed: '',
  spent: '',
});

/** The rows as the API's amounts, or the first invalid cell ("row:key") when one is. */
function amountsOf(rows: readonly AmountRow[]): FundingLineCreate['amounts'] | string {
  const amounts: NonNullable<FundingLineCreate['amounts']> = [];
  for (const [i, row] of rows.entries()) {
    const year = Number(row.year);
    if (!/^\d{4}$/.test(row.year.trim()) || year < 1900 || year > 2200) return `${String(i)}:year`;
    const cents: Record<AmountKey, number> = { planned: 0, committed: 0, spent: 0 };
    for (const key of AMOUNTS) {
      const value = centsOf(row[key]);
      if (value === undefined) return `${String(i)}:${key}`;
      cents[key] = value ?? 0;
    }
    amounts.push({
      year,
      plannedCents: cents.planned,
      committedCents: cents.committed,
      spentCents: cents.spent,
    });
  }
  return amounts;
}

/** The funding line form; on success the list below shows the new line. */
export function FundingLineForm({ onDone }: { onDone: (saved: boolean) => void }) {
  const { t } = useI18n();
  const me = useMe();
  const [values, set] = useFormValues<Values>(EMPTY, '');
  const [rows, setRows] = useState<AmountRow[]>([newRow()]);
  const [badCell, setBadCell] = useState<string | null>(null);
  const units = useUnitChoices((id) => mayRecordFunding(me.data, id));
  const group = me.data ? isStrategyOffice(principalOf(me.data, {})) : false;
  const partners = usePartnerDirectory({});
  const plan = usePlanChoices();
  const mutation = useCreateFundingLine();
  const fieldError = useServerErrors(mutation.error);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, mutation.error);
  const unitId = values.unitId || (group ? '' : (units[0]?.value ?? ''));

  const text = (key: 'titleFr' | 'titleEn' | 'funder' | 'cofinancing') => ({
    name: key,
    value: values[key],
    onChange: (e: { currentTarget: { value: string } }) => {
      set(key)(e.currentTarget.value);
    },
  });
  const cellError = (i: number, key: 'year' | AmountKey) => {
    if (badCell === `${String(i)}:${key}`)
      return key === 'year' ? t.forms.yearInvalid : t.forms.amountInvalid;
    const field = key === 'year' ? 'year' : `${key}Cents`;
    return fieldError(`amounts/${String(i)}/${field}`);
  };
  const setCell = (i: number, key: 'year' | AmountKey, value: string) => {
    setBadCell(null);
    setRows((was) => was.map((row, j) => (j === i ? { ...row, [key]: value } : row)));
  };

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const amounts = amountsOf(rows);
    const rate = values.cofinancing.trim().replace(',', '.');
    if (typeof amounts === 'string') {
      setBadCell(amounts);
      const [row, key] = amounts.split(':');
      form.current?.querySelector<HTMLElement>(`[name="${key ?? ''}-${row ?? ''}"]`)?.focus();
      return;
    }
    mutation.mutate(
      {
        title: { fr: values.titleFr, en: values.titleEn },
        programme: values.programme,
        funder: values.funder.trim(),
        funderPartnerId: values.funderPartnerId || null,
        unitId: unitId || null,
        cofinancingRate: rate === '' ? null : Number(rate),
        provenance: values.provenance,
        actionIds: values.actionIds,
        amounts,
      },
      {
        onSuccess: () => {
          onDone(true);
        },
      },
    );
  };

  return (
    <form
      ref={form}
      onSubmit={submit}
      noValidate
      aria-label={t.forms.newFundingLine}
      data-testid="funding-form"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" maw={760}>
        <TitleFields
          fr={values.titleFr}
          en={values.titleEn}
          onChange={(lang, value) => {
            set(lang === 'fr' ? 'titleFr' : 'titleEn')(value);
          }}
          error={fieldError}
        />
        <ChoiceSelect
          name="programme"
          label={t.partners.programme}
          value={values.programme}
          choices={PROGRAMMES}
          labels={t.fundingProgramme}
          onChange={set('programme')}
          error={fieldError('programme')}
        />
        <TextInput
          {...text('funder')}
          label={t.partners.funder}
          required
          maxLength={300}
          error={fieldError('funder')}
        />
        <NativeSelect
          name="funderPartnerId"
          label={t.forms.funderPartner}
          value={values.funderPartnerId}
          onChange={(e) => {
            set('funderPartnerId')(e.currentTarget.value);
          }}
          data={[
            { value: '', label: t.forms.noPartner },
            ...(partners.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })),
          ]}
          error={fieldError('funderPartnerId')}
        />
        <NativeSelect
          name="unitId"
          label={t.forms.unit}
          value={unitId}
          onChange={(e) => {
            set('unitId')(e.currentTarget.value);
          }}
          data={[...(group ? [{ value: '', label: t.partners.group }] : []), ...units]}
          error={fieldError('unitId')}
        />
        <TextInput
          {...text('cofinancing')}
          label={t.forms.cofinancingRate}
          inputMode="decimal"
          maxLength={6}
          error={fieldError('cofinancingRate')}
        />
        <ChoiceSelect
          name="provenance"
          label={t.forms.provenance}
          value={values.provenance}
          choices={PROVENANCES}
          labels={t.provenance}
          onChange={set('provenance')}
        />
      </SimpleGrid>
      <Picker
        label={t.partners.actions}
        value={values.actionIds}
        onChange={set('actionIds')}
        data={plan.actions}
        error={fieldError('actionIds')}
      />
      {rows.map((row, i) => (
        <fieldset key={i} style={FIELDSET}>
          <legend style={{ fontWeight: 600, padding: '0 0.25rem' }}>
            {t.forms.amountRow(i + 1)}
          </legend>
          <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="sm">
            <TextInput
              name={`year-${String(i)}`}
              label={t.partners.year}
              inputMode="numeric"
              maxLength={4}
              value={row.year}
              onChange={(e) => {
                setCell(i, 'year', e.currentTarget.value);
              }}
              error={cellError(i, 'year')}
            />
            {AMOUNTS.map((key) => (
              <TextInput
                key={key}
                name={`${key}-${String(i)}`}
                label={t.forms.euros(t.partners[key])}
                inputMode="decimal"
                maxLength={24}
                value={row[key]}
                onChange={(e) => {
                  setCell(i, key, e.currentTarget.value);
                }}
                error={cellError(i, key)}
              />
            ))}
          </SimpleGrid>
          {rows.length > 1 ? (
            <Button
              mt="xs"
              size="compact-sm"
              variant="subtle"
              color="red.9"
              onClick={() => {
                setRows((was) => was.filter((_, j) => j !== i));
              }}
            >
              {t.forms.removeYear(i + 1)}
            </Button>
          ) : null}
        </fieldset>
      ))}
      <Button
        mt="sm"
        variant="default"
        onClick={() => {
          setRows((was) => [...was, newRow()]);
        }}
      >
        {t.forms.addYear}
      </Button>
      <FormButtons
        submit={t.forms.createFundingLine}
        pending={mutation.isPending}
        onCancel={() => {
          onDone(false);
        }}
      />
      <FormOutcome error={mutation.error} done={null} />
    </form>
  );
}
