/** Agreements with partners: list, page, create, update; linked to schools, elements, actions, indicators. */
import type {
  AgreementCard,
  AgreementCreate,
  AgreementDetail,
  AgreementUpdate,
} from '../../contracts/index.ts';
import type { AgreementKind, Scale } from '../../domain/partners.ts';
import type { Provenance } from '../../domain/types.ts';
import { canReadRegistry, canWriteAgreement } from '../../domain/partner-access.ts';
import {
  partnerRepository,
  type AgreementLinkTable,
} from '../../db/repositories/partner.repository.ts';
import type { ServiceDeps, WorkspaceScope } from '../context.ts';
import { invalid, notFound } from '../errors.ts';
import { versionEtag } from '../etags.ts';
import { allow, auditRow } from '../guard.ts';
import { audit } from '../audit.ts';
import { checkIfMatch, staleWrite } from '../preconditions.ts';
import { actionCard, elementRef } from '../present.ts';
import { requireExisting } from '../references.ts';
import type { SnapshotLoader } from '../snapshot.ts';
import {
  agreementCard,
  fundingCard,
  loadRegistry,
  paginate,
  servingIds,
  type Registry,
} from './registry.ts';

export const agreementEtag = (row: { id: string; version: number }) => versionEtag('g', row);

export interface AgreementListQuery {
  partnerId?: string | undefined;
  unitId?: string | undefined;
  elementId?: string | undefined;
  scale?: Scale | undefined;
  kind?: AgreementKind | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

const LINK_FIELDS: [keyof AgreementCreate & `${string}Ids`, AgreementLinkTable][] = [
  ['unitIds', 'agreement_unit'],
  ['elementIds', 'agreement_element'],
  ['actionIds', 'agreement_action'],
  ['indicatorIds', 'agreement_indicator'],
];

/** Creates the agreement service. */
export function agreementsService(deps: ServiceDeps, snapshots: SnapshotLoader) {
  function readable(scope: WorkspaceScope) {
    allow(scope, canReadRegistry(scope.principal), 'read the partner registry');
  }

  async function detail(scope: WorkspaceScope, id: string): Promise<AgreementDetail> {
    readable(scope);
    const reg = await loadRegistry(deps, snapshots, scope);
    const row = reg.agreementById.get(id);
    if (!row) throw notFound('Agreement');
    const { snapshot, vis } = reg;
    const elementIds = (reg.agreementElements.get(id) ?? []).filter(vis.element);
    const actionIds = (reg.agreementActions.get(id) ?? []).filter(vis.action);
    const indicatorIds = (reg.agreementIndicators.get(id) ?? []).filter(vis.indicator);
    return {
      agreement: {
        id: row.id,
        partnerId: row.partner_id,
        kind: row.kind as AgreementKind,
        title: { fr: row.title_fr, en: row.title_en },
        description: { fr: row.description_fr, en: row.description_en },
        startDate: row.start_date,
        endDate: row.end_date,
        amountCents: row.amount_cents,
        scale: row.scale as Scale,
        provenance: row.provenance as Provenance,
        unitIds: reg.agreementUnits.get(id) ?? [],
        elementIds,
        actionIds,
        indicatorIds,
        version: row.version,
      },
      etag: agreementEtag(row),
      card: agreementCard(reg, row),
      elements: elementIds.map((e) => elementRef(snapshot, e)),
      actions: actionIds.map((a) => actionCard(snapshot, a)),
      indicators: indicatorIds.flatMap((i) => {
        const ind = snapshot.indicatorById.get(i);
        return ind ? [{ id: i, code: ind.code, name: { fr: ind.name_fr, en: ind.name_en } }] : [];
      }),
      fundingLines: reg.lines.filter((l) => l.agreement_id === id).map((l) => fundingCard(reg, l)),
    };
  }

  async function validate(scope: WorkspaceScope, input: AgreementUpdate, reg: Registry) {
    if (input.partnerId !== undefined && !reg.partnerById.has(input.partnerId)) {
      throw invalid('/partnerId', 'no such partner');
    }
    await requireExisting(deps.db, scope.id, 'unit', 'unitIds', input.unitIds, 'unit');
    await requireExisting(
      deps.db,
      scope.id,
      'element',
      'elementIds',
      input.elementIds,
      'element',
      reg.vis.element,
    );
    await requireExisting(
      deps.db,
      scope.id,
      'action',
      'actionIds',
      input.actionIds,
      'action',
      reg.vis.action,
    );
    await requireExisting(
      deps.db,
      scope.id,
      'indicator',
      'indicatorIds',
      input.indicatorIds,
      'indicator',
      reg.vis.indicator,
    );
  }

  function checkDates(start: string | null | undefined, end: string | null | undefined) {
    if (start && end && start > end) throw invalid('/endDate', 'must not be before startDate');
  }

  function columns(input: AgreementUpdate) {
    return {
      ...(input.partnerId !== undefined && { partner_id: input.partnerId }),
      ...(input.kind !== undefined && { kind: input.kind }),
      ...(input.title && { title_fr: input.title.fr, title_en: input.title.en }),
      ...(input.description && {
        description_fr: input.description.fr,
        description_en: input.description.en,
      }),
      ...(input.startDate !== undefined && { start_date: input.startDate }),
      ...(input.endDate !== undefined && { end_date: input.endDate }),
      ...(input.amountCents !== undefined && { amount_cents: input.amountCents }),
      ...(input.scale !== undefined && { scale: input.scale }),
      ...(input.provenance !== undefined && { provenance: input.provenance }),
    };
  }

  async function writeLinks(
    repo: ReturnType<typeof partnerRepository>,
    scope: WorkspaceScope,
    id: string,
    input: AgreementUpdate,
  ) {
    for (const [field, table] of LINK_FIELDS) {
      const ids = input[field];
      if (ids) await repo.replaceAgreementLinks(scope.id, id, table, ids);
    }
  }

  return {
    detail,

    async list(
      scope: WorkspaceScope,
      query: AgreementListQuery,
    ): Promise<{ items: AgreementCard[]; total: number; limit: number; offset: number }> {
      readable(scope);
      const reg = await loadRegistry(deps, snapshots, scope);
      const serving = servingIds(reg, query.elementId, 'agreements');
      const cards = reg.agreements
        .filter((a) => !query.partnerId || a.partner_id === query.partnerId)
        .filter((a) => !query.scale || a.scale === query.scale)
        .filter((a) => !query.kind || a.kind === query.kind)
        .filter((a) => !query.unitId || (reg.agreementUnits.get(a.id) ?? []).includes(query.unitId))
        .filter((a) => !serving || serving.has(a.id))
        .map((a) => agreementCard(reg, a));
      return paginate(cards, query);
    },

    async create(scope: WorkspaceScope, input: AgreementCreate): Promise<AgreementDetail> {
      readable(scope);
      allow(
        scope,
        canWriteAgreement(scope.principal, input.unitIds ?? []),
        'record agreements for these schools',
      );
      // The registry is read before the transaction (PGlite has one connection).
      const reg = await loadRegistry(deps, snapshots, scope);
      const id = await deps.db
        .transaction()
        .execute((trx) =>
          agreementsService({ ...deps, db: trx }, snapshots).createInTransaction(scope, input, reg),
        );
      return detail(scope, id);
    },

    /** Inserts an agreement with its links; the caller holds the transaction. */
    async createInTransaction(
      scope: WorkspaceScope,
      input: AgreementCreate,
      registry?: Registry,
    ): Promise<string> {
      readable(scope);
      allow(
        scope,
        canWriteAgreement(scope.principal, input.unitIds ?? []),
        'record agreements for these schools',
      );
      checkDates(input.startDate, input.endDate);
      const reg = registry ?? (await loadRegistry(deps, snapshots, scope));
      await validate(scope, input, reg);
      const repo = partnerRepository(deps.db);
      const { id: newId } = await repo.insertAgreement({
        workspace_id: scope.id,
        partner_id: input.partnerId,
        kind: input.kind,
        title_fr: input.title.fr,
        title_en: input.title.en,
        scale: input.scale,
        start_date: input.startDate ?? null,
        end_date: input.endDate ?? null,
        amount_cents: input.amountCents ?? null,
        ...columns(input),
      });
      await writeLinks(repo, scope, newId, input);
      await audit(deps.db, scope, {
        entityType: 'agreement',
        entityId: newId,
        action: 'create',
        after: { ...auditRow(await repo.findAgreement(scope.id, newId)), links: linksOf(input) },
      });
      return newId;
    },

    async update(
      scope: WorkspaceScope,
      id: string,
      ifMatch: string | undefined,
      input: AgreementUpdate,
    ): Promise<AgreementDetail> {
      readable(scope);
      const reg = await loadRegistry(deps, snapshots, scope);
      await deps.db
        .transaction()
        .execute((trx) =>
          agreementsService({ ...deps, db: trx }, snapshots).updateInTransaction(
            scope,
            id,
            ifMatch,
            input,
            reg,
          ),
        );
      return detail(scope, id);
    },

    /** Changes an agreement and its links; the caller holds the transaction. */
    async updateInTransaction(
      scope: WorkspaceScope,
      id: string,
      ifMatch: string | undefined,
      input: AgreementUpdate,
      registry?: Registry,
    ): Promise<void> {
      readable(scope);
      const reg = registry ?? (await loadRegistry(deps, snapshots, scope));
      const seen = reg.agreementById.get(id);
      if (!seen) throw notFound('Agreement');
      const currentUnits = reg.agreementUnits.get(id) ?? [];
      allow(scope, canWriteAgreement(scope.principal, currentUnits), 'change this agreement');
      if (input.unitIds) {
        allow(
          scope,
          canWriteAgreement(scope.principal, input.unitIds),
          'give this agreement to these schools',
        );
      }
      await validate(scope, input, reg);
      const repo = partnerRepository(deps.db);
      const current = await repo.findAgreement(scope.id, id);
      if (!current) throw notFound('Agreement');
      const version = checkIfMatch('g', id, current.version, ifMatch, 'agreement');
      checkDates(
        input.startDate !== undefined ? input.startDate : current.start_date,
        input.endDate !== undefined ? input.endDate : current.end_date,
      );
      const updated = await repo.updateAgreementIfVersion(scope.id, id, version, columns(input));
      if (!updated) throw staleWrite('agreement');
      await writeLinks(repo, scope, id, input);
      await audit(deps.db, scope, {
        entityType: 'agreement',
        entityId: id,
        action: 'update',
        before: auditRow(current),
        after: { ...auditRow(await repo.findAgreement(scope.id, id)), links: linksOf(input) },
      });
    },
  };
}

function linksOf(input: AgreementUpdate) {
  return {
    ...(input.unitIds && { unitIds: input.unitIds }),
    ...(input.elementIds && { elementIds: input.elementIds }),
    ...(input.actionIds && { actionIds: input.actionIds }),
    ...(input.indicatorIds && { indicatorIds: input.indicatorIds }),
  };
}
