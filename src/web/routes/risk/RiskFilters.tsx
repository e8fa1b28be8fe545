/**
 * The filters of the register and the matrix, kept in the URL (`?unitId=&elementId=&status=
 * &level=&likelihood=&impact=`) so a filtered view can be shared and the matrix cells link to it.
 */
import { Group, NativeSelect } from '@mantine/core';
import { useCallback } from 'react';
import { useSearchParams } from 'wouter';
import { usePlanTree, useWorkspace } from '../../api/queries.ts';
import { RISK_LEVELS, RISK_STATUSES } from '../../../domain/risk.ts';
import type { RiskLevel, RiskStatus } from '../../../domain/risk.ts';
import { useI18n } from '../../i18n/context.tsx';

export interface RiskUrlFilters {
  unitId: string | null;
  elementId: string | null;
  status: RiskStatus | null;
  level: RiskLevel | null;
  likelihood: number | null;
  impact: number | null;
}

const rating = (text: string | null): number | null => {
  const n = Number(text);
  return text !== null && Number.isInteger(n) && n >= 1 && n <= 5 ? n : null;
};

/** The filters of the current URL and a setter that rewrites one of them. */
export function useRiskFilters(): [RiskUrlFilters, (name: string, value: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const filters: RiskUrlFilters = {
    unitId: params.get('unitId') || null,
    elementId: params.get('elementId') || null,
    status: RISK_STATUSES.find((s) => s === params.get('status')) ?? null,
    level: RISK_LEVELS.find((l) => l === params.get('level')) ?? null,
    likelihood: rating(params.get('likelihood')),
    impact: rating(params.get('impact')),
  };
  const set = useCallback(
    (name: string, value: string | null) => {
      setParams(
        (previous) => {
          const copy = new URLSearchParams(previous);
          if (value) copy.set(name, value);
          else copy.delete(name);
          return copy;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [filters, set];
}

/** The priorities of the group plan (its second level), for the priority filter. */
function usePriorities() {
  const workspace = useWorkspace();
  const planId = workspace.data?.groupPlanId ?? null;
  const tree = usePlanTree(planId, null);
  const plan = workspace.data?.plans.find((p) => p.id === planId);
  const level = plan?.levels[1]?.key ?? plan?.levels[0]?.key;
  return (tree.data?.nodes ?? []).filter((n) => n.level === level);
}

/** Unit and priority selects, plus status and level on the register. */
export function RiskFilters({ withStatus }: { withStatus: boolean }) {
  const { t, tx } = useI18n();
  const [filters, set] = useRiskFilters();
  const workspace = useWorkspace();
  const priorities = usePriorities();
  const units = (workspace.data?.units ?? []).filter(
    (u) => u.kind === 'group' || u.kind === 'school' || u.kind === 'subsidiary',
  );
  return (
    <Group align="flex-end" gap="sm" wrap="wrap" mb="md" role="group" aria-label={t.risks.filters}>
      <NativeSelect
        label={t.common.unit}
        value={filters.unitId ?? ''}
        onChange={(e) => {
          set('unitId', e.currentTarget.value || null);
        }}
        data={[
          { value: '', label: t.risks.allUnits },
          ...units.map((u) => ({ value: u.id, label: u.shortName || tx(u.name) })),
        ]}
        w={220}
      />
      <NativeSelect
        label={t.risks.priority}
        value={filters.elementId ?? ''}
        onChange={(e) => {
          set('elementId', e.currentTarget.value || null);
        }}
        data={[
          { value: '', label: t.risks.allPriorities },
          ...priorities.map((p) => ({ value: p.id, label: `${p.code} ${tx(p.title)}` })),
          ...(filters.elementId && !priorities.some((p) => p.id === filters.elementId)
            ? [{ value: filters.elementId, label: filters.elementId.slice(0, 8) }]
            : []),
        ]}
        w={280}
      />
      {withStatus ? (
        <>
          <NativeSelect
            label={t.common.status}
            value={filters.status ?? ''}
            onChange={(e) => {
              set('status', e.currentTarget.value || null);
            }}
            data={[
              { value: '', label: t.risks.allStatuses },
              ...RISK_STATUSES.map((s) => ({ value: s, label: t.risks.status[s] })),
            ]}
            w={180}
          />
          <NativeSelect
            label={t.risks.level}
            value={filters.level ?? ''}
            onChange={(e) => {
              set('level', e.currentTarget.value || null);
            }}
            data={[
              { value: '', label: t.risks.allLevels },
              ...RISK_LEVELS.map((l) => ({ value: l, label: t.risks.levels[l] })),
            ]}
            w={180}
          />
        </>
      ) : null}
    </Group>
  );
}
