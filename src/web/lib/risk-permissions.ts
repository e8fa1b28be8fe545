/** Whether the signed-in account may review a risk (the server checks again). */
import { canWriteRisk } from '../../domain/access.ts';
import type { Me } from '../api/types.ts';
import { principalOf } from './permissions.ts';

/** As for actions: a contributor is assumed assigned the risk's first linked action. */
export function mayWriteRisk(
  me: Me,
  unitId: string,
  links: { elementIds: readonly string[]; actionIds: readonly string[] },
): boolean {
  const principal = principalOf(me, {
    ...(links.actionIds[0] !== undefined && { actionId: links.actionIds[0] }),
    ...(links.elementIds[0] !== undefined && { elementId: links.elementIds[0] }),
  });
  return me.can.write && canWriteRisk(principal, unitId, links);
}
