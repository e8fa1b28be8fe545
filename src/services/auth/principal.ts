/** Builds the principal of an account: its role, units and assigned items. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { userRepository } from '../../db/repositories/user.repository.ts';
import type { Principal, Role } from '../../domain/access.ts';

/** The principal acting for user `userId` (read-only when it comes from a read token). */
export async function principalOf(
  db: Kysely<DB>,
  workspaceId: string,
  user: { id: string; email: string; role: string },
  readOnly = false,
): Promise<Principal> {
  return principalWith(user, await userRepository(db).grants(workspaceId, user.id), readOnly);
}

/** The principal of an account whose grants are already read. */
export function principalWith(
  user: { id: string; email: string; role: string },
  grants: { unitIds: string[]; elements: string[]; indicators: string[]; actions: string[] },
  readOnly = false,
): Principal {
  return {
    kind: 'user',
    userId: user.id,
    role: user.role as Role,
    unitIds: grants.unitIds,
    assigned: { elements: grants.elements, indicators: grants.indicators, actions: grants.actions },
    readOnly,
    label: user.email,
  };
}
