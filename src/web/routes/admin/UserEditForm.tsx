/**
 * Changes an account's role, units and display name with the ETag read with it. When the
 * account changed meanwhile (412), the page says so and the form shows the latest version.
 */
import { Button, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { SubmitEvent } from 'react';
import { useUpdateUser } from '../../api/admin.ts';
import type { User } from '../../api/types.ts';
import type { Role } from '../../../domain/access.ts';
import { errorMessage } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n/context.tsx';
import { accountFieldErrors } from './account-errors.ts';
import type { Notice } from './account-errors.ts';
import { RoleSelect, UnitsSelect } from './RoleUnitFields.tsx';

export function UserEditForm({
  user,
  onNotice,
}: {
  user: User;
  onNotice: (notice: Notice) => void;
}) {
  const { t } = useI18n();
  const update = useUpdateUser();
  const [role, setRole] = useState<Role>(user.role);
  const [unitIds, setUnitIds] = useState<string[]>(user.unitIds);
  const [displayName, setDisplayName] = useState(user.displayName);
  const [unitError, setUnitError] = useState<string | undefined>(undefined);
  // A new version (saved, or reloaded after a 412) replaces what the form shows.
  const [shown, setShown] = useState(user.etag);
  if (shown !== user.etag) {
    setShown(user.etag);
    setRole(user.role);
    setUnitIds(user.unitIds);
    setDisplayName(user.displayName);
  }

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    onNotice(null);
    setUnitError(undefined);
    update.mutate(
      { id: user.id, etag: user.etag, changes: { role, unitIds, displayName: displayName.trim() } },
      {
        onSuccess: () => {
          onNotice({ ok: true, text: t.users.saved });
        },
        onError: (error) => {
          const found = accountFieldErrors(error, t);
          setUnitError(found.unitIds);
          onNotice({ ok: false, text: errorMessage(error, t) });
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={760}>
        <TextInput
          name="displayName"
          label={t.account.name}
          autoComplete="off"
          maxLength={200}
          value={displayName}
          onChange={(event) => {
            setDisplayName(event.currentTarget.value);
          }}
        />
        <RoleSelect value={role} onChange={setRole} />
        <UnitsSelect value={unitIds} onChange={setUnitIds} error={unitError} />
        <div>
          <Button type="submit" loading={update.isPending}>
            {t.users.save}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
