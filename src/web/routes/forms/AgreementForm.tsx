/**
 * Records an agreement with a partner, from its page: kind, bilingual title and description,
 * dates, amount typed in euros (sent as integer cents), scale, provenance, the schools involved
 * (an editor only their own), and the plan elements, actions and indicators it serves.
 */
import { SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { useRef, useState } from 'react';
import type { SubmitEvent } from 'react';
import { useLocation } from 'wouter';
import { useMe } from '../../api/auth.ts';
import { useCreateAgreement } from '../../api/forms.ts';
import { useIndicators } from '../../api/queries.ts';
import type { PartnerRef } from '../../api/partners.ts';
import type { Me } from '../../api/types.ts';
import { isStrategyOffice } from '../../../domain/access.ts';
import { canWriteAgreement } from '../../../domain/partner-access.ts';
import {
  AGREEMENT_KINDS,
  SCALES,
  type AgreementKind,
  type Scale,
} from '../../../domain/partners.ts';
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

/** Whether `me` may record an agreement for `unitId` (the strategy office: any, or the group). */
export function mayRecordAgreement(me: Me | undefined, unitId: string | null): boolean {
  if (!me?.can.write) return false;
  const principal = principalOf(me, {});
  return unitId === null ? isStrategyOffice(principal) : canWriteAgreement(principal, [unitId]);
}

interface Values {
  kind: AgreementKind;
  titleFr: string;
  titleEn: string;
  descriptionFr: string;
  descriptionEn: string;
  startDate: string;
  endDate: string;
  amount: string;
  scale: Scale;
  provenance: Provenance;
  unitIds: string[];
  elementIds: string[];
  actionIds: string[];
  indicatorIds: string[];
}

const EMPTY: Values = {
  kind: 'framework',
  titleFr: '',
  titleEn: '',
  descriptionFr: '',
  descriptionEn: '',
  startDate: '',
  endDate: '',
  amount: '',
  scale: 'national',
  provenance: 'official',
  unitIds: [],
  elementIds: [],
  actionIds: [],
  indicatorIds: [],
};

/** The agreement form of `partner`; on success it opens the new agreement. */
export function AgreementForm({
  partner,
  onCancel,
}: {
  partner: PartnerRef;
  onCancel?: () => void;
}) {
  const { t, tx } = useI18n();
  const me = useMe();
  const [, navigate] = useLocation();
  const [values, set] = useFormValues<Values>(EMPTY, '');
  const units = useUnitChoices((id) => mayRecordAgreement(me.data, id));
  const plan = usePlanChoices();
  const indicators = useIndicators({ limit: 500 });
  const mutation = useCreateAgreement();
  const fieldError = useServerErrors(mutation.error);
  const form = useRef<HTMLFormElement>(null);
  const [amountError, setAmountError] = useState<string | undefined>(undefined);
  useFocusFirstInvalid(form, mutation.error);

  const text = (key: 'titleFr' | 'titleEn' | 'startDate' | 'endDate' | 'amount') => ({
    name: key,
    value: values[key],
    onChange: (e: { currentTarget: { value: string } }) => {
      set(key)(e.currentTarget.value);
      if (key === 'amount') setAmountError(undefined);
    },
  });

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const amountCents = centsOf(values.amount);
    if (amountCents === undefined) {
      setAmountError(t.forms.amountInvalid);
      form.current?.querySelector<HTMLElement>('[name="amount"]')?.focus();
      return;
    }
    mutation.mutate(
      {
        partnerId: partner.id,
        kind: values.kind,
        title: { fr: values.titleFr, en: values.titleEn },
        description: { fr: values.descriptionFr, en: values.descriptionEn },
        startDate: values.startDate || null,
        endDate: values.endDate || null,
        amountCents,
        scale: values.scale,
        provenance: values.provenance,
        unitIds: values.unitIds,
        elementIds: values.elementIds,
        actionIds: values.actionIds,
        indicatorIds: values.indicatorIds,
      },
      {
        onSuccess: (created) => {
          navigate(`/agreements/${created.agreement.id}`);
        },
      },
    );
  };

  return (
    <form
      ref={form}
      onSubmit={submit}
      noValidate
      aria-label={t.forms.newAgreement}
      data-testid="agreement-form"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" maw={760}>
        <ChoiceSelect
          name="kind"
          label={t.partners.agreementKind}
          value={values.kind}
          choices={AGREEMENT_KINDS}
          labels={t.agreementKind}
          onChange={set('kind')}
          error={fieldError('kind')}
        />
        <ChoiceSelect
          name="scale"
          label={t.partners.scale}
          value={values.scale}
          choices={SCALES}
          labels={t.partnerScale}
          onChange={set('scale')}
          error={fieldError('scale')}
        />
        <TitleFields
          fr={values.titleFr}
          en={values.titleEn}
          onChange={(lang, value) => {
            set(lang === 'fr' ? 'titleFr' : 'titleEn')(value);
          }}
          error={fieldError}
        />
        <Textarea
          name="descriptionFr"
          label={t.forms.descriptionFr}
          value={values.descriptionFr}
          onChange={(e) => {
            set('descriptionFr')(e.currentTarget.value);
          }}
          error={fieldError('description/fr')}
          maxLength={4000}
          autosize
          minRows={2}
        />
        <Textarea
          name="descriptionEn"
          label={t.forms.descriptionEn}
          value={values.descriptionEn}
          onChange={(e) => {
            set('descriptionEn')(e.currentTarget.value);
          }}
          error={fieldError('description/en')}
          maxLength={4000}
          autosize
          minRows={2}
        />
        <TextInput
          {...text('startDate')}
          type="date"
          label={t.forms.startDate}
          error={fieldError('startDate')}
        />
        <TextInput
          {...text('endDate')}
          type="date"
          label={t.forms.endDate}
          error={fieldError('endDate')}
        />
        <TextInput
          {...text('amount')}
          label={t.forms.amountEuros}
          description={t.forms.amountHint}
          inputMode="decimal"
          maxLength={24}
          autoComplete="off"
          error={amountError ?? fieldError('amountCents')}
        />
        <ChoiceSelect
          name="provenance"
          label={t.forms.provenance}
          value={values.provenance}
          choices={PROVENANCES}
          labels={t.provenance}
          onChange={set('provenance')}
          error={fieldError('provenance')}
        />
      </SimpleGrid>
      <Picker
        label={t.forms.schools}
        description={t.forms.schoolsHint}
        value={values.unitIds}
        onChange={set('unitIds')}
        data={units}
        error={fieldError('unitIds')}
      />
      <Picker
        label={t.forms.priorities}
        value={values.elementIds}
        onChange={set('elementIds')}
        data={plan.elements}
        error={fieldError('elementIds')}
      />
      <Picker
        label={t.partners.actions}
        value={values.actionIds}
        onChange={set('actionIds')}
        data={plan.actions}
        error={fieldError('actionIds')}
      />
      <Picker
        label={t.forms.indicators}
        value={values.indicatorIds}
        onChange={set('indicatorIds')}
        data={(indicators.data?.items ?? []).map((i) => ({
          value: i.card.id,
          label: `${i.card.code} ${tx(i.card.name)}`,
        }))}
        error={fieldError('indicatorIds')}
      />
      <FormButtons
        submit={t.forms.createAgreement}
        pending={mutation.isPending}
        onCancel={onCancel}
      />
      <FormOutcome error={mutation.error} done={null} />
    </form>
  );
}
