/** Ids of reporting cycles and check-ins for the fuzz test's pools: one cycle over a few items. */
import type { CycleDetail } from '../../src/contracts/index.ts';
import type { TestApp } from './app.ts';
import { must } from './roles.ts';

/** Creates a cycle as `office` over the first elements and actions; returns the fuzz pools. */
export async function cyclePools(
  t: TestApp,
  office: string,
  elements: readonly string[],
  actions: readonly string[],
): Promise<Record<string, string[]>> {
  const cycle = await must<CycleDetail>(t, office, 'POST', '/api/v1/cycles', {
    code: 'FUZZ-CYCLE',
    title: { fr: 'Cycle', en: 'Cycle' },
    period: '2025',
    opensOn: '2025-01-01',
    dueOn: '2030-01-01',
    elementIds: elements.slice(0, 5),
    actionIds: actions.slice(0, 5),
  });
  const items = cycle.items.map((i) => i.id);
  return {
    'path:cycles': [cycle.cycle.id],
    'path:check-ins': items,
    cycleId: [cycle.cycle.id],
    actionId: [...actions.slice(0, 5)],
  };
}
