/**
 * Creates a risk (with its first likelihood × impact) or edits one (its assessment then changes
 * only by a review). Units offered are those the account may write risks for; the server checks
 * again, and a refused field is shown at the field. Edits send the ETag read.
 */
import { NativeSelect, SimpleGrid, Text, TextInput, Textarea } from '@mantine/core';
import { useRef, useState } from 'react';
import type { SubmitEvent } from 'react';
import { useLocation } from 'wouter';
import { useMe } from '../../api/auth.ts';
import { useCreateRisk, useUpdateRisk, type RiskUpdate } from '../../api/forms.ts';
import type { RiskDetail } from '../../api/risks.ts';
import { canWriteRisk } from '../../../domain/access.ts';
import { RISK_CATEGORIES, RISK_SCALE, RISK_STATUSES } from '../../../domain/risk.ts';
import type { RiskCategory, RiskStatus } from '../../../domain/risk.ts';
import { useI18n } from '../../i18n/context.tsx';
import { isIsoDate } from '../../lib/as-of.ts';
import { principalOf } from '../../lib/permissions.ts';
import type { Me } from '../../api/types.ts';
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

/** Whether `me` may create a risk for `unitId` (strategy office, or an editor of the unit). */
export function mayCreateRisk(me: Me | undefined, unitId: string): boolean {
  return !!me?.can.write && canWriteRisk(principalOf(me, {}), unitId, null);
}

interface Values {
  code: string;
  unitId: string;
  titleFr: string;
  titleEn: string;
  descriptionFr: string;
  descriptionEn: string;
  mitigationFr: string;
  mitigationEn: string;
  category: RiskCategory;
  owner: string;
  likelihood: number;
  impact: number;
  status: RiskStatus;
  reviewOn: string;
  elementIds: string[];
  actionIds: string[];
}

function initialValues(data: RiskDetail | undefined, unitId: string): Values {
  const r = data?.risk;
  return {
    code: r?.code ?? '',
    unitId: r?.unitId ?? unitId,
    titleFr: r?.title.fr ?? '',
    titleEn: r?.title.en ?? '',
    descriptionFr: r?.description.fr ?? '',
    descriptionEn: r?.description.en ?? '',
    mitigationFr: r?.mitigation.fr ?? '',
    mitigationEn: r?.mitigation.en ?? '',
    category: r?.category ?? 'strategic',
    owner: r?.owner ?? '',
    likelihood: data?.card.likelihood ?? 3,
    impact: data?.card.impact ?? 3,
    status: r?.status ?? 'open',
    reviewOn: r?.reviewOn ?? '',
    elementIds: r?.elementIds ?? [],
    actionIds: r?.actionIds ?? [],
  };
}

const same = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/** The fields that differ from the risk read (only those are sent). */
function changesOf(values: Values, data: RiskDetail): RiskUpdate {
  const before = initialValues(data, data.risk.unitId);
  const changes: RiskUpdate = {};
  if (values.code !== before.code) changes.code = values.code;
  if (values.unitId !== before.unitId) changes.unitId = values.unitId;
  if (values.titleFr !== before.titleFr || values.titleEn !== before.titleEn)
    changes.title = { fr: values.titleFr, en: values.titleEn };
  if (
    values.descriptionFr !== before.descriptionFr ||
    values.descriptionEn !== before.descriptionEn
  )
    changes.description = { fr: values.descriptionFr, en: values.descriptionEn };
  if (values.mitigationFr !== before.mitigationFr || values.mitigationEn !== before.mitigationEn)
    changes.mitigation = { fr: values.mitigationFr, en: values.mitigationEn };
  if (values.category !== before.category) changes.category = values.category;
  if (values.owner !== before.owner) changes.owner = values.owner;
  if (values.status !== before.status) changes.status = values.status;
  if (values.reviewOn !== before.reviewOn)
    changes.reviewOn = isIsoDate(values.reviewOn) ? values.reviewOn : null;
  if (!same(values.elementIds, before.elementIds)) changes.elementIds = values.elementIds;
  if (!same(values.actionIds, before.actionIds)) changes.actionIds = values.actionIds;
  return changes;
}

