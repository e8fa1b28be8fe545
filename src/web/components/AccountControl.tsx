/**
 * The header's account control: a "Sign in" link, or, once signed in, the account menu (my
 * account, the administration pages the account may open, sign out) and a "Sign out" button.
 */
import { Button, Group, Menu, Text } from '@mantine/core';
import { useLocation } from 'wouter';
import { useLogout, useMe } from '../api/auth.ts';
import type { Me } from '../api/types.ts';
import { useI18n } from '../i18n/context.tsx';
import { useLinkHandler } from './AppLink.tsx';
import { ChevronIcon } from './Icons.tsx';

function MenuLink({
  to,
  label,
  onNavigate,
}: {
  to: string;
  label: string;
  onNavigate?: () => void;
}) {
  const onClick = useLinkHandler(to, onNavigate);
  return (
    <Menu.Item component="a" href={to} onClick={onClick}>
      {label}
    </Menu.Item>
  );
}

/** The menu of a signed-in account; its button shows the account's name. */
function AccountMenu({
  me,
  name,
  onDark,
  onSignOut,
  onNavigate,
}: {
  me: Me;
  name: string;
  onDark: boolean;
  onSignOut: () => void;
  onNavigate?: (() => void) | undefined;
}) {
  const { t } = useI18n();
  const admin = me.can.manageUsers || me.can.exportAudit;
  return (
    <Menu position="bottom-end" shadow="md" width={240} withinPortal>
      <Menu.Target>
        <Button
          size="compact-sm"
          variant={onDark ? 'subtle' : 'default'}
          color={onDark ? 'gray.0' : undefined}
          rightSection={<ChevronIcon open size={12} />}
          title={t.auth.signedInAs(name)}
          styles={{
            root: onDark ? { color: '#ffffff', border: '1px solid rgba(255,255,255,0.6)' } : {},
            label: { maxWidth: '14rem', overflow: 'hidden', textOverflow: 'ellipsis' },
          }}
          data-testid="account-menu"
        >
          {onDark ? (
            // Between tablet and desktop widths the header is narrow: a short label instead.
            <>
              <Text span inherit visibleFrom="md">
                {name}
              </Text>
              <Text span inherit hiddenFrom="md">
                {t.auth.account}
              </Text>
            </>
          ) : (
            name
          )}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <MenuLink to="/account" label={t.menu.myAccount} onNavigate={onNavigate} />
        {admin ? <Menu.Label>{t.menu.admin}</Menu.Label> : null}
        {me.can.manageUsers ? (
          <MenuLink to="/admin/users" label={t.menu.users} onNavigate={onNavigate} />
        ) : null}
        {me.can.exportAudit ? (
          <MenuLink to="/admin/audit" label={t.menu.audit} onNavigate={onNavigate} />
        ) : null}
        <Menu.Divider />
        <Menu.Item onClick={onSignOut}>{t.auth.signOut}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/**
 * In the header (white on the dark bar) or, at phone width, at the top of the menu, which
 * `onNavigate` closes after following a link.
 */
export function AccountControl({
  onDark = true,
  onNavigate,
}: {
  onDark?: boolean;
  onNavigate?: () => void;
}) {
  const { t } = useI18n();
  const [location, navigate] = useLocation();
  const me = useMe();
  const logout = useLogout();
  const next = location === '/login' ? '/' : location;
  const loginHref = `/login?next=${encodeURIComponent(next)}`;
  const onLogin = useLinkHandler(loginHref, onNavigate);
  if (me.data?.authenticated) {
    const name = me.data.user?.displayName || me.data.user?.email || t.auth.account;
    const signOut = () => {
      onNavigate?.();
      logout.mutate(undefined, {
        onSuccess: () => {
          navigate('/');
        },
      });
    };
    return (
      <Group gap={8} wrap="nowrap">
        <AccountMenu
          me={me.data}
          name={name}
          onDark={onDark}
          onSignOut={signOut}
          onNavigate={onNavigate}
        />
        <Button
          size="compact-sm"
          variant={onDark ? 'white' : 'outline'}
          loading={logout.isPending}
          onClick={signOut}
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
