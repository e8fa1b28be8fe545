/**
 * `/admin/users/:id` (administrators): one account. Its role and units (PATCH with If-Match: a
 * 412 says someone changed it meanwhile and reloads it), disabling or enabling it (confirmed),
 * a password-reset link, and for a contributor what is assigned to them.
 */
import { Text } from '@mantine/core';
import { useState } from 'react';
import { useParams } from 'wouter';
import { useUser } from '../../api/admin.ts';
import { useWorkspace } from '../../api/queries.ts';
import type { User } from '../../api/types.ts';
import { AccessGate } from '../../components/AccessGate.tsx';
import { AppLink } from '../../components/AppLink.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryView } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { useI18n } from '../../i18n/context.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { unitsById } from '../../lib/plan.ts';
import { AccountState } from './AccountState.tsx';
import { AssignmentsEditor } from './AssignmentsEditor.tsx';
import { DisableSection } from './DisableSection.tsx';
import { ResetLinkSection } from './ResetLinkSection.tsx';
import type { Notice } from './account-errors.ts';
import { UserEditForm } from './UserEditForm.tsx';

function UserView({ user, isMe }: { user: User; isMe: boolean }) {
  const { t, lang, tx } = useI18n();
  const units = unitsById(useWorkspace().data);
  const unitNames = (ids: readonly string[]) =>
    ids
      .map((id) => {
        const unit = units.get(id);
        return unit ? tx(unit.name) : id;
      })
      .join(', ');
  const [notice, setNotice] = useState<Notice>(null);
  return (
    <>
      <PageTitle title={user.email} />
      <dl className="st-dl">
        <dt>{t.users.role}</dt>
        <dd data-testid="user-role">{t.roles[user.role]}</dd>
        <dt>{t.users.units}</dt>
        <dd>{unitNames(user.unitIds) || t.common.none}</dd>
        <dt>{t.users.state}</dt>
        <dd>
          <AccountState disabled={user.disabled} />
        </dd>
        <dt>{t.users.lastLogin}</dt>
        <dd>{user.lastLoginAt ? formatDateTime(user.lastLoginAt, lang) : t.users.never}</dd>
      </dl>
      <div role="status" aria-live="polite">
        {notice ? (
          <Text
            mt="sm"
            size="sm"
            fw={600}
            c={notice.ok ? '#17602c' : '#9b1c1c'}
            data-testid="user-notice"
          >
            {notice.text}
          </Text>
        ) : null}
      </div>
      <Section title={t.users.editTitle}>
        <UserEditForm user={user} onNotice={setNotice} />
      </Section>
      {user.role === 'contributor' ? (
        <Section title={t.users.assignments}>
          <AssignmentsEditor userId={user.id} />
        </Section>
      ) : null}
      <Section title={t.users.resetTitle}>
        <ResetLinkSection userId={user.id} />
      </Section>
      {isMe ? null : (
        <Section title={user.disabled ? t.users.enableTitle : t.users.disableTitle}>
          <DisableSection user={user} onNotice={setNotice} />
        </Section>
      )}
    </>
  );
}

/** The account page. */
export function UserPage() {
  const { t } = useI18n();
  const { id = '' } = useParams<{ id?: string }>();
  return (
    <AccessGate allowed={(me) => me.can.manageUsers} title={t.users.title}>
      {(me) => (
        <>
          <Text size="sm" mb="xs">
            <AppLink to="/admin/users">{t.users.back}</AppLink>
          </Text>
          <UserLoader id={id} meId={me.user?.id ?? null} />
        </>
      )}
    </AccessGate>
  );
}

function UserLoader({ id, meId }: { id: string; meId: string | null }) {
  const { t } = useI18n();
  const user = useUser(id);
  return (
    <QueryView query={user} title={t.users.title}>
      {(data) => <UserView user={data} isMe={data.id === meId} />}
    </QueryView>
  );
}
