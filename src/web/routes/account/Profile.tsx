/** The profile of the signed-in account: e-mail, name, role, units, last sign-in. */
import { useWorkspace } from '../../api/queries.ts';
import type { Me } from '../../api/types.ts';
import { useI18n } from '../../i18n/context.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { roleOf } from '../../lib/permissions.ts';

/** A description list of the account. */
export function Profile({ me }: { me: Me }) {
  const { t, tx, lang } = useI18n();
  const workspace = useWorkspace();
  const units = me.unitIds.map((id) => {
    const unit = workspace.data?.units.find((u) => u.id === id);
    return unit ? tx(unit.name) : id;
  });
  const user = me.user;
  return (
    <dl className="st-dl" data-testid="profile">
      <dt>{t.account.email}</dt>
      <dd>{user?.email ?? t.common.none}</dd>
      {user?.displayName ? (
        <>
          <dt>{t.account.name}</dt>
          <dd>{user.displayName}</dd>
        </>
      ) : null}
      <dt>{t.account.role}</dt>
      <dd>{t.roles[roleOf(me.role)]}</dd>
      <dt>{t.account.units}</dt>
      <dd>{units.length > 0 ? units.join(', ') : t.account.noUnits}</dd>
      {user?.lastLoginAt ? (
        <>
          <dt>{t.account.lastLogin}</dt>
          <dd>{formatDateTime(user.lastLoginAt, lang)}</dd>
        </>
      ) : null}
    </dl>
  );
}
