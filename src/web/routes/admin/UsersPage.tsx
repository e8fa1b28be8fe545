/**
 * `/admin/users` (administrators): the accounts of the workspace, and the invitation form. Each
 * account's own page (`/admin/users/:id`) changes its role and units, disables it, creates a
 * password-reset link and, for a contributor, sets what is assigned to them.
 */
import { Text } from '@mantine/core';
import { useUsers } from '../../api/admin.ts';
import { AccessGate } from '../../components/AccessGate.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryView } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { useI18n } from '../../i18n/context.tsx';
import { InviteForm } from './InviteForm.tsx';
import { UsersTable } from './UsersTable.tsx';

function UsersList({ meId }: { meId: string | null }) {
  const users = useUsers();
  return (
    <QueryView query={users}>{(data) => <UsersTable users={data.items} meId={meId} />}</QueryView>
  );
}

/** The accounts page. */
export function UsersPage() {
  const { t } = useI18n();
  return (
    <AccessGate allowed={(me) => me.can.manageUsers} title={t.users.title}>
      {(me) => (
        <>
          <PageTitle title={t.users.title} />
          <Text maw={760}>{t.users.intro}</Text>
          <Section title={t.users.listTitle}>
            <UsersList meId={me.user?.id ?? null} />
          </Section>
          <Section title={t.users.invite}>
            <InviteForm />
          </Section>
        </>
      )}
    </AccessGate>
  );
}
