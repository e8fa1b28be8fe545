/**
 * The partner registry as one reader sees it: partners, the agreements and funding lines the
 * reader may see with their links, read once per request (before any transaction: an embedded
 * database has a single connection), and the presenters that shape them.
 */
import type {
  AgreementCard,
  FundingLineCard,
  PartnerCard,
  PartnerRef,
} from '../../contracts/index.ts';
import type { Provenance } from '../../domain/types.ts';
import { totalsOf, type YearAmounts } from '../../domain/funding.ts';
import type { AgreementKind, PartnerKind, Scale } from '../../domain/partners.ts';
import type { Programme } from '../../domain/partners.ts';
import { canReadAgreement, canReadFunding } from '../../domain/partner-access.ts';
import { partnerRepository } from '../../db/repositories/partner.repository.ts';
import { fundingRepository } from '../../db/repositories/funding.repository.ts';
import { today, type ServiceDeps, type WorkspaceScope } from '../context.ts';
import { unitRef } from '../present.ts';
import type { Snapshot, SnapshotLoader } from '../snapshot.ts';
import { visibility } from '../visibility.ts';

type PartnerRow = Awaited<ReturnType<ReturnType<typeof partnerRepository>['allPartners']>>[number];
type AgreementRow = Awaited<
  ReturnType<ReturnType<typeof partnerRepository>['allAgreements']>
>[number];
type LineRow = Awaited<ReturnType<ReturnType<typeof fundingRepository>['allLines']>>[number];

function group<T>(rows: readonly T[], key: (r: T) => string, value: (r: T) => string) {
  const map = new Map<string, string[]>();
  for (const r of rows) {
    const list = map.get(key(r)) ?? [];
    list.push(value(r));
    map.set(key(r), list);
  }
  return map;
}

/** Reads the registry of `scope`'s workspace and cuts it to what its principal may see. */
export async function loadRegistry(
  deps: ServiceDeps,
  snapshots: SnapshotLoader,
  scope: WorkspaceScope,
) {
  const repo = partnerRepository(deps.db);
  const funding = fundingRepository(deps.db);
  const [snapshot, partners, allAgreements, links, allLines, amountRows, lineActionRows] =
    await Promise.all([
      snapshots.load(scope.id, today(deps)),
      repo.allPartners(scope.id),
      repo.allAgreements(scope.id),
      repo.agreementLinks(scope.id),
      funding.allLines(scope.id),
      funding.allAmounts(scope.id),
      funding.allActionLinks(scope.id),
    ]);
  const vis = visibility(snapshot, scope.principal);
  const byAgreement = (rows: { agreement_id: string; target: string }[]) =>
    group(
      rows,
      (r) => r.agreement_id,
      (r) => r.target,
    );
  const agreementUnits = byAgreement(links.units);
  const agreementElements = byAgreement(links.elements);
  const agreementActions = byAgreement(links.actions);
  const agreementIndicators = byAgreement(links.indicators);
  const group0 = snapshot.groupUnitId;
  const agreements = allAgreements.filter((a) =>
    canReadAgreement(scope.principal, agreementUnits.get(a.id) ?? [], group0),
  );
  const lines = allLines.filter((l) => canReadFunding(scope.principal, l.unit_id, group0));
  const amounts = new Map<string, YearAmounts[]>();
  for (const a of amountRows) {
    const list = amounts.get(a.funding_line_id) ?? [];
    list.push({
      year: a.year,
      plannedCents: a.planned_cents,
      committedCents: a.committed_cents,
      spentCents: a.spent_cents,
    });
    amounts.set(a.funding_line_id, list);
  }
  return {
    snapshot,
    vis,
    partners,
    partnerById: new Map(partners.map((p) => [p.id, p])),
    agreements,
    agreementById: new Map(agreements.map((a) => [a.id, a])),
    agreementUnits,
    agreementElements,
    agreementActions,
    agreementIndicators,
    lines,
    lineById: new Map(lines.map((l) => [l.id, l])),
    amounts,
    lineActions: group(
      lineActionRows,
      (r) => r.funding_line_id,
      (r) => r.action_id,
    ),
  };
}

export type Registry = Awaited<ReturnType<typeof loadRegistry>>;

/** A partner as other resources refer to it. */
export function partnerRef(row: PartnerRow): PartnerRef {
  return { id: row.id, name: row.name, kind: row.kind as PartnerKind, country: row.country };
}

function unitRefs(snapshot: Snapshot, ids: readonly string[]) {
  return ids.flatMap((u) => {
    const unit = snapshot.unitById.get(u);
    return unit ? [unitRef(unit)] : [];
  });
}

