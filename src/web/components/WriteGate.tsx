/**
 * Shows a write form only to accounts that may write; others get a sentence saying why, with a
 * sign-in link back to this page. (The server checks again: this only avoids a useless form.)
 */
import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useLocation } from 'wouter';
import { useMe } from '../api/auth.ts';
import { useI18n } from '../i18n/context.tsx';
import { AppLink } from './AppLink.tsx';
import { Loading } from './QueryState.tsx';

/** Renders `children` when the signed-in account may write. */
export function WriteGate({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [location] = useLocation();
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.data?.can.write) return <>{children}</>;
  if (me.data?.authenticated) return <Text>{t.auth.readOnly}</Text>;
  return (
    <Text>
      {t.auth.signInToEdit}{' '}
      <AppLink to={`/login?next=${encodeURIComponent(location)}`}>{t.auth.signIn}</AppLink>
    </Text>
  );
}
