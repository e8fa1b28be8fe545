/**
 * Shows a write form only to accounts that may write; others get a sentence saying why, with a
 * sign-in link back to this page. `deniedBy` adds the page's own rule for the item (an editor's
 * units…) when the page has the data. (The server checks again: this only avoids a useless form.)
 */
import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useLocation } from 'wouter';
import { useMe } from '../api/auth.ts';
import type { Me } from '../api/types.ts';
import { useI18n } from '../i18n/context.tsx';
import { AppLink } from './AppLink.tsx';
import { Loading } from './QueryState.tsx';

/** Renders `children` when the signed-in account may write (and `deniedBy` finds no reason not to). */
export function WriteGate({
  children,
  deniedBy,
}: {
  children: ReactNode;
  /** Why this account may not change this item, or null when it may. */
  deniedBy?: (me: Me) => string | null;
}) {
  const { t } = useI18n();
  const [location] = useLocation();
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.data?.can.write) {
    const reason = deniedBy?.(me.data) ?? null;
    if (reason === null) return <>{children}</>;
    return <Text data-testid="write-denied">{reason}</Text>;
  }
  if (me.data?.authenticated) return <Text data-testid="write-denied">{t.auth.readOnly}</Text>;
  return (
    <Text>
      {t.auth.signInToEdit}{' '}
      <AppLink to={`/login?next=${encodeURIComponent(location)}`}>{t.auth.signIn}</AppLink>
    </Text>
  );
}
