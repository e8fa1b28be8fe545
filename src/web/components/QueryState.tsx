/** Loading and error states, announced to assistive technologies (role status / alert). */
import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useLocation } from 'wouter';
import { ApiError } from '../api/errors.ts';
import { AppLink } from './AppLink.tsx';
import { PageTitle } from './PageTitle.tsx';
import { useI18n } from '../i18n/context.tsx';
import type { Messages } from '../i18n/fr.ts';

/** A polite loading indicator with its text. */
export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <Group role="status" gap="sm" py="md" aria-live="polite">
      <Loader size="sm" aria-hidden="true" />
      <Text size="sm">{label ?? t.common.loading}</Text>
    </Group>
  );
}

/** A readable message for an error from the API or the network. */
export function errorMessage(error: unknown, t: Messages): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t.errors.network;
    if (error.status === 401) return t.errors.unauthorized;
    if (error.status === 403 && error.code !== 'cross_site_refused') return t.errors.forbidden;
    if (error.status === 404) return t.errors.notFound;
    if (error.isConflict) return t.errors.conflict;
    if (error.isPreconditionRequired) return t.errors.preconditionRequired;
    return error.detail ? `${error.title} — ${error.detail}` : error.title;
  }
  if (error instanceof Error) return error.message;
  return t.errors.generic;
}

/** An error alert with an optional retry button (and a sign-in link when access was refused). */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const [location] = useLocation();
  const refused =
    error instanceof ApiError &&
    (error.status === 401 || (error.status === 403 && error.code !== 'cross_site_refused'));
  return (
    <Alert role="alert" color="red" variant="light" title={t.common.errorTitle} my="md">
      <Text size="sm">{errorMessage(error, t)}</Text>
      {refused ? (
        <Text size="sm" mt="xs">
          <AppLink to={`/login?next=${encodeURIComponent(location)}`}>{t.auth.signIn}</AppLink>
        </Text>
      ) : null}
      {onRetry ? (
        <Button mt="sm" size="xs" variant="outline" color="red.9" onClick={onRetry}>
          {t.common.retry}
        </Button>
      ) : null}
    </Alert>
  );
}

/**
 * Renders a query's data, or its loading / error state. `title` is the page's `<h1>` while
 * there is no data (pages whose heading comes from the data), so every state has a heading.
 */
export function QueryView<T>({
  query,
  children,
  title,
}: {
  query: UseQueryResult<T, ApiError>;
  children: (data: T) => ReactNode;
  title?: string;
}) {
  if (query.isPending)
    return (
      <>
        {title ? <PageTitle title={title} /> : null}
        <Loading />
      </>
    );
  if (query.isError) {
    return (
      <>
        {title ? <PageTitle title={title} /> : null}
        <ErrorState
          error={query.error}
          onRetry={() => {
            void query.refetch();
          }}
        />
      </>
    );
  }
  return <>{children(query.data)}</>;
}
