/**
 * Invites someone: e-mail, optional name, role, units. The answer is a one-time link, shown in
 * full with a copy button and its expiry; field errors of the server show next to their field.
 */
import { Alert, Button, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useRef, useState } from 'react';
import type { SubmitEvent } from 'react';
import { useInviteUser } from '../../api/admin.ts';
import type { OneTimeLink } from '../../api/types.ts';
import type { Role } from '../../../domain/access.ts';
import { errorMessage } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n/context.tsx';
import { accountFieldErrors } from './account-errors.ts';
import type { AccountFieldErrors } from './account-errors.ts';
import { OneTimeLinkView } from './OneTimeLinkView.tsx';
import { RoleSelect, UnitsSelect } from './RoleUnitFields.tsx';

/** The invitation form and the link it produced. */
export function InviteForm() {
  const { t } = useI18n();
  const invite = useInviteUser();
  const form = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('contributor');
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<AccountFieldErrors>({});
  const [sent, setSent] = useState<{ email: string; link: OneTimeLink } | null>(null);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const address = email.trim();
    if (address === '') {
      setErrors({ email: t.form.required });
      form.current?.querySelector<HTMLElement>('[name="email"]')?.focus();
      return;
    }
    setErrors({});
    setSent(null);
    const name = displayName.trim();
    invite.mutate(
      { email: address, role, unitIds, ...(name ? { displayName: name } : {}) },
      {
        onSuccess: (link) => {
          setSent({ email: address, link });
          setEmail('');
          setDisplayName('');
          setUnitIds([]);
        },
        onError: (error) => {
          const found = accountFieldErrors(error, t);
          setErrors(found);
          if (found.email) form.current?.querySelector<HTMLElement>('[name="email"]')?.focus();
        },
      },
    );
  };

  return (
    <>
      <Text size="sm" mb="sm" maw={760}>
        {t.users.inviteIntro}
      </Text>
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="sm" maw={760}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              name="email"
              type="email"
              label={t.users.email}
              autoComplete="off"
              required
              value={email}
              onChange={(event) => {
                setEmail(event.currentTarget.value);
                setErrors((was) => ({ ...was, email: undefined }));
              }}
              error={errors.email}
            />
            <TextInput
              name="displayName"
              label={t.users.displayName}
              autoComplete="off"
              maxLength={200}
              value={displayName}
              onChange={(event) => {
                setDisplayName(event.currentTarget.value);
              }}
            />
          </SimpleGrid>
          <RoleSelect value={role} onChange={setRole} />
          <UnitsSelect value={unitIds} onChange={setUnitIds} error={errors.unitIds} />
          {invite.isError && !errors.email && !errors.unitIds ? (
            <Alert role="alert" color="red" variant="light">
              <Text size="sm">{errorMessage(invite.error, t)}</Text>
            </Alert>
          ) : null}
          <div>
            <Button type="submit" loading={invite.isPending}>
              {t.users.inviteSubmit}
            </Button>
          </div>
        </Stack>
      </form>
      <div role="status" aria-live="polite">
        {sent ? <OneTimeLinkView link={sent.link} intro={t.users.inviteDone(sent.email)} /> : null}
      </div>
    </>
  );
}
