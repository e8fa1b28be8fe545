/**
 * Contacts of partners — personal data under the GDPR. Each records why it is kept (purpose)
 * and on which legal basis. Only the strategy office, the admin and editors of a school involved
 * in one of the partner's agreements see or change them; the office and the admin answer a
 * person's requests: export everything about them, or erase them. The audit trail refers to a
 * contact by id and never holds a personal field: those are redacted in before and after.
 */
import type {
  Contact,
  ContactCreate,
  ContactDetail,
  ContactExport,
  ContactUpdate,
} from '../../contracts/index.ts';
import type { LegalBasis } from '../../domain/partners.ts';
import {
  canEraseContact,
  canExportContact,
  canReadContacts,
  canWriteContacts,
  mayHandleContacts,
} from '../../domain/partner-access.ts';
import { contactRepository } from '../../db/repositories/contact.repository.ts';
import { partnerRepository } from '../../db/repositories/partner.repository.ts';
import { auditRepository } from '../../db/repositories/audit.repository.ts';
import type { ServiceDeps, WorkspaceScope } from '../context.ts';
import { notFound } from '../errors.ts';
import { versionEtag } from '../etags.ts';
import { allow } from '../guard.ts';
import { audit } from '../audit.ts';
import { auditDto } from '../audit.service.ts';
import { checkIfMatch, staleWrite } from '../preconditions.ts';
import { partnerRef } from './registry.ts';

type ContactRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof contactRepository>['findById']>>
>;

export const contactEtag = (row: { id: string; version: number }) => versionEtag('c', row);

/** The personal fields of a contact: never written to the audit trail. */
export const PERSONAL_FIELDS = ['full_name', 'email', 'phone', 'job_title', 'note'] as const;

/** A contact as the audit trail keeps it: by id, each personal field redacted (set or empty). */
export function redactedContact(row: ContactRow | undefined): Record<string, unknown> | null {
  if (!row) return null;
  const copy: Record<string, unknown> = { ...row };
  for (const field of PERSONAL_FIELDS) {
    const value = row[field];
    copy[field] = value === null || value === '' ? value : '[redacted]';
  }
  return copy;
}

const iso = (value: Date | string | null) =>
  value === null ? null : new Date(value).toISOString();

/** A contact as the API shows it. */
export function contactDto(row: ContactRow): Contact {
  return {
    id: row.id,
    partnerId: row.partner_id,
    fullName: row.full_name,
    email: row.email,
    phone: row.phone,
    jobTitle: row.job_title,
    note: row.note,
    purpose: row.purpose,
    legalBasis: row.legal_basis as LegalBasis,
    erasedAt: iso(row.erased_at),
    createdAt: iso(row.created_at) ?? '',
    updatedAt: iso(row.updated_at) ?? '',
    version: row.version,
  };
}

