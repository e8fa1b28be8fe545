/**
 * Records a partner's contact or changes one: name, e-mail, phone, job title, note, and — as
 * the GDPR asks — why the person is recorded (purpose) and on which legal basis. Only shown to
 * those who may see the partner's contacts and write; the server checks again.
 */
import { SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { useRef } from 'react';
import type { SubmitEvent } from 'react';
import {
  useCreateContact,
  useUpdateContact,
  type ContactDetail,
  type ContactUpdate,
} from '../../api/forms.ts';
import { LEGAL_BASES, type LegalBasis } from '../../../domain/partners.ts';
import { useI18n } from '../../i18n/context.tsx';
import {
  FormButtons,
  FormOutcome,
  useFocusFirstInvalid,
  useFormValues,
  useServerErrors,
} from './form-kit.tsx';
import { ChoiceSelect } from './fields.tsx';

interface Values {
  fullName: string;
  email: string;
  phone: string;
  jobTitle: string;
  note: string;
  purpose: string;
  legalBasis: LegalBasis;
}

type TextKey = Exclude<keyof Values, 'legalBasis'>;

function initialValues(data: ContactDetail | undefined): Values {
  const c = data?.contact;
  return {
    fullName: c?.fullName ?? '',
    email: c?.email ?? '',
    phone: c?.phone ?? '',
    jobTitle: c?.jobTitle ?? '',
    note: c?.note ?? '',
    purpose: c?.purpose ?? '',
    legalBasis: c?.legalBasis ?? 'legitimate_interest',
  };
}

/** The API body: a blank e-mail is none; only changed fields when editing. */
function bodyOf(values: Values, before: Values | null): ContactUpdate {
  const body: ContactUpdate = {};
  const keys: Exclude<TextKey, 'email'>[] = ['fullName', 'phone', 'jobTitle', 'note', 'purpose'];
  for (const key of keys) {
    if (!before || values[key] !== before[key]) body[key] = values[key].trim();
  }
  if (!before || values.email !== before.email) body.email = values.email.trim() || null;
  if (!before || values.legalBasis !== before.legalBasis) body.legalBasis = values.legalBasis;
  return body;
}

/** The contact form of `partnerId`: `data` absent records a contact, present edits it. */
export function ContactForm({
  partnerId,
  data,
  onDone,
  onCancel,
}: {
  partnerId: string;
  data?: ContactDetail;
  onDone: (saved: boolean) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [values, set] = useFormValues<Values>(initialValues(data), data?.etag ?? '');
  const create = useCreateContact(partnerId);
  const update = useUpdateContact();
  const mutation = data ? update : create;
  const fieldError = useServerErrors(mutation.error);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, mutation.error);

  const input = (key: TextKey) => ({
    name: key,
    value: values[key],
    error: fieldError(key),
    onChange: (e: { currentTarget: { value: string } }) => {
      set(key)(e.currentTarget.value);
    },
  });

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const saved = {
      onSuccess: () => {
        onDone(true);
      },
    };
    if (data) {
      const changes = bodyOf(values, initialValues(data));
      if (Object.keys(changes).length === 0) onDone(false);
      else update.mutate({ id: data.contact.id, etag: data.etag, changes }, saved);
      return;
    }
    const body = bodyOf(values, null);
    create.mutate(
      {
        ...body,
        fullName: values.fullName.trim(),
        purpose: values.purpose.trim(),
        legalBasis: values.legalBasis,
      },
      saved,
    );
  };

  return (
    <form
      ref={form}
      onSubmit={submit}
      noValidate
      aria-label={data ? t.forms.editContact : t.forms.newContact}
      data-testid="contact-form"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" maw={760}>
        <TextInput
          {...input('fullName')}
          label={t.partners.contactName}
          required
          maxLength={200}
          autoComplete="off"
        />
        <TextInput {...input('jobTitle')} label={t.partners.contactRole} maxLength={200} />
        <TextInput
          {...input('email')}
          type="email"
          label={t.partners.contactEmail}
          maxLength={254}
          autoComplete="off"
        />
        <TextInput
          {...input('phone')}
          type="tel"
          label={t.forms.phone}
          maxLength={40}
          autoComplete="off"
        />
        <Textarea
          {...input('purpose')}
          label={t.partners.purpose}
          description={t.forms.purposeHint}
          required
          maxLength={1000}
          autosize
          minRows={2}
        />
        <ChoiceSelect
          name="legalBasis"
          label={t.partners.legalBasis}
          value={values.legalBasis}
          choices={LEGAL_BASES}
          labels={t.contactLegalBasis}
          onChange={set('legalBasis')}
          error={fieldError('legalBasis')}
        />
      </SimpleGrid>
      <Textarea
        {...input('note')}
        mt="sm"
        maw={760}
        label={t.forms.note}
        maxLength={2000}
        autosize
        minRows={2}
      />
      <FormButtons
        submit={data ? t.forms.saveChanges : t.forms.createContact}
        pending={mutation.isPending}
        onCancel={onCancel}
      />
      <FormOutcome error={mutation.error} done={null} />
    </form>
  );
}
