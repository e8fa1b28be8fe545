/**
 * Partners and agreements from a spreadsheet (issue #6), written through their own services
 * (`createInTransaction` / `updateInTransaction`) so permissions, validation and audit are those
 * of the API. A partner is matched by SIREN when the row has one, else by its name key and
 * country; an agreement by its partner and French title. A row equal to the stored one is
 * skipped, so importing the same file twice changes nothing.
 */
import type { AgreementCreate, PartnerCreate } from '../../../contracts/index.ts';
import type { TypedRecord } from '../../../domain/tabular/kinds.ts';
import {
  isValidSiren,
  partnerNameKey,
  type AgreementKind,
  type PartnerKind,
  type Scale,
} from '../../../domain/partners.ts';
import { partnerRepository } from '../../../db/repositories/partner.repository.ts';
import { invalid } from '../../errors.ts';
import { agreementEtag, agreementsService } from '../../partners/agreements.service.ts';
import { partnerEtag, partnersService } from '../../partners/partners.service.ts';
import { snapshotLoader } from '../../snapshot.ts';
import { differing, writeEach } from './entities.ts';
import { byCode, numberOf, textOf, type KindWriter, type WriterContext } from './types.ts';

const WEBSITE = /^(https?:\/\/[^\s<>"]+)?$/;

/** The SIREN of a row (spaces removed), '' when none; a malformed or failing one is refused. */
function sirenOf(record: TypedRecord): string {
  const siren = textOf(record, 'siren').replace(/[\s.]/g, '');
  if (siren && (!/^[0-9]{9}$/.test(siren) || !isValidSiren(siren))) {
    throw invalid('/siren', 'is not a valid SIREN (nine digits with a matching Luhn key)');
  }
  return siren;
}

/** The identity of a partner row: its SIREN, else its name key and country. */
function partnerIdentity(record: TypedRecord): string {
  const siren = textOf(record, 'siren').replace(/[\s.]/g, '');
  return siren
    ? `siren:${siren}`
    : `name:${partnerNameKey(textOf(record, 'name'))}|${textOf(record, 'country').toUpperCase()}`;
}

/** The partners writer. */
export const partnersWriter: KindWriter = {
  kind: 'partners',
  async write(ctx, records, problems) {
    const service = partnersService(ctx.deps, ctx.snapshots);
    const repo = partnerRepository(ctx.deps.db);
    const stored = await repo.allPartners(ctx.scope.id);
    const bySiren = new Map(stored.flatMap((p) => (p.siren ? [[p.siren, p] as const] : [])));
    const byName = new Map(stored.map((p) => [`${p.name_key}|${p.country}`, p]));
    return writeEach<PartnerCreate>(
      ctx,
      records,
      problems,
      (record) => {
        const country = textOf(record, 'country').toUpperCase();
        if (!/^[A-Z]{2}$/.test(country)) {
          throw invalid('/country', 'must be a two-letter country code (ISO 3166-1), such as FR');
        }
        const siren = sirenOf(record);
        const website = textOf(record, 'website');
        if (!WEBSITE.test(website)) throw invalid('/website', 'must be an http(s) address');
        const fields = {
          name: textOf(record, 'name'),
          kind: textOf(record, 'kind') as PartnerKind,
          country,
          ...(textOf(record, 'region') && { region: textOf(record, 'region') }),
          ...(textOf(record, 'city') && { city: textOf(record, 'city') }),
          ...(siren && { siren }),
          ...(website && { website }),
          ...(textOf(record, 'description') && { description: textOf(record, 'description') }),
        };
        const byKey = byName.get(`${partnerNameKey(fields.name)}|${country}`);
        const found =
          (siren ? bySiren.get(siren) : undefined) ??
          (byKey && (!siren || byKey.siren === null) ? byKey : undefined);
        if (!found) return { input: fields, existing: null };
        return {
          input: null,
          existing: { id: found.id, changes: differing<PartnerCreate>(fields, found) },
        };
      },
      (input) => service.createInTransaction(ctx.scope, input),
      async (id, changes) => {
        const row = await repo.findPartner(ctx.scope.id, id);
        await service.updateInTransaction(
          ctx.scope,
          id,
          row ? partnerEtag(row) : undefined,
          changes,
        );
      },
      { column: 'name', of: partnerIdentity },
    );
  },
};

/** The ids of the schools a cell names (codes separated by commas or semicolons). */
function unitIdsOf(ctx: WriterContext, record: TypedRecord): string[] | undefined {
  const codes = textOf(record, 'units')
    .split(/[,;]/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
  if (codes.length === 0) return undefined;
  const units = byCode(ctx.snapshot.units);
  const ids = codes.map((code) => {
    const unit = units.get(code.toLowerCase());
    if (!unit || !ctx.vis.unit(unit.id)) throw invalid('/units', `no school with code ${code}`);
    return unit.id;
  });
  return [...new Set(ids)].sort();
}

/** The agreements writer. */
export const agreementsWriter: KindWriter = {
  kind: 'agreements',
  async write(ctx, records, problems) {
    // The registry is read inside the import's transaction: a loader bound to the connection
    // of the import never waits for it (PGlite has one connection).
    const service = agreementsService(ctx.deps, snapshotLoader(ctx.deps));
    const repo = partnerRepository(ctx.deps.db);
    const partners = await repo.allPartners(ctx.scope.id);
    const agreements = await repo.allAgreements(ctx.scope.id);
    const links = await repo.agreementLinks(ctx.scope.id);
    const unitsOf = (id: string) =>
      links.units
        .filter((l) => l.agreement_id === id)
        .map((l) => l.target)
        .sort();
    const key = (partnerId: string, titleFr: string) =>
      `${partnerId}|${titleFr.trim().toLowerCase()}`;
    const byKey = new Map(agreements.map((a) => [key(a.partner_id, a.title_fr), a]));

    /** The partner a cell names, by SIREN or by name (which must then be unambiguous). */
    const partnerOf = (record: TypedRecord): string => {
      const text = textOf(record, 'partner');
      const digits = text.replace(/[\s.]/g, '');
      const matches = /^[0-9]{9}$/.test(digits)
        ? partners.filter((p) => p.siren === digits)
        : partners.filter((p) => p.name_key === partnerNameKey(text));
      if (matches.length > 1) {
        throw invalid('/partner', `several partners are named ${text}: give the SIREN`);
      }
      const found = matches[0];
      if (!found) throw invalid('/partner', `no partner named ${text}`);
      return found.id;
    };

    return writeEach<AgreementCreate>(
      ctx,
      records,
      problems,
      (record) => {
        const partnerId = partnerOf(record);
        const amount = numberOf(record, 'amount');
        const unitIds = unitIdsOf(ctx, record);
        const fields = {
          partnerId,
          kind: textOf(record, 'kind') as AgreementKind,
          title: { fr: textOf(record, 'title_fr'), en: textOf(record, 'title_en') },
          scale: textOf(record, 'scale') as Scale,
          ...(textOf(record, 'start_date') && { startDate: textOf(record, 'start_date') }),
          ...(textOf(record, 'end_date') && { endDate: textOf(record, 'end_date') }),
          ...(amount !== null && { amountCents: Math.round(amount * 100) }),
          ...(unitIds && { unitIds }),
        };
        const found = byKey.get(key(partnerId, fields.title.fr));
        if (!found) return { input: fields, existing: null };
        const current = {
          partnerId: found.partner_id,
          kind: found.kind,
          title: { fr: found.title_fr, en: found.title_en },
          scale: found.scale,
          startDate: found.start_date,
          endDate: found.end_date,
          amountCents: found.amount_cents,
          unitIds: unitsOf(found.id),
        };
        return {
          input: null,
          existing: { id: found.id, changes: differing<AgreementCreate>(fields, current) },
        };
      },
      (input) => service.createInTransaction(ctx.scope, input),
      async (id, changes) => {
        const row = await repo.findAgreement(ctx.scope.id, id);
        await service.updateInTransaction(
          ctx.scope,
          id,
          row ? agreementEtag(row) : undefined,
          changes,
        );
      },
      {
        column: 'title_fr',
        of: (record) =>
          `${textOf(record, 'partner').toLowerCase()}|${textOf(record, 'title_fr').toLowerCase()}`,
      },
    );
  },
};
