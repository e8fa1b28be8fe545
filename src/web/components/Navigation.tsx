/**
 * The main navigation: "my work" first for signed-in accounts, then the app's sections in named
 * groups (steering, partnerships, data and reports), each school's page, then the administration
 * pages the signed-in account may open (accounts for administrators, the audit trail for the
 * strategy office). Each group is a `role="group"` labelled by its visible heading; a group left
 * with no entry for the reader is not shown.
 */
import { NavLink, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Children, useId } from 'react';
import { useLocation } from 'wouter';
import { useMe } from '../api/auth.ts';
import { useWorkspace } from '../api/queries.ts';
import { useI18n } from '../i18n/context.tsx';
import { useAsOf, withAsOf } from '../lib/as-of.ts';
import { useLinkHandler } from './AppLink.tsx';

function NavItem({
  to,
  label,
  active,
  onNavigate,
  description,
}: {
  to: string;
  label: string;
  active: boolean;
  onNavigate: () => void;
  description?: string;
}) {
  const [asOf] = useAsOf();
  const href = withAsOf(to, asOf);
  const onClick = useLinkHandler(href, onNavigate);
  return (
    <NavLink
      href={href}
      onClick={onClick}
      label={label}
      description={description}
      active={active}
      aria-current={active ? 'page' : undefined}
      variant="filled"
      styles={{ description: { color: active ? '#ffffff' : '#495057' } }}
    />
  );
}

/** A titled group of entries; nothing at all when every entry is hidden for the reader. */
function NavGroup({ label, children }: { label: string; children: ReactNode }) {
  const id = useId();
  if (Children.toArray(children).length === 0) return null;
  return (
    <div>
      <Text id={id} size="xs" fw={700} tt="uppercase" c="#495057" mt="md" mb={4} px="sm">
        {label}
      </Text>
      <div role="group" aria-labelledby={id}>
        {children}
      </div>
    </div>
  );
}

/** The grouped sections and schools; `onNavigate` closes the mobile menu. */
export function Navigation({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useI18n();
  const [location] = useLocation();
  const workspace = useWorkspace();
  const me = useMe().data;
  const can = me?.authenticated ? me.can : undefined;
  const signedIn = me?.authenticated === true;
  const units = (workspace.data?.units ?? []).filter(
    (unit) => unit.kind === 'school' || unit.kind === 'subsidiary',
  );
  const is = (prefix: string) =>
    prefix === '/' ? location === '/' : location === prefix || location.startsWith(`${prefix}/`);
  const item = (to: string, label: string, active = is(to)) => (
    <NavItem key={to} to={to} label={label} active={active} onNavigate={onNavigate} />
  );
  return (
    <Stack gap={2} data-testid="nav-sections">
      {can ? item('/my-work', t.cycles.myWorkNav, is('/my-work') || is('/check-ins')) : null}
      <NavGroup label={t.navGroups.steering}>
        {item('/', t.nav.dashboard)}
        {item('/plan', t.nav.plan)}
        {item('/alignment', t.nav.alignment)}
        {can ? item('/cycles', t.cycles.nav) : null}
        {signedIn ? item('/risks', t.risks.nav) : null}
      </NavGroup>
      <NavGroup label={t.navGroups.partnerships}>
        {signedIn ? item('/partners', t.partners.nav, is('/partners') || is('/agreements')) : null}
        {signedIn ? item('/funding', t.partners.navFunding) : null}
        {item('/consultations', t.consultations.nav)}
      </NavGroup>
      <NavGroup label={t.navGroups.data}>
        {can?.write ? item('/import', t.dataio.nav) : null}
        {item('/reports', t.reports.nav)}
        {item('/public', t.dataio.navPublic)}
      </NavGroup>
      <NavGroup label={t.nav.schools}>
        {units.map((unit) => item(`/units/${unit.id}`, unit.shortName))}
      </NavGroup>
      <NavGroup label={t.menu.admin}>
        {can?.manageUsers ? item('/admin/users', t.menu.users) : null}
        {can?.exportAudit ? item('/admin/audit', t.menu.audit) : null}
      </NavGroup>
      <div style={{ marginTop: '1rem' }}>{item('/accessibility', t.nav.accessibility)}</div>
    </Stack>
  );
}
