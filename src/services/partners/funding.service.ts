/**
 * Funding lines (programme, funder, yearly amounts planned / committed / spent, co-financing
 * rate, the actions financed), budget execution by priority, school, funder and programme, and
 * what serves a plan element.
 */
import type {
  ElementPartnerships,
  FundingExecution,
  FundingLineCard,
  FundingLineCreate,
  FundingLineDetail,
  FundingLineUpdate,
} from '../../contracts/index.ts';
import { breakdown, priorityOf, totalsOf, type PlanNode } from '../../domain/funding.ts';
import type { Programme } from '../../domain/partners.ts';
import { PROGRAMMES } from '../../domain/partners.ts';
import type { Provenance } from '../../domain/types.ts';
import { canReadRegistry, canWriteFunding } from '../../domain/partner-access.ts';
import { fundingRepository } from '../../db/repositories/funding.repository.ts';
import type { ServiceDeps, WorkspaceScope } from '../context.ts';
import { groupPlanOf } from '../common.ts';
import { invalid, notFound } from '../errors.ts';
import { versionEtag } from '../etags.ts';
import { allow, auditRow } from '../guard.ts';
import { audit } from '../audit.ts';
import { checkIfMatch, staleWrite } from '../preconditions.ts';
import { actionCard, elementRef, unitRef } from '../present.ts';
import { requireExisting, requireOne } from '../references.ts';
import type { SnapshotLoader } from '../snapshot.ts';
import {
  agreementCard,
  fundingCard,
  loadRegistry,
  paginate,
  partnerRef,
  servingElement,
  servingIds,
  type Registry,
} from './registry.ts';

export const fundingEtag = (row: { id: string; version: number }) => versionEtag('f', row);

