/**
 * Registers a partner (then opens its page) or edits one: type, name, country, region, city,
 * SIREN, website, presentation. The server checks the SIREN (nine digits, Luhn key, French
 * partners only, not already registered) and its refusal is shown at the SIREN field.
 */
import { SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { useRef } from 'react';
import type { SubmitEvent } from 'react';
import { useLocation } from 'wouter';
import { useCreatePartner, useUpdatePartner, type PartnerUpdate } from '../../api/forms.ts';
import type { PartnerDetail } from '../../api/partners.ts';
import type { Me } from '../../api/types.ts';
import { canWritePartner } from '../../../domain/partner-access.ts';
import { PARTNER_KINDS, type PartnerKind } from '../../../domain/partners.ts';
import { useI18n } from '../../i18n/context.tsx';
import { principalOf } from '../../lib/permissions.ts';
import {
  FormButtons,
  FormOutcome,
  useFocusFirstInvalid,
  useFormValues,
  useServerErrors,
} from './form-kit.tsx';
import { ChoiceSelect } from './fields.tsx';

/** Whether `me` may register and change partners (strategy office, unit editors). */
export function mayWritePartner(me: Me | undefined): boolean {
  return !!me?.can.write && canWritePartner(principalOf(me, {}));
}

interface Values {
  name: string;
  kind: PartnerKind;
  country: string;
  region: string;
  city: string;
  siren: string;
  website: string;
  description: string;
}

type TextKey = Exclude<keyof Values, 'kind'>;

function initialValues(data: PartnerDetail | undefined): Values {
  const p = data?.partner;
  return {
    name: p?.name ?? '',
    kind: p?.kind ?? 'company',
    country: p?.country ?? 'FR',
    region: p?.region ?? '',
    city: p?.city ?? '',
    siren: p?.siren ?? '',
    website: p?.website ?? '',
    description: p?.description ?? '',
  };
}

/** The body the API takes: blank SIREN is none; only changed fields when editing. */
function bodyOf(values: Values, before: Values | null): PartnerUpdate {
  const body: PartnerUpdate = {};
  const keys: TextKey[] = ['name', 'country', 'region', 'city', 'website', 'description'];
  for (const key of keys) {
    if (!before || values[key] !== before[key]) body[key] = values[key].trim();
  }
  if (!before || values.kind !== before.kind) body.kind = values.kind;
  if (!before || values.siren !== before.siren) {
    const siren = values.siren.replace(/\s+/g, '');
    body.siren = siren === '' ? null : siren;
  }
  return body;
}

/** The partner form: `data` absent registers a partner, present edits it. */
export function PartnerForm({
  data,
  onDone,
  onCancel,
}: {
  data?: PartnerDetail;
  onDone?: (saved: boolean) => void;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const [values, set] = useFormValues<Values>(initialValues(data), data?.etag ?? '');
  const create = useCreatePartner();
  const update = useUpdatePartner();
  const mutation = data ? update : create;
  const fieldError = useServerErrors(mutation.error);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, mutation.error);

  const input = (key: TextKey) => ({
    name: key,
    value: values[key],
    error: fieldError(key),
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = key === 'country' ? e.currentTarget.value.toUpperCase() : e.currentTarget.value;
      set(key)(value);
    },
  });

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (data) {
      const changes = bodyOf(values, initialValues(data));
      if (Object.keys(changes).length === 0) {
        onDone?.(false);
        return;
      }
      update.mutate(
        { id: data.partner.id, etag: data.etag, changes },
        { onSuccess: () => onDone?.(true) },
      );
      return;
    }
    const body = bodyOf(values, null);
    create.mutate(
      { ...body, name: values.name.trim(), kind: values.kind, country: values.country.trim() },
      {
        onSuccess: (created) => {
          navigate(`/partners/${created.partner.id}`);
        },
      },
    );
  };

  return (
    <form
      ref={form}
      onSubmit={submit}
      noValidate
      aria-label={data ? t.forms.editPartner : t.forms.newPartner}
      data-testid="partner-form"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" maw={760}>
        <TextInput {...input('name')} label={t.forms.partnerName} required maxLength={300} />
        <ChoiceSelect
          name="kind"
          label={t.partners.kind}
          value={values.kind}
          choices={PARTNER_KINDS}
          labels={t.partnerKind}
          onChange={set('kind')}
          error={fieldError('kind')}
        />
        <TextInput
          {...input('country')}
          label={t.partners.country}
          description={t.forms.countryHint}
          required
          maxLength={2}
          autoComplete="off"
        />
        <TextInput {...input('region')} label={t.partners.region} maxLength={100} />
        <TextInput {...input('city')} label={t.partners.city} maxLength={100} />
        <TextInput
          {...input('siren')}
          label={t.partners.siren}
          description={t.forms.sirenHint}
          inputMode="numeric"
          maxLength={11}
          autoComplete="off"
        />
        <TextInput
          {...input('website')}
          type="url"
          label={t.partners.website}
          description={t.forms.websiteHint}
          maxLength={500}
        />
      </SimpleGrid>
      <Textarea
        {...input('description')}
        mt="sm"
        maw={760}
        label={t.partners.description}
        maxLength={4000}
        autosize
        minRows={3}
      />
      <FormButtons
        submit={data ? t.forms.saveChanges : t.forms.createPartner}
        pending={mutation.isPending}
        onCancel={onCancel}
      />
      <FormOutcome error={mutation.error} done={null} />
    </form>
  );
}
