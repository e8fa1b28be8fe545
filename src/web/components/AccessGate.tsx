/**
 * Pages reserved to some accounts. Anyone else gets a page that says so (access refused, the
 * 403 of the API in words) with a way back, or a sign-in link when they are not signed in.
 * The API refuses the same requests: this only spares a page of errors.
 */
import { Alert, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useLocation } from 'wouter';
import { useMe } from '../api/auth.ts';
import type { Me } from '../api/types.ts';
import { useI18n } from '../i18n/context.tsx';
import { AppLink } from './AppLink.tsx';
import { PageTitle } from './PageTitle.tsx';
import { QueryView } from './QueryState.tsx';

/** The "access refused" page; `signedOut` offers to sign in and come back. */
export function AccessDenied({ signedOut }: { signedOut: boolean }) {
  const { t } = useI18n();
  const [location] = useLocation();
  return (
    <div data-testid="access-denied">
      <PageTitle title={signedOut ? t.denied.signInTitle : t.denied.title} />
      <Alert color="red" variant="light" role="alert" maw={760} mb="md">
        <Text size="sm">{signedOut ? t.denied.signedOut : t.denied.body}</Text>
      </Alert>
      {signedOut ? (
        <Text mb="xs">
          <AppLink to={`/login?next=${encodeURIComponent(location)}`}>{t.auth.signIn}</AppLink>
        </Text>
      ) : null}
      <Text>
        <AppLink to="/">{t.denied.back}</AppLink>
      </Text>
    </div>
  );
}

/** Renders `children(me)` when `allowed(me)`, else the access-refused page. */
export function AccessGate({
  allowed,
  title,
  children,
}: {
  allowed: (me: Me) => boolean;
  /** The page's title while `me` loads. */
  title: string;
  children: (me: Me) => ReactNode;
}) {
  const me = useMe();
  return (
    <QueryView query={me} title={title}>
      {(data) =>
        allowed(data) ? children(data) : <AccessDenied signedOut={!data.authenticated} />
      }
    </QueryView>
  );
}
