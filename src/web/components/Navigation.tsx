/**
 * The main navigation: app sections, each school's page, then the administration pages the
 * signed-in account may open (accounts for administrators, the audit trail for the strategy
 * office).
 */
import { NavLink, Stack, Text } from '@mantine/core';
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

/** The list of sections and schools; `onNavigate` closes the mobile menu. */
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
  return (
    <Stack gap={2}>
      <NavItem to="/" label={t.nav.dashboard} active={is('/')} onNavigate={onNavigate} />
      <NavItem to="/plan" label={t.nav.plan} active={is('/plan')} onNavigate={onNavigate} />
      <NavItem
        to="/alignment"
        label={t.nav.alignment}
        active={is('/alignment')}
        onNavigate={onNavigate}
      />
      {signedIn ? (
        <NavItem to="/risks" label={t.risks.nav} active={is('/risks')} onNavigate={onNavigate} />
      ) : null}
      <NavItem
        to="/consultations"
        label={t.consultations.nav}
        active={is('/consultations')}
        onNavigate={onNavigate}
      />
      {me?.authenticated ? (
        <>
          <NavItem
            to="/partners"
            label={t.partners.nav}
            active={is('/partners') || is('/agreements')}
            onNavigate={onNavigate}
          />
          <NavItem
            to="/funding"
            label={t.partners.navFunding}
            active={is('/funding')}
            onNavigate={onNavigate}
          />
        </>
      ) : null}
      {can ? (
        <>
          <NavItem
            to="/my-work"
            label={t.cycles.myWorkNav}
            active={is('/my-work') || is('/check-ins')}
            onNavigate={onNavigate}
          />
          <NavItem
            to="/cycles"
            label={t.cycles.nav}
            active={is('/cycles')}
            onNavigate={onNavigate}
          />
        </>
      ) : null}
      {can?.write ? (
        <NavItem to="/import" label={t.dataio.nav} active={is('/import')} onNavigate={onNavigate} />
      ) : null}
      <NavItem
        to="/public"
        label={t.dataio.navPublic}
        active={is('/public')}
        onNavigate={onNavigate}
      />
      <NavItem
        to="/reports"
        label={t.reports.nav}
        active={is('/reports')}
        onNavigate={onNavigate}
      />
      {units.length > 0 ? (
        <>
          <Text
            id="st-nav-schools"
            size="xs"
            fw={700}
            tt="uppercase"
            c="#495057"
            mt="md"
            mb={4}
            px="sm"
          >
            {t.nav.schools}
          </Text>
          <div role="group" aria-labelledby="st-nav-schools">
            {units.map((unit) => (
              <NavItem
                key={unit.id}
                to={`/units/${unit.id}`}
                label={unit.shortName}
                active={is(`/units/${unit.id}`)}
                onNavigate={onNavigate}
              />
            ))}
          </div>
        </>
      ) : null}
      {can?.manageUsers || can?.exportAudit ? (
        <>
          <Text
            id="st-nav-admin"
            size="xs"
            fw={700}
            tt="uppercase"
            c="#495057"
            mt="md"
            mb={4}
            px="sm"
          >
            {t.menu.admin}
          </Text>
          <div role="group" aria-labelledby="st-nav-admin">
            {can.manageUsers ? (
              <NavItem
                to="/admin/users"
                label={t.menu.users}
                active={is('/admin/users')}
                onNavigate={onNavigate}
              />
            ) : null}
            {can.exportAudit ? (
              <NavItem
                to="/admin/audit"
                label={t.menu.audit}
                active={is('/admin/audit')}
                onNavigate={onNavigate}
              />
            ) : null}
          </div>
        </>
      ) : null}
      <div style={{ marginTop: '1rem' }}>
        <NavItem
          to="/accessibility"
          label={t.nav.accessibility}
          active={is('/accessibility')}
          onNavigate={onNavigate}
        />
      </div>
    </Stack>
  );
}
