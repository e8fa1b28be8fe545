/** Creates a password-reset link for an account and shows it once, in full, to copy. */
import { Alert, Button, Text } from '@mantine/core';
import { useResetLink } from '../../api/admin.ts';
import { errorMessage } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n/context.tsx';
import { OneTimeLinkView } from './OneTimeLinkView.tsx';

export function ResetLinkSection({ userId }: { userId: string }) {
  const { t } = useI18n();
  const reset = useResetLink(userId);
  return (
    <>
      <Text size="sm" mb="sm" maw={760}>
        {t.users.resetIntro}
      </Text>
      <Button
        variant="outline"
        loading={reset.isPending}
        onClick={() => {
          reset.mutate(undefined);
        }}
      >
        {t.users.resetCreate}
      </Button>
      {reset.isError ? (
        <Alert role="alert" color="red" variant="light" mt="sm">
          <Text size="sm">{errorMessage(reset.error, t)}</Text>
        </Alert>
      ) : null}
      <div role="status" aria-live="polite">
        {reset.data ? <OneTimeLinkView link={reset.data} intro={t.users.resetDone} /> : null}
      </div>
    </>
  );
}
