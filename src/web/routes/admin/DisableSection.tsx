/**
 * Disables an account (its sessions and tokens end at once) or enables it again, after a
 * confirmation; sent with the account's ETag like any change.
 */
import { Button, Text } from '@mantine/core';
import { useState } from 'react';
import { useUpdateUser } from '../../api/admin.ts';
import type { User } from '../../api/types.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { errorMessage } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n/context.tsx';
import type { Notice } from './account-errors.ts';

export function DisableSection({
  user,
  onNotice,
}: {
  user: User;
  onNotice: (notice: Notice) => void;
}) {
  const { t } = useI18n();
  const update = useUpdateUser();
  // What the dialog asks is fixed when it opens: the account's state flips before it has
  // faded out, and the closing dialog must not say the opposite.
  const [asking, setAsking] = useState(false);
  const [askedToDisable, setAskedToDisable] = useState(true);
  const disabling = !user.disabled;

  return (
    <>
      <Text size="sm" mb="sm" maw={760}>
        {disabling ? t.users.disableIntro : t.users.enableIntro}
      </Text>
      <Button
        variant="outline"
        color={disabling ? 'red.9' : undefined}
        onClick={() => {
          onNotice(null);
          setAskedToDisable(disabling);
          setAsking(true);
        }}
      >
        {disabling ? t.users.disable : t.users.enable}
      </Button>
      <ConfirmDialog
        opened={asking}
        title={
          askedToDisable ? t.users.disableConfirm(user.email) : t.users.enableConfirm(user.email)
        }
        body={askedToDisable ? t.users.disableIntro : t.users.enableIntro}
        confirmLabel={askedToDisable ? t.users.disable : t.users.enable}
        danger={askedToDisable}
        pending={update.isPending}
        onCancel={() => {
          setAsking(false);
        }}
        onConfirm={() => {
          update.mutate(
            { id: user.id, etag: user.etag, changes: { disabled: askedToDisable } },
            {
              onSuccess: () => {
                onNotice({
                  ok: true,
                  text: askedToDisable ? t.users.disabledDone : t.users.enabledDone,
                });
              },
              onError: (error) => {
                onNotice({ ok: false, text: errorMessage(error, t) });
              },
              onSettled: () => {
                setAsking(false);
              },
            },
          );
        }}
      />
    </>
  );
}
