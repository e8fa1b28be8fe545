/**
 * A confirmation dialog for what cannot be undone lightly (disable an account, revoke a token,
 * sign out everywhere): a modal labelled by its title, focus kept inside, Escape cancels, focus
 * returns to the button that opened it. The safe choice (cancel) comes first and has the focus.
 */
import { Button, Group, Modal, Text } from '@mantine/core';
import { useI18n } from '../i18n/context.tsx';

export function ConfirmDialog({
  opened,
  title,
  body,
  confirmLabel,
  danger = false,
  pending = false,
  onConfirm,
  onCancel,
}: {
  opened: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  danger?: boolean;
  pending?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  return (
    <Modal
      opened={opened}
      onClose={onCancel}
      title={title}
      centered
      closeButtonProps={{ 'aria-label': t.users.cancel }}
      styles={{ title: { fontWeight: 700, fontSize: '1.1rem' } }}
    >
      <Text mb="lg">{body}</Text>
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onCancel} data-autofocus>
          {t.users.cancel}
        </Button>
        <Button color={danger ? 'red.9' : undefined} loading={pending} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </Group>
    </Modal>
  );
}
