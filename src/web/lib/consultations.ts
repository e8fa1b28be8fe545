/** Consultation rules the interface applies to what `/auth/me` tells (the server checks again). */
import { roleOf } from './permissions.ts';
import { canWriteConsultation } from '../../domain/consultation.ts';
import type { Me } from '../api/types.ts';

/** Whether `me` may build and run the consultations of `unitId`. */
export function mayWriteConsultation(me: Me | undefined, unitId: string): boolean {
  if (!me?.can.write) return false;
  return canWriteConsultation(
    {
      kind: me.authenticated ? 'user' : 'anonymous',
      userId: me.user?.id ?? null,
      role: roleOf(me.role),
      unitIds: me.unitIds,
      assigned: { elements: [], indicators: [], actions: [] },
      readOnly: me.readOnly,
      label: me.user?.email ?? '',
    },
    unitId,
  );
}

/** A local date-time input value (yyyy-mm-ddThh:mm) as an ISO instant, or null when empty. */
export function instantOf(local: string): string | null {
  if (local === '') return null;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** An ISO instant as a local date-time input value. */
export function localInputOf(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(d.getFullYear())}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
