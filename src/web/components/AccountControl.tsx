/** The header's account control: "Sign in" link, or the signed-in name and "Sign out". */
import { Button, Group, Text } from '@mantine/core';
import { useLocation } from 'wouter';
import { useLogout, useMe } from '../api/auth.ts';
import { useI18n } from '../i18n/context.tsx';
import { useLinkHandler } from './AppLink.tsx';

/** In the header (white on the dark bar) or, at phone width, at the top of the menu. */
export function AccountControl({ onDark = true }: { onDark?: boolean }) {
  const { t } = useI18n();
  const [location, navigate] = useLocation();
  const me = useMe();
  const logout = useLogout();
  const next = location === '/login' ? '/' : location;
  const loginHref = `/login?next=${encodeURIComponent(next)}`;
  const onLogin = useLinkHandler(loginHref);
  if (me.data?.authenticated) {
    const name = me.data.user?.displayName || me.data.user?.email || '';
    return (
      <Group gap={8} wrap="nowrap">
        <Text
          size="sm"
          c={onDark ? '#ffffff' : '#212529'}
          visibleFrom={onDark ? 'md' : undefined}
          title={t.auth.signedInAs(name)}
        >
          {name}
        </Text>
        <Button
          size="compact-sm"
          variant={onDark ? 'white' : 'outline'}
          loading={logout.isPending}
          onClick={() => {
            logout.mutate(undefined, {
              onSuccess: () => {
                navigate('/');
              },
            });
          }}
        >
          {t.auth.signOut}
        </Button>
      </Group>
    );
  }
  return (
    <a
      href={loginHref}
      onClick={onLogin}
      style={{
        color: onDark ? '#ffffff' : '#1c4f8c',
        fontWeight: 600,
        fontSize: '0.875rem',
        whiteSpace: 'nowrap',
      }}
    >
      {t.auth.signIn}
    </a>
  );
}