/** The risk form: `data` absent creates (then opens the new risk), present edits. */
export function RiskForm({
  data,
  onDone,
  onCancel,
}: {
  data?: RiskDetail;
  onDone?: (saved: boolean) => void;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const me = useMe();
  const [, navigate] = useLocation();
  const units = useUnitChoices(
    (id) => mayCreateRisk(me.data, id) || id === (data?.risk.unitId ?? ''),
  );
  const plan = usePlanChoices();
  const [values, set] = useFormValues<Values>(initialValues(data, ''), data?.etag ?? '');
  const create = useCreateRisk();
  const update = useUpdateRisk();
  const mutation = data ? update : create;
  const error = mutation.error;
  const fieldError = useServerErrors(error);
  const form = useRef<HTMLFormElement>(null);
  const [done, setDone] = useState<string | null>(null);
  useFocusFirstInvalid(form, error);
  const unitId = values.unitId || (units[0]?.value ?? '');

  const text = (key: 'code' | 'titleFr' | 'titleEn' | 'owner' | 'reviewOn') => ({
    name: key,
    value: values[key],
    onChange: (e: { currentTarget: { value: string } }) => {
      set(key)(e.currentTarget.value);
    },
  });
  const area = (
    key: 'descriptionFr' | 'descriptionEn' | 'mitigationFr' | 'mitigationEn',
    label: string,
    field: string,
  ) => (
    <Textarea
      name={key}
      label={label}
      value={values[key]}
      error={fieldError(field)}
      onChange={(e) => {
        set(key)(e.currentTarget.value);
      }}
      maxLength={4000}
      autosize
      minRows={2}
    />
  );
  const ratings = RISK_SCALE.map((n) => ({ value: String(n), label: String(n) }));

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(null);
    if (data) {
      const changes = changesOf(values, data);
      if (Object.keys(changes).length === 0) {
        onDone?.(false);
        return;
      }
      update.mutate(
        { id: data.risk.id, etag: data.etag, changes },
        {
          onSuccess: () => {
            setDone(t.forms.saved);
            onDone?.(true);
          },
        },
      );
      return;
    }
    create.mutate(
      {
        code: values.code.trim(),
        unitId,
        title: { fr: values.titleFr, en: values.titleEn },
        description: { fr: values.descriptionFr, en: values.descriptionEn },
        mitigation: { fr: values.mitigationFr, en: values.mitigationEn },
        category: values.category,
        owner: values.owner,
        likelihood: values.likelihood,
        impact: values.impact,
        ...(isIsoDate(values.reviewOn) && { reviewOn: values.reviewOn }),
        elementIds: values.elementIds,
        actionIds: values.actionIds,
      },
      {
        onSuccess: (created) => {
          navigate(`/risks/${created.risk.id}`);
        },
      },
    );
  };

  return (
    <form
      ref={form}
      onSubmit={submit}
      noValidate
      aria-label={data ? t.forms.editRisk : t.forms.newRisk}
      data-testid="risk-form"
    >
      <Text size="sm" mb="sm" maw={760}>
        {data ? t.forms.editRiskIntro : t.forms.newRiskIntro}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" maw={760}>
        <TextInput
          {...text('code')}
          label={t.forms.code}
          description={t.forms.codeHint}
          required
          maxLength={64}
          error={fieldError('code')}
        />
        <NativeSelect
          name="unitId"
          label={t.forms.unit}
          value={unitId}
          onChange={(e) => {
            set('unitId')(e.currentTarget.value);
          }}
          data={units}
          error={fieldError('unitId')}
        />
        <TitleFields
          fr={values.titleFr}
          en={values.titleEn}
          onChange={(lang, value) => {
            set(lang === 'fr' ? 'titleFr' : 'titleEn')(value);
          }}
          error={fieldError}
        />
        {area('descriptionFr', t.forms.descriptionFr, 'description/fr')}
        {area('descriptionEn', t.forms.descriptionEn, 'description/en')}
        <ChoiceSelect
          name="category"
          label={t.risks.category}
          value={values.category}
          choices={RISK_CATEGORIES}
          labels={t.risks.categories}
          onChange={set('category')}
          error={fieldError('category')}
        />
        <TextInput
          {...text('owner')}
          label={t.risks.owner}
          maxLength={200}
          error={fieldError('owner')}
        />
        {data ? null : (
          <>
            <NativeSelect
              name="likelihood"
              label={t.risks.likelihood}
              value={String(values.likelihood)}
              onChange={(e) => {
                set('likelihood')(Number(e.currentTarget.value));
              }}
              data={ratings}
              error={fieldError('likelihood')}
            />
            <NativeSelect
              name="impact"
              label={t.risks.impact}
              value={String(values.impact)}
              onChange={(e) => {
                set('impact')(Number(e.currentTarget.value));
              }}
              data={ratings}
              error={fieldError('impact')}
            />
          </>
        )}
        {area('mitigationFr', t.forms.mitigationFr, 'mitigation/fr')}
        {area('mitigationEn', t.forms.mitigationEn, 'mitigation/en')}
        {data ? (
          <ChoiceSelect
            name="status"
            label={t.common.status}
            value={values.status}
            choices={RISK_STATUSES}
            labels={t.risks.status}
            onChange={set('status')}
            error={fieldError('status')}
          />
        ) : null}
        <TextInput
          {...text('reviewOn')}
          type="date"
          label={t.risks.reviewOn}
          error={fieldError('reviewOn')}
        />
      </SimpleGrid>
      <Picker
        label={t.forms.elements}
        value={values.elementIds}
        onChange={set('elementIds')}
        data={plan.elements}
        error={fieldError('elementIds')}
      />
      <Picker
        label={t.forms.actions}
        value={values.actionIds}
        onChange={set('actionIds')}
        data={plan.actions}
        error={fieldError('actionIds')}
      />
      <FormButtons
        submit={data ? t.forms.saveChanges : t.forms.createRisk}
        pending={mutation.isPending}
        onCancel={onCancel}
      />
      <FormOutcome error={error} done={done} />
    </form>
  );
}