/** An agreement as lists show it. */
export function agreementCard(reg: Registry, row: AgreementRow): AgreementCard {
  const partner = reg.partnerById.get(row.partner_id);
  return {
    id: row.id,
    partner: partner
      ? partnerRef(partner)
      : { id: row.partner_id, name: '', kind: 'company', country: 'FR' },
    kind: row.kind as AgreementKind,
    title: { fr: row.title_fr, en: row.title_en },
    startDate: row.start_date,
    endDate: row.end_date,
    amountCents: row.amount_cents,
    scale: row.scale as Scale,
    provenance: row.provenance as Provenance,
    units: unitRefs(reg.snapshot, reg.agreementUnits.get(row.id) ?? []),
  };
}

/** A funding line as lists show it, with its totals over every year. */
export function fundingCard(reg: Registry, row: LineRow): FundingLineCard {
  const funder = row.funder_partner_id ? reg.partnerById.get(row.funder_partner_id) : undefined;
  const unit = row.unit_id ? reg.snapshot.unitById.get(row.unit_id) : undefined;
  return {
    id: row.id,
    title: { fr: row.title_fr, en: row.title_en },
    programme: row.programme as Programme,
    funder: row.funder,
    funderPartner: funder ? partnerRef(funder) : null,
    unit: unit ? unitRef(unit) : null,
    cofinancingRate: row.cofinancing_rate,
    provenance: row.provenance as Provenance,
    totals: totalsOf(reg.amounts.get(row.id) ?? []),
  };
}

/** The visible agreements of a partner. */
export function agreementsOf(reg: Registry, partnerId: string) {
  return reg.agreements.filter((a) => a.partner_id === partnerId);
}

/** A partner in the directory. */
export function partnerCard(reg: Registry, row: PartnerRow): PartnerCard {
  const agreements = agreementsOf(reg, row.id);
  const unitIds = [...new Set(agreements.flatMap((a) => reg.agreementUnits.get(a.id) ?? []))];
  return {
    ...partnerRef(row),
    region: row.region,
    city: row.city,
    siren: row.siren,
    provenance: row.provenance as Provenance,
    agreementCount: agreements.length,
    scales: [...new Set(agreements.map((a) => a.scale as Scale))],
    units: unitRefs(reg.snapshot, unitIds),
  };
}

/**
 * What serves a plan element: the element, its descendants and the school elements aligned to
 * any of them; the actions linked to those; the agreements linked to those elements, actions or
 * the elements' indicators; the funding lines financing those actions or agreements.
 */
export function servingElement(reg: Registry, elementId: string) {
  const { snapshot } = reg;
  const children = new Map<string, string[]>();
  for (const e of snapshot.elements) {
    if (!e.parent_id) continue;
    const list = children.get(e.parent_id) ?? [];
    list.push(e.id);
    children.set(e.parent_id, list);
  }
  const alignedFrom = group(
    snapshot.alignments,
    (a) => a.targetElementId,
    (a) => a.elementId,
  );
  const elements = new Set<string>();
  const queue = [elementId];
  while (queue.length > 0) {
    const id = queue.pop() ?? '';
    if (elements.has(id)) continue;
    elements.add(id);
    queue.push(...(children.get(id) ?? []), ...(alignedFrom.get(id) ?? []));
  }
  const actions = new Set([...elements].flatMap((e) => snapshot.elementActions.get(e) ?? []));
  const indicators = new Set([...elements].flatMap((e) => snapshot.elementIndicators.get(e) ?? []));
  const touches = (ids: readonly string[] | undefined, set: Set<string>) =>
    (ids ?? []).some((id) => set.has(id));
  const agreements = reg.agreements.filter(
    (a) =>
      touches(reg.agreementElements.get(a.id), elements) ||
      touches(reg.agreementActions.get(a.id), actions) ||
      touches(reg.agreementIndicators.get(a.id), indicators),
  );
  const agreementIds = new Set(agreements.map((a) => a.id));
  const lines = reg.lines.filter(
    (l) =>
      touches(reg.lineActions.get(l.id), actions) ||
      (l.agreement_id !== null && agreementIds.has(l.agreement_id)),
  );
  return { elements, actions, agreements, lines };
}

/**
 * Ids of what serves `elementId` (null when no element filter is given; empty when the reader
 * may not see the element).
 */
export function servingIds(
  reg: Registry,
  elementId: string | undefined,
  pick: 'agreements' | 'lines',
): Set<string> | null {
  if (!elementId) return null;
  if (!reg.vis.element(elementId)) return new Set();
  return new Set(servingElement(reg, elementId)[pick].map((row) => row.id));
}

/** One page of `items` and the paging of the answer (100 by default). */
export function paginate<T>(
  items: T[],
  query: { limit?: number | undefined; offset?: number | undefined },
) {
  const limit = query.limit ?? 100;
  const offset = query.offset ?? 0;
  return { items: items.slice(offset, offset + limit), total: items.length, limit, offset };
}
