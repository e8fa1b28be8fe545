/** What every command shares: opening Strata, acting as someone, printing errors. */
import { loadConfig, type Config } from '../config.ts';
import { openStrata, type Strata } from '../services/runtime.ts';
import type { Principal } from '../domain/access.ts';
import { systemPrincipal } from '../domain/access.ts';
import type { WorkspaceScope } from '../services/index.ts';

/** Opens Strata without seeding, runs `work`, and closes it whatever happens. */
export async function withStrata<T>(
  work: (strata: Strata, config: Config) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const strata = await openStrata(config, { seed: false });
  try {
    return await work(strata, config);
  } finally {
    await strata.close();
  }
}

/**
 * The scope a command acts in: as the account `as` (its permissions apply, exactly as through
 * the API) or, without it, as the machine operator.
 */
export async function commandScope(
  strata: Strata,
  workspace: string,
  as?: string,
): Promise<WorkspaceScope> {
  const operator = await strata.services.workspace.resolve(
    workspace,
    systemPrincipal('cli'),
    `cli-${process.pid}`,
  );
  if (!as) return operator;
  const principal: Principal = await strata.services.users.principalByEmail(operator, as);
  return { ...operator, principal };
}
