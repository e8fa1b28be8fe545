/** Any unknown address: a clear 404 page with a way back. */
import { Text } from '@mantine/core';
import { AppLink } from '../components/AppLink.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { useI18n } from '../i18n/context.tsx';

/** The 404 page. */
export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <>
      <PageTitle title={t.notFound.title} />
      <Text mb="md">{t.notFound.body}</Text>
      <AppLink to="/">{t.notFound.back}</AppLink>
    </>
  );
}
