/** Partners: the directory with its filters and charts, a partner's page, writes, duplicates, merge. */
import type {
  DuplicatePair,
  PartnerCreate,
  PartnerDetail,
  PartnerDirectory,
  PartnerUpdate,
} from '../../contracts/index.ts';
import type { Provenance } from '../../domain/types.ts';
import {
  findDuplicates,
  isValidSiren,
  partnerNameKey,
  type PartnerKind,
  type Scale,
} from '../../domain/partners.ts';
import {
  canMergePartners,
  canReadContacts,
  canReadRegistry,
  canWritePartner,
} from '../../domain/partner-access.ts';
import { partnerRepository } from '../../db/repositories/partner.repository.ts';
import { contactRepository } from '../../db/repositories/contact.repository.ts';
import type { ServiceDeps, WorkspaceScope } from '../context.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import { versionEtag } from '../etags.ts';
import { allow, auditRow } from '../guard.ts';
import { audit } from '../audit.ts';
import { checkIfMatch, staleWrite } from '../preconditions.ts';
import type { SnapshotLoader } from '../snapshot.ts';
import {
  agreementCard,
  agreementsOf,
  fundingCard,
  loadRegistry,
  partnerCard,
  paginate,
  partnerRef,
  servingIds,
  type Registry,
} from './registry.ts';
import { contactDto } from './contacts.service.ts';

export const partnerEtag = (row: { id: string; version: number }) => versionEtag('p', row);