export interface FundingListQuery {
  programme?: Programme | undefined;
  unitId?: string | undefined;
  elementId?: string | undefined;
  actionId?: string | undefined;
  partnerId?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/** Creates the funding service. */
export function fundingService(deps: ServiceDeps, snapshots: SnapshotLoader) {
  function readable(scope: WorkspaceScope) {
    allow(scope, canReadRegistry(scope.principal), 'read funding lines');
  }

  async function detail(scope: WorkspaceScope, id: string): Promise<FundingLineDetail> {
    readable(scope);
    const reg = await loadRegistry(deps, snapshots, scope);
    const row = reg.lineById.get(id);
    if (!row) throw notFound('Funding line');
    const actionIds = (reg.lineActions.get(id) ?? []).filter(reg.vis.action);
    const agreement = row.agreement_id ? reg.agreementById.get(row.agreement_id) : undefined;
    return {
      fundingLine: {
        id: row.id,
        title: { fr: row.title_fr, en: row.title_en },
        programme: row.programme as Programme,
        funder: row.funder,
        funderPartnerId: row.funder_partner_id,
        unitId: row.unit_id,
        agreementId: agreement ? agreement.id : null,
        cofinancingRate: row.cofinancing_rate,
        provenance: row.provenance as Provenance,
        actionIds,
        amounts: reg.amounts.get(id) ?? [],
        version: row.version,
      },
      etag: fundingEtag(row),
      card: fundingCard(reg, row),
      actions: actionIds.map((a) => actionCard(reg.snapshot, a)),
      agreement: agreement ? agreementCard(reg, agreement) : null,
    };
  }

  async function validate(scope: WorkspaceScope, input: FundingLineUpdate, reg: Registry) {
    if (input.funderPartnerId && !reg.partnerById.has(input.funderPartnerId)) {
      throw invalid('/funderPartnerId', 'no such partner');
    }
    if (input.agreementId && !reg.agreementById.has(input.agreementId)) {
      throw invalid('/agreementId', 'no such agreement');
    }
    await requireOne(deps.db, scope.id, 'unit', 'unitId', input.unitId, 'unit');
    await requireExisting(
      deps.db,
      scope.id,
      'action',
      'actionIds',
      input.actionIds,
      'action',
      reg.vis.action,
    );
    const years = new Set<number>();
    (input.amounts ?? []).forEach((a, i) => {
      if (years.has(a.year)) throw invalid(`/amounts/${String(i)}/year`, 'given twice');
      years.add(a.year);
    });
  }

  function columns(input: FundingLineUpdate) {
    return {
      ...(input.title && { title_fr: input.title.fr, title_en: input.title.en }),
      ...(input.programme !== undefined && { programme: input.programme }),
      ...(input.funder !== undefined && { funder: input.funder }),
      ...(input.funderPartnerId !== undefined && { funder_partner_id: input.funderPartnerId }),
      ...(input.unitId !== undefined && { unit_id: input.unitId }),
      ...(input.agreementId !== undefined && { agreement_id: input.agreementId }),
      ...(input.cofinancingRate !== undefined && { cofinancing_rate: input.cofinancingRate }),
      ...(input.provenance !== undefined && { provenance: input.provenance }),
    };
  }

  async function writeLinks(
    repo: ReturnType<typeof fundingRepository>,
    scope: WorkspaceScope,
    id: string,
    input: FundingLineUpdate,
  ) {
    if (input.amounts) await repo.replaceAmounts(scope.id, id, input.amounts);
    if (input.actionIds) await repo.replaceActions(scope.id, id, input.actionIds);
  }

  const linksOf = (input: FundingLineUpdate) => ({
    ...(input.amounts && { amounts: input.amounts }),
    ...(input.actionIds && { actionIds: input.actionIds }),
  });

  /** The priority of each plan element reached from a line's actions. */
  function prioritiesOfLine(reg: Registry, lineId: string): string[] {
    const { snapshot } = reg;
    const groupPlan = groupPlanOf(snapshot);
    if (!groupPlan) return [];
    const levels = groupPlan.levels as { key: string }[];
    const level = levels[1]?.key ?? levels[0]?.key ?? '';
    const nodes = new Map<string, PlanNode>(
      snapshot.elements.map((e) => [
        e.id,
        { id: e.id, parentId: e.parent_id, planId: e.plan_id, level: e.level },
      ]),
    );
    const alignsTo = new Map<string, string[]>();
    for (const a of snapshot.alignments) {
      alignsTo.set(a.elementId, [...(alignsTo.get(a.elementId) ?? []), a.targetElementId]);
    }
    const line = reg.lineById.get(lineId);
    const viaAgreement =
      line?.agreement_id && reg.agreementById.has(line.agreement_id)
        ? (reg.agreementElements.get(line.agreement_id) ?? [])
        : [];
    const viaActions = (reg.lineActions.get(lineId) ?? []).flatMap(
      (action) => snapshot.actionElements.get(action) ?? [],
    );
    const found = [...viaActions, ...viaAgreement].map((e) =>
      priorityOf(e, nodes, alignsTo, groupPlan.id, level),
    );
    const keys = found.filter((p): p is string => p !== null);
    return keys.length > 0 ? [...new Set(keys)] : [''];
  }

  return {
    detail,

    async list(
      scope: WorkspaceScope,
      query: FundingListQuery,
    ): Promise<{ items: FundingLineCard[]; total: number; limit: number; offset: number }> {
      readable(scope);
      const reg = await loadRegistry(deps, snapshots, scope);
      const serving = servingIds(reg, query.elementId, 'lines');
      const cards = reg.lines
        .filter((l) => !query.programme || l.programme === query.programme)
        .filter((l) => !query.unitId || l.unit_id === query.unitId)
        .filter((l) => !query.partnerId || l.funder_partner_id === query.partnerId)
        .filter(
          (l) => !query.actionId || (reg.lineActions.get(l.id) ?? []).includes(query.actionId),
        )
        .filter((l) => !serving || serving.has(l.id))
        .map((l) => fundingCard(reg, l));
      return paginate(cards, query);
    },

    async execution(scope: WorkspaceScope, year?: number): Promise<FundingExecution> {
      readable(scope);
      const reg = await loadRegistry(deps, snapshots, scope);
      const { snapshot } = reg;
      const amountsOf = (id: string) => reg.amounts.get(id) ?? [];
      const all = reg.lines.flatMap((l) => amountsOf(l.id));
      const by = (key: (l: Registry['lines'][number]) => string[]) =>
        breakdown(
          reg.lines.map((l) => ({ amounts: amountsOf(l.id), keys: key(l) })),
          year,
        );
      const years = [...new Set(all.map((a) => a.year))].sort((a, b) => a - b);
      const funderKey = (l: Registry['lines'][number]) =>
        l.funder_partner_id ? `p:${l.funder_partner_id}` : `n:${l.funder}`;
      const funders = new Map(reg.lines.map((l) => [funderKey(l), l]));
      return {
        year: year ?? null,
        years,
        totals: totalsOf(all, year),
        byPriority: [...by((l) => prioritiesOfLine(reg, l.id))].map(([key, totals]) => ({
          element: key && reg.vis.element(key) ? elementRef(snapshot, key) : null,
          totals,
        })),
        bySchool: [...by((l) => [l.unit_id ?? ''])].map(([key, totals]) => {
          const unit = key ? snapshot.unitById.get(key) : undefined;
          return { unit: unit ? unitRef(unit) : null, totals };
        }),
        byFunder: [...by((l) => [funderKey(l)])].map(([key, totals]) => {
          const line = funders.get(key);
          const partner = line?.funder_partner_id
            ? reg.partnerById.get(line.funder_partner_id)
            : undefined;
          return {
            funder: partner ? partner.name : (line?.funder ?? ''),
            partner: partner ? partnerRef(partner) : null,
            totals,
          };
        }),
        byProgramme: [...by((l) => [l.programme])]
          .map(([key, totals]) => ({ programme: key as Programme, totals }))
          .sort((a, b) => PROGRAMMES.indexOf(a.programme) - PROGRAMMES.indexOf(b.programme)),
        byYear: years.map((y) => ({ year: y, totals: totalsOf(all, y) })),
      };
    },

    async forElement(scope: WorkspaceScope, elementId: string): Promise<ElementPartnerships> {
      readable(scope);
      const reg = await loadRegistry(deps, snapshots, scope);
      if (!reg.vis.element(elementId)) throw notFound('Element');
      const serving = servingElement(reg, elementId);
      const partnerIds = [
        ...new Set([
          ...serving.agreements.map((a) => a.partner_id),
          ...serving.lines.flatMap((l) => (l.funder_partner_id ? [l.funder_partner_id] : [])),
        ]),
      ];
      return {
        element: elementRef(reg.snapshot, elementId),
        partners: partnerIds.flatMap((id) => {
          const p = reg.partnerById.get(id);
          return p ? [partnerRef(p)] : [];
        }),
        agreements: serving.agreements.map((a) => agreementCard(reg, a)),
        fundingLines: serving.lines.map((l) => fundingCard(reg, l)),
        totals: totalsOf(serving.lines.flatMap((l) => reg.amounts.get(l.id) ?? [])),
      };
    },

    async create(scope: WorkspaceScope, input: FundingLineCreate): Promise<FundingLineDetail> {
      readable(scope);
      allow(
        scope,
        canWriteFunding(scope.principal, input.unitId ?? null),
        'record funding lines for this unit',
      );
      const reg = await loadRegistry(deps, snapshots, scope);
      await validate(scope, input, reg);
      const id = await deps.db.transaction().execute(async (trx) => {
        const repo = fundingRepository(trx);
        const { id: newId } = await repo.insertLine({
          workspace_id: scope.id,
          title_fr: input.title.fr,
          title_en: input.title.en,
          programme: input.programme,
          funder: input.funder,
          funder_partner_id: input.funderPartnerId ?? null,
          unit_id: input.unitId ?? null,
          agreement_id: input.agreementId ?? null,
          cofinancing_rate: input.cofinancingRate ?? null,
          ...columns(input),
        });
        await writeLinks(repo, scope, newId, input);
        await audit(trx, scope, {
          entityType: 'funding_line',
          entityId: newId,
          action: 'create',
          unitId: input.unitId ?? null,
          after: { ...auditRow(await repo.findLine(scope.id, newId)), links: linksOf(input) },
        });
        return newId;
      });
      return detail(scope, id);
    },

    async update(
      scope: WorkspaceScope,
      id: string,
      ifMatch: string | undefined,
      input: FundingLineUpdate,
    ): Promise<FundingLineDetail> {
      readable(scope);
      const reg = await loadRegistry(deps, snapshots, scope);
      const seen = reg.lineById.get(id);
      if (!seen) throw notFound('Funding line');
      allow(scope, canWriteFunding(scope.principal, seen.unit_id), 'change this funding line');
      if (input.unitId !== undefined && input.unitId !== seen.unit_id) {
        allow(
          scope,
          canWriteFunding(scope.principal, input.unitId),
          'give this funding line to that unit',
        );
      }
      await validate(scope, input, reg);
      await deps.db.transaction().execute(async (trx) => {
        const repo = fundingRepository(trx);
        const current = await repo.findLine(scope.id, id);
        if (!current) throw notFound('Funding line');
        const version = checkIfMatch('f', id, current.version, ifMatch, 'funding line');
        const updated = await repo.updateLineIfVersion(scope.id, id, version, columns(input));
        if (!updated) throw staleWrite('funding line');
        await writeLinks(repo, scope, id, input);
        await audit(trx, scope, {
          entityType: 'funding_line',
          entityId: id,
          action: 'update',
          unitId: current.unit_id,
          before: auditRow(current),
          after: { ...auditRow(await repo.findLine(scope.id, id)), links: linksOf(input) },
        });
      });
      return detail(scope, id);
    },
  };
}
