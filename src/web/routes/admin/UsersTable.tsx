/** The accounts as a table: e-mail (link to the account), name, role, units, state, last sign-in. */
import { Table } from '@mantine/core';
import { useId } from 'react';
import { useWorkspace } from '../../api/queries.ts';
import type { User } from '../../api/types.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { useI18n } from '../../i18n/context.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { unitsById } from '../../lib/plan.ts';
import { AccountState } from './AccountState.tsx';

/** One row per account; `meId` marks the signed-in administrator's own row. */
export function UsersTable({ users, meId }: { users: readonly User[]; meId: string | null }) {
  const { t, lang } = useI18n();
  const workspace = useWorkspace();
  const units = unitsById(workspace.data);
  const captionId = useId();
  return (
    <ScrollRegion labelId={captionId}>
      <Table captionSide="top" miw={860} verticalSpacing="xs" data-testid="users">
        <Table.Caption id={captionId} style={{ textAlign: 'left' }}>
          {t.users.caption}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t.users.email}</Table.Th>
            <Table.Th scope="col">{t.users.name}</Table.Th>
            <Table.Th scope="col">{t.users.role}</Table.Th>
            <Table.Th scope="col">{t.users.units}</Table.Th>
            <Table.Th scope="col">{t.users.state}</Table.Th>
            <Table.Th scope="col">{t.users.lastLogin}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id} data-user={user.email}>
              <Table.Th scope="row" fw={500}>
                <AppLink to={`/admin/users/${user.id}`}>{user.email}</AppLink>
                {user.id === meId ? ` ${t.users.you}` : ''}
              </Table.Th>
              <Table.Td>{user.displayName || t.common.none}</Table.Td>
              <Table.Td>{t.roles[user.role]}</Table.Td>
              <Table.Td>
                {user.unitIds.length === 0
                  ? t.common.none
                  : user.unitIds.map((id) => units.get(id)?.shortName ?? id).join(', ')}
              </Table.Td>
              <Table.Td>
                <AccountState disabled={user.disabled} />
              </Table.Td>
              <Table.Td>
                {user.lastLoginAt ? formatDateTime(user.lastLoginAt, lang) : t.users.never}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