export interface PartnerListQuery {
  kind?: PartnerKind | undefined;
  scale?: Scale | undefined;
  unitId?: string | undefined;
  elementId?: string | undefined;
  region?: string | undefined;
  country?: string | undefined;
  q?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

function counts(keys: string[]) {
  const map = new Map<string, number>();
  for (const k of keys) map.set(k, (map.get(k) ?? 0) + 1);
  return [...map.entries()]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

function conflictSiren(siren: string, existingId: string) {
  return new AppError('conflict', `A partner with SIREN ${siren} already exists (${existingId})`, [
    { field: '/siren', message: `already registered for partner ${existingId}` },
  ]);
}

/** Creates the partner service. */
export function partnersService(deps: ServiceDeps, snapshots: SnapshotLoader) {
  const repo = partnerRepository(deps.db);

  function readable(scope: WorkspaceScope) {
    allow(scope, canReadRegistry(scope.principal), 'read the partner registry');
  }

  function duplicatesOf(reg: Registry, id: string) {
    return findDuplicates(
      reg.partners.map((p) => ({
        id: p.id,
        nameKey: p.name_key,
        country: p.country,
        siren: p.siren,
      })),
    ).flatMap((pair) => {
      const other = pair.a === id ? pair.b : pair.b === id ? pair.a : null;
      const row = other ? reg.partnerById.get(other) : undefined;
      return row ? [{ partner: partnerRef(row), reason: pair.reason }] : [];
    });
  }

  async function detail(scope: WorkspaceScope, id: string): Promise<PartnerDetail> {
    readable(scope);
    const reg = await loadRegistry(deps, snapshots, scope);
    const row = reg.partnerById.get(id);
    if (!row) throw notFound('Partner');
    const involved = await repo.involvedUnits(scope.id, id);
    const contacts = canReadContacts(scope.principal, involved)
      ? (await contactRepository(deps.db).byPartner(scope.id, id)).map(contactDto)
      : null;
    return {
      partner: {
        id: row.id,
        name: row.name,
        kind: row.kind as PartnerKind,
        country: row.country,
        region: row.region,
        city: row.city,
        siren: row.siren,
        website: row.website,
        description: row.description,
        provenance: row.provenance as Provenance,
        version: row.version,
      },
      etag: partnerEtag(row),
      agreements: agreementsOf(reg, id).map((a) => agreementCard(reg, a)),
      fundingLines: reg.lines
        .filter((l) => l.funder_partner_id === id)
        .map((l) => fundingCard(reg, l)),
      contacts,
      duplicates: duplicatesOf(reg, id),
    };
  }

  function checkSiren(input: { siren?: string | null | undefined; country?: string | undefined }) {
    if (input.siren && !isValidSiren(input.siren)) {
      throw invalid('/siren', 'is not a valid SIREN (its Luhn check digit does not match)');
    }
  }

  function columns(input: PartnerUpdate) {
    return {
      ...(input.name !== undefined && { name: input.name, name_key: partnerNameKey(input.name) }),
      ...(input.kind !== undefined && { kind: input.kind }),
      ...(input.country !== undefined && { country: input.country }),
      ...(input.region !== undefined && { region: input.region }),
      ...(input.city !== undefined && { city: input.city }),
      ...(input.siren !== undefined && { siren: input.siren }),
      ...(input.website !== undefined && { website: input.website }),
      ...(input.description !== undefined && { description: input.description }),
      ...(input.provenance !== undefined && { provenance: input.provenance }),
    };
  }

  return {
    detail,

    async list(scope: WorkspaceScope, query: PartnerListQuery): Promise<PartnerDirectory> {
      readable(scope);
      const reg = await loadRegistry(deps, snapshots, scope);
      const serving = servingIds(reg, query.elementId, 'agreements');
      const needle = query.q ? partnerNameKey(query.q) : '';
      const region = query.region?.trim().toLowerCase();
      const matches = reg.partners.filter((p) => {
        if (query.kind && p.kind !== query.kind) return false;
        if (query.country && p.country !== query.country) return false;
        if (region && p.region.toLowerCase() !== region) return false;
        if (needle && !p.name_key.includes(needle)) return false;
        const agreements = agreementsOf(reg, p.id);
        if (query.scale && !agreements.some((a) => a.scale === query.scale)) return false;
        if (
          query.unitId &&
          !agreements.some((a) => (reg.agreementUnits.get(a.id) ?? []).includes(query.unitId ?? ''))
        )
          return false;
        if (serving && !agreements.some((a) => serving.has(a.id))) return false;
        return true;
      });
      const cards = matches.map((p) => partnerCard(reg, p));
      return {
        ...paginate(cards, query),
        byRegion: counts(cards.map((c) => c.region)),
        byScale: counts(cards.flatMap((c) => c.scales)),
        byKind: counts(cards.map((c) => c.kind)),
      };
    },

    async duplicates(scope: WorkspaceScope): Promise<DuplicatePair[]> {
      readable(scope);
      const rows = await repo.allPartners(scope.id);
      const byId = new Map(rows.map((p) => [p.id, p]));
      return findDuplicates(
        rows.map((p) => ({ id: p.id, nameKey: p.name_key, country: p.country, siren: p.siren })),
      ).flatMap((pair) => {
        const a = byId.get(pair.a);
        const b = byId.get(pair.b);
        return a && b ? [{ a: partnerRef(a), b: partnerRef(b), reason: pair.reason }] : [];
      });
    },

    async create(scope: WorkspaceScope, input: PartnerCreate): Promise<PartnerDetail> {
      const id = await deps.db
        .transaction()
        .execute((trx) =>
          partnersService({ ...deps, db: trx }, snapshots).createInTransaction(scope, input),
        );
      return detail(scope, id);
    },

    /** Inserts a partner; the caller holds the transaction. */
    async createInTransaction(scope: WorkspaceScope, input: PartnerCreate): Promise<string> {
      allow(scope, canWritePartner(scope.principal), 'register partners');
      checkSiren(input);
      if (input.siren && input.country !== 'FR') {
        throw invalid('/siren', 'only a French partner (country FR) has a SIREN');
      }
      if (input.siren) {
        const existing = await repo.partnerWithSiren(scope.id, input.siren);
        if (existing) throw conflictSiren(input.siren, existing.id);
      }
      const { id: newId } = await repo.insertPartner({
        workspace_id: scope.id,
        name: input.name,
        name_key: partnerNameKey(input.name),
        kind: input.kind,
        country: input.country,
        siren: input.siren ?? null,
        ...columns(input),
      });
      await audit(deps.db, scope, {
        entityType: 'partner',
        entityId: newId,
        action: 'create',
        after: auditRow(await repo.findPartner(scope.id, newId)),
      });
      return newId;
    },

    async update(
      scope: WorkspaceScope,
      id: string,
      ifMatch: string | undefined,
      input: PartnerUpdate,
    ): Promise<PartnerDetail> {
      readable(scope);
      checkSiren(input);
      await deps.db
        .transaction()
        .execute((trx) =>
          partnersService({ ...deps, db: trx }, snapshots).updateInTransaction(
            scope,
            id,
            ifMatch,
            input,
          ),
        );
      return detail(scope, id);
    },

    /** Changes a partner; the caller holds the transaction. */
    async updateInTransaction(
      scope: WorkspaceScope,
      id: string,
      ifMatch: string | undefined,
      input: PartnerUpdate,
    ): Promise<void> {
      readable(scope);
      checkSiren(input);
      const current = await repo.findPartner(scope.id, id);
      if (!current) throw notFound('Partner');
      allow(scope, canWritePartner(scope.principal), 'change partners');
      const version = checkIfMatch('p', id, current.version, ifMatch, 'partner');
      const siren = input.siren !== undefined ? input.siren : current.siren;
      const country = input.country ?? current.country;
      if (siren && country !== 'FR') {
        throw invalid('/siren', 'only a French partner (country FR) has a SIREN');
      }
      if (input.siren) {
        const existing = await repo.partnerWithSiren(scope.id, input.siren, id);
        if (existing) throw conflictSiren(input.siren, existing.id);
      }
      const updated = await repo.updatePartnerIfVersion(scope.id, id, version, columns(input));
      if (!updated) throw staleWrite('partner');
      await audit(deps.db, scope, {
        entityType: 'partner',
        entityId: id,
        action: 'update',
        before: auditRow(current),
        after: auditRow(await repo.findPartner(scope.id, id)),
      });
    },

    /**
     * Merges `duplicateId` into `id`: its agreements, contacts and funding lines move to `id`,
     * blank fields of `id` are filled from it, and it is deleted; audited on both partners.
     */
    async merge(scope: WorkspaceScope, id: string, duplicateId: string): Promise<PartnerDetail> {
      readable(scope);
      allow(scope, canMergePartners(scope.principal), 'merge partners');
      if (id === duplicateId) throw invalid('/duplicateId', 'must name another partner');
      await deps.db.transaction().execute(async (trx) => {
        const tx = partnerRepository(trx);
        const kept = await tx.findPartner(scope.id, id);
        if (!kept) throw notFound('Partner');
        const duplicate = await tx.findPartner(scope.id, duplicateId);
        if (!duplicate) throw invalid('/duplicateId', 'no such partner');
        const moved = await tx.moveEverything(scope.id, duplicateId, id);
        await tx.deletePartner(scope.id, duplicateId);
        const fill = {
          ...(kept.siren === null &&
            duplicate.siren !== null &&
            kept.country === 'FR' && { siren: duplicate.siren }),
          ...(kept.region === '' && { region: duplicate.region }),
          ...(kept.city === '' && { city: duplicate.city }),
          ...(kept.website === '' && { website: duplicate.website }),
          ...(kept.description === '' && { description: duplicate.description }),
        };
        const updated = await tx.updatePartnerIfVersion(scope.id, id, kept.version, fill);
        if (!updated) throw staleWrite('partner');
        await audit(trx, scope, {
          entityType: 'partner',
          entityId: duplicateId,
          action: 'merged_into',
          before: auditRow(duplicate),
          after: { mergedInto: id, moved },
        });
        await audit(trx, scope, {
          entityType: 'partner',
          entityId: id,
          action: 'merge',
          before: auditRow(kept),
          after: { ...auditRow(await tx.findPartner(scope.id, id)), merged: duplicateId, moved },
        });
      });
      return detail(scope, id);
    },
  };
}
