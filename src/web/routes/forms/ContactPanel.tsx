/**
 * The contact forms of a partner's page: "New contact", and "Edit a contact" which first asks
 * which one (erased contacts are not offered), then reads it with its ETag.
 */
import { NativeSelect } from '@mantine/core';
import { useState } from 'react';
import { useMe } from '../../api/auth.ts';
import { useContact } from '../../api/forms.ts';
import type { Contact } from '../../api/partners.ts';
import { QueryView } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n/context.tsx';
import { ContactForm } from './ContactForm.tsx';
import { FormToggle } from './form-kit.tsx';

function ContactEdit({
  partnerId,
  contacts,
  close,
}: {
  partnerId: string;
  contacts: readonly Contact[];
  close: (saved: boolean) => void;
}) {
  const { t } = useI18n();
  const [id, setId] = useState<string | null>(contacts[0]?.id ?? null);
  const contact = useContact(id);
  return (
    <>
      <NativeSelect
        name="contact"
        label={t.forms.chooseContact}
        value={id ?? ''}
        onChange={(e) => {
          setId(e.currentTarget.value || null);
        }}
        data={contacts.map((c) => ({ value: c.id, label: c.fullName }))}
        maw={360}
        mb="sm"
      />
      <QueryView query={contact}>
        {(data) => (
          <ContactForm
            key={data.contact.id}
            partnerId={partnerId}
            data={data}
            onDone={close}
            onCancel={() => {
              close(false);
            }}
          />
        )}
      </QueryView>
    </>
  );
}

/** The contact forms, for accounts that may write and see this partner's contacts. */
export function ContactPanel({
  partnerId,
  contacts,
}: {
  partnerId: string;
  /** Null when the reader may not see (hence not change) the contacts. */
  contacts: readonly Contact[] | null;
}) {
  const { t } = useI18n();
  const me = useMe().data;
  if (!me?.can.write || contacts === null) return null;
  const editable = contacts.filter((c) => c.erasedAt === null);
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 0.75rem', marginTop: '1rem' }}>
      <FormToggle label={t.forms.newContact} savedText={t.forms.contactSaved} order={3}>
        {(close) => (
          <ContactForm
            partnerId={partnerId}
            onDone={close}
            onCancel={() => {
              close(false);
            }}
          />
        )}
      </FormToggle>
      {editable.length > 0 ? (
        <FormToggle label={t.forms.editContact} savedText={t.forms.saved} order={3}>
          {(close) => <ContactEdit partnerId={partnerId} contacts={editable} close={close} />}
        </FormToggle>
      ) : null}
    </div>
  );
}
