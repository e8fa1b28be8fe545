/**
 * A one-time link just created (invitation or password reset): the full address to send, with
 * a copy button, and when it expires. The server gives the path; the address is this site's.
 */
import { Alert, Stack, Text } from '@mantine/core';
import type { OneTimeLink } from '../../api/types.ts';
import { CopyField } from '../../components/CopyField.tsx';
import { useI18n } from '../../i18n/context.tsx';
import { formatDateTime } from '../../i18n/format.ts';

export function OneTimeLinkView({ link, intro }: { link: OneTimeLink; intro: string }) {
  const { t, lang } = useI18n();
  const url = `${window.location.origin}${link.url}`;
  return (
    <Alert color="green" variant="light" role="none" data-testid="one-time-link" mt="sm">
      <Stack gap="xs">
        <Text size="sm" c="#17602c" fw={600}>
          {intro}
        </Text>
        <CopyField
          label={t.users.link}
          value={url}
          description={t.users.expires(formatDateTime(link.expiresAt, lang))}
          testId="one-time-link-url"
        />
      </Stack>
    </Alert>
  );
}