/** Creates the contact service. */
export function contactsService(deps: ServiceDeps) {
  const contacts = contactRepository(deps.db);
  const partners = partnerRepository(deps.db);

  /** Refuses principals that never handle contacts (governance, contributors, the public). */
  function handles(scope: WorkspaceScope) {
    allow(scope, mayHandleContacts(scope.principal), "see partners' contacts");
  }

  /** The contact and its partner, or 404 when missing or not the reader's to see. */
  async function readable(scope: WorkspaceScope, id: string) {
    handles(scope);
    const row = await contacts.findById(scope.id, id);
    if (!row) throw notFound('Contact');
    const involved = await partners.involvedUnits(scope.id, row.partner_id);
    if (!canReadContacts(scope.principal, involved)) throw notFound('Contact');
    const partner = await partners.findPartner(scope.id, row.partner_id);
    if (!partner) throw notFound('Contact');
    return { row, partner, involved };
  }

  async function detail(scope: WorkspaceScope, id: string): Promise<ContactDetail> {
    const { row, partner } = await readable(scope, id);
    return { contact: contactDto(row), etag: contactEtag(row), partner: partnerRef(partner) };
  }

  function columns(input: ContactUpdate) {
    return {
      ...(input.fullName !== undefined && { full_name: input.fullName }),
      ...(input.email !== undefined && { email: input.email }),
      ...(input.phone !== undefined && { phone: input.phone }),
      ...(input.jobTitle !== undefined && { job_title: input.jobTitle }),
      ...(input.note !== undefined && { note: input.note }),
      ...(input.purpose !== undefined && { purpose: input.purpose }),
      ...(input.legalBasis !== undefined && { legal_basis: input.legalBasis }),
    };
  }

  return {
    detail,

    async listOfPartner(scope: WorkspaceScope, partnerId: string): Promise<Contact[]> {
      handles(scope);
      if (!(await partners.findPartner(scope.id, partnerId))) throw notFound('Partner');
      const involved = await partners.involvedUnits(scope.id, partnerId);
      allow(scope, canReadContacts(scope.principal, involved), "see this partner's contacts");
      return (await contacts.byPartner(scope.id, partnerId)).map(contactDto);
    },

    async create(
      scope: WorkspaceScope,
      partnerId: string,
      input: ContactCreate,
    ): Promise<ContactDetail> {
      handles(scope);
      const id = await deps.db.transaction().execute(async (trx) => {
        const tx = partnerRepository(trx);
        if (!(await tx.findPartner(scope.id, partnerId))) throw notFound('Partner');
        const involved = await tx.involvedUnits(scope.id, partnerId);
        allow(scope, canWriteContacts(scope.principal, involved), "record this partner's contacts");
        const repo = contactRepository(trx);
        const { id: newId } = await repo.insert({
          workspace_id: scope.id,
          partner_id: partnerId,
          email: input.email ?? null,
          purpose: input.purpose,
          legal_basis: input.legalBasis,
          erased_at: null,
          ...columns(input),
        });
        await audit(trx, scope, {
          entityType: 'contact',
          entityId: newId,
          action: 'create',
          after: redactedContact(await repo.findById(scope.id, newId)),
        });
        return newId;
      });
      return detail(scope, id);
    },

    async update(
      scope: WorkspaceScope,
      id: string,
      ifMatch: string | undefined,
      input: ContactUpdate,
    ): Promise<ContactDetail> {
      const { row, involved } = await readable(scope, id);
      allow(scope, canWriteContacts(scope.principal, involved), 'change this contact');
      if (row.erased_at !== null) throw notFound('Contact');
      await deps.db.transaction().execute(async (trx) => {
        const repo = contactRepository(trx);
        const current = await repo.findById(scope.id, id);
        if (!current || current.erased_at !== null) throw notFound('Contact');
        const version = checkIfMatch('c', id, current.version, ifMatch, 'contact');
        const updated = await repo.updateIfVersion(scope.id, id, version, columns(input));
        if (!updated) throw staleWrite('contact');
        await audit(trx, scope, {
          entityType: 'contact',
          entityId: id,
          action: 'update',
          before: redactedContact(current),
          after: redactedContact(await repo.findById(scope.id, id)),
        });
      });
      return detail(scope, id);
    },

    /** Everything held about one contact: the record, its partner, its (redacted) history. */
    async export(scope: WorkspaceScope, id: string): Promise<ContactExport> {
      allow(scope, canExportContact(scope.principal), 'export contacts');
      const { row, partner } = await readable(scope, id);
      const history = await auditRepository(deps.db).history(scope.id, 'contact', id, 1000);
      return {
        exportedAt: deps.now().toISOString(),
        contact: contactDto(row),
        partner: partnerRef(partner),
        history: history.map(auditDto),
      };
    },

    /**
     * Erases a contact on the person's request: every personal field blanked in place (the
     * record stays, by id, with its purpose and legal basis). Erasing twice changes nothing.
     */
    async erase(scope: WorkspaceScope, id: string): Promise<ContactDetail> {
      allow(scope, canEraseContact(scope.principal), 'erase contacts');
      await readable(scope, id);
      await deps.db.transaction().execute(async (trx) => {
        const repo = contactRepository(trx);
        const current = await repo.findById(scope.id, id);
        if (!current) throw notFound('Contact');
        if (current.erased_at !== null) return;
        await repo.erase(scope.id, id, deps.now());
        await audit(trx, scope, {
          entityType: 'contact',
          entityId: id,
          action: 'erase',
          before: redactedContact(current),
          after: redactedContact(await repo.findById(scope.id, id)),
        });
      });
      return detail(scope, id);
    },
  };
}
