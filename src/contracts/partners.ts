/** Contracts of the partner registry: partners, agreements and contacts (personal data). */
import Type, { type Static } from 'typebox';
import {
  AGREEMENT_KINDS,
  LEGAL_BASES,
  PARTNER_KINDS,
  PROGRAMMES,
  SCALES,
} from '../domain/partners.ts';
import { ActionCard } from './actions.ts';
import { AuditEvent } from './auth.ts';
import {
  Bilingual,
  BilingualTitle,
  ElementRef,
  Id,
  IsoDate,
  ProvenanceSchema,
  UnitRef,
} from './common.ts';

export const PartnerKindSchema = Type.Enum(PARTNER_KINDS);
export const AgreementKindSchema = Type.Enum(AGREEMENT_KINDS);
export const ScaleSchema = Type.Enum(SCALES);
export const LegalBasisSchema = Type.Enum(LEGAL_BASES);
export const ProgrammeSchema = Type.Enum(PROGRAMMES);

/** An amount in euro cents (an integer: money is never a floating-point number). */
export const Cents = Type.Integer({
  minimum: 0,
  maximum: 100_000_000_000_000,
  description: 'Amount in euro cents',
});
const NullableDate = Type.Union([Type.String(), Type.Null()]);

/** Sums of funding amounts; the execution rate is spent / planned. */
export const Totals = Type.Object({
  plannedCents: Type.Integer(),
  committedCents: Type.Integer(),
  spentCents: Type.Integer(),
  executionRate: Type.Union([Type.Number(), Type.Null()]),
});
export type Totals = Static<typeof Totals>;

/** A partner as other resources refer to it. */
export const PartnerRef = Type.Object({
  id: Id,
  name: Type.String(),
  kind: PartnerKindSchema,
  country: Type.String(),
});
export type PartnerRef = Static<typeof PartnerRef>;

export const Partner = Type.Object({
  id: Id,
  name: Type.String(),
  kind: PartnerKindSchema,
  country: Type.String(),
  region: Type.String(),
  city: Type.String(),
  siren: Type.Union([Type.String(), Type.Null()]),
  website: Type.String(),
  description: Type.String(),
  provenance: ProvenanceSchema,
  version: Type.Integer(),
});
export type Partner = Static<typeof Partner>;

/** A partner in the directory: what its visible agreements add up to. */
export const PartnerCard = Type.Object({
  ...PartnerRef.properties,
  region: Type.String(),
  city: Type.String(),
  siren: Type.Union([Type.String(), Type.Null()]),
  provenance: ProvenanceSchema,
  agreementCount: Type.Integer(),
  scales: Type.Array(ScaleSchema),
  units: Type.Array(UnitRef),
});
export type PartnerCard = Static<typeof PartnerCard>;

export const CountByKey = Type.Object({ key: Type.String(), count: Type.Integer() });

export const PartnerDirectory = Type.Object({
  items: Type.Array(PartnerCard),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
  /** Over every partner of the filtered list (not only this page). */
  byRegion: Type.Array(CountByKey),
  byScale: Type.Array(CountByKey),
  byKind: Type.Array(CountByKey),
});
export type PartnerDirectory = Static<typeof PartnerDirectory>;

export const PartnerQuery = Type.Object({
  kind: Type.Optional(PartnerKindSchema),
  scale: Type.Optional(ScaleSchema),
  unitId: Type.Optional(Id),
  elementId: Type.Optional(Id),
  region: Type.Optional(Type.String({ maxLength: 100 })),
  country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
  q: Type.Optional(Type.String({ maxLength: 200 })),
});

const PartnerFields = {
  name: Type.String({ minLength: 1, maxLength: 300 }),
  kind: PartnerKindSchema,
  country: Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 code' }),
  region: Type.Optional(Type.String({ maxLength: 100 })),
  city: Type.Optional(Type.String({ maxLength: 100 })),
  siren: Type.Optional(
    Type.Union([
      Type.String({ pattern: '^[0-9]{9}$', description: 'French SIREN (nine digits, Luhn key)' }),
      Type.Null(),
    ]),
  ),
  website: Type.Optional(
    Type.String({
      maxLength: 500,
      pattern: '^(https?://[^\\s<>"]+)?$',
      description: 'http(s) URL',
    }),
  ),
  description: Type.Optional(Type.String({ maxLength: 4000 })),
  provenance: Type.Optional(ProvenanceSchema),
};

export const PartnerCreate = Type.Object(PartnerFields, { additionalProperties: false });
export type PartnerCreate = Static<typeof PartnerCreate>;

export const PartnerUpdate = Type.Partial(
  Type.Object(PartnerFields, { additionalProperties: false }),
  { additionalProperties: false, minProperties: 1 },
);
export type PartnerUpdate = Static<typeof PartnerUpdate>;

export const DuplicateReasonSchema = Type.Union([Type.Literal('siren'), Type.Literal('name')]);

export const DuplicatePair = Type.Object({
  a: PartnerRef,
  b: PartnerRef,
  reason: DuplicateReasonSchema,
});
export type DuplicatePair = Static<typeof DuplicatePair>;

export const MergeBody = Type.Object(
  { duplicateId: Type.String({ format: 'uuid', description: 'The partner merged into this one' }) },
  { additionalProperties: false },
);
export type MergeBody = Static<typeof MergeBody>;

/** An agreement in lists. */
export const AgreementCard = Type.Object({
  id: Id,
  partner: PartnerRef,
  kind: AgreementKindSchema,
  title: Bilingual,
  startDate: NullableDate,
  endDate: NullableDate,
  amountCents: Type.Union([Type.Integer(), Type.Null()]),
  scale: ScaleSchema,
  provenance: ProvenanceSchema,
  units: Type.Array(UnitRef),
});
export type AgreementCard = Static<typeof AgreementCard>;

export const Agreement = Type.Object({
  id: Id,
  partnerId: Id,
  kind: AgreementKindSchema,
  title: Bilingual,
  description: Bilingual,
  startDate: NullableDate,
  endDate: NullableDate,
  amountCents: Type.Union([Type.Integer(), Type.Null()]),
  scale: ScaleSchema,
  provenance: ProvenanceSchema,
  unitIds: Type.Array(Id),
  elementIds: Type.Array(Id),
  actionIds: Type.Array(Id),
  indicatorIds: Type.Array(Id),
  version: Type.Integer(),
});
export type Agreement = Static<typeof Agreement>;

export const IndicatorRef = Type.Object({ id: Id, code: Type.String(), name: Bilingual });

const AgreementFields = {
  partnerId: Id,
  kind: AgreementKindSchema,
  title: BilingualTitle,
  description: Type.Optional(Bilingual),
  startDate: Type.Optional(Type.Union([IsoDate, Type.Null()])),
  endDate: Type.Optional(Type.Union([IsoDate, Type.Null()])),
  amountCents: Type.Optional(Type.Union([Cents, Type.Null()])),
  scale: ScaleSchema,
  provenance: Type.Optional(ProvenanceSchema),
  unitIds: Type.Optional(Type.Array(Id, { maxItems: 50 })),
  elementIds: Type.Optional(Type.Array(Id, { maxItems: 100 })),
  actionIds: Type.Optional(Type.Array(Id, { maxItems: 100 })),
  indicatorIds: Type.Optional(Type.Array(Id, { maxItems: 100 })),
};

export const AgreementCreate = Type.Object(AgreementFields, { additionalProperties: false });
export type AgreementCreate = Static<typeof AgreementCreate>;

export const AgreementUpdate = Type.Partial(
  Type.Object(AgreementFields, { additionalProperties: false }),
  { additionalProperties: false, minProperties: 1 },
);
export type AgreementUpdate = Static<typeof AgreementUpdate>;

export const AgreementQuery = Type.Object({
  partnerId: Type.Optional(Id),
  unitId: Type.Optional(Id),
  elementId: Type.Optional(Id),
  scale: Type.Optional(ScaleSchema),
  kind: Type.Optional(AgreementKindSchema),
});

/** A contact's record. Personal fields are blank once the contact is erased. */
export const Contact = Type.Object({
  id: Id,
  partnerId: Id,
  fullName: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  phone: Type.String(),
  jobTitle: Type.String(),
  note: Type.String(),
  purpose: Type.String(),
  legalBasis: LegalBasisSchema,
  erasedAt: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  version: Type.Integer(),
});
export type Contact = Static<typeof Contact>;

const ContactFields = {
  fullName: Type.String({ minLength: 1, maxLength: 200 }),
  email: Type.Optional(
    Type.Union([Type.String({ format: 'email', minLength: 3, maxLength: 254 }), Type.Null()]),
  ),
  phone: Type.Optional(Type.String({ maxLength: 40, pattern: '^[0-9+(). -]*$' })),
  jobTitle: Type.Optional(Type.String({ maxLength: 200 })),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
  purpose: Type.String({
    minLength: 1,
    maxLength: 1000,
    description: 'Why this person is recorded (GDPR purpose of processing)',
  }),
  legalBasis: LegalBasisSchema,
};

export const ContactCreate = Type.Object(ContactFields, { additionalProperties: false });
export type ContactCreate = Static<typeof ContactCreate>;

export const ContactUpdate = Type.Partial(
  Type.Object(ContactFields, { additionalProperties: false }),
  { additionalProperties: false, minProperties: 1 },
);
export type ContactUpdate = Static<typeof ContactUpdate>;

export const ContactDetail = Type.Object({
  contact: Contact,
  etag: Type.String(),
  partner: PartnerRef,
});
export type ContactDetail = Static<typeof ContactDetail>;

/** Everything Strata holds about one contact (GDPR right of access and portability). */
export const ContactExport = Type.Object({
  exportedAt: Type.String(),
  contact: Contact,
  partner: PartnerRef,
  /** The audit trail of the contact: by id, personal fields redacted. */
  history: Type.Array(AuditEvent),
});
export type ContactExport = Static<typeof ContactExport>;

/** One year of a funding line. */
export const FundingAmount = Type.Object(
  {
    year: Type.Integer({ minimum: 1900, maximum: 2200 }),
    plannedCents: Cents,
    committedCents: Cents,
    spentCents: Cents,
  },
  { additionalProperties: false },
);
export type FundingAmount = Static<typeof FundingAmount>;

export const FundingLineCard = Type.Object({
  id: Id,
  title: Bilingual,
  programme: ProgrammeSchema,
  funder: Type.String(),
  funderPartner: Type.Union([PartnerRef, Type.Null()]),
  unit: Type.Union([UnitRef, Type.Null()]),
  cofinancingRate: Type.Union([Type.Number(), Type.Null()]),
  provenance: ProvenanceSchema,
  totals: Totals,
});
export type FundingLineCard = Static<typeof FundingLineCard>;

export const FundingLine = Type.Object({
  id: Id,
  title: Bilingual,
  programme: ProgrammeSchema,
  funder: Type.String(),
  funderPartnerId: Type.Union([Id, Type.Null()]),
  unitId: Type.Union([Id, Type.Null()]),
  agreementId: Type.Union([Id, Type.Null()]),
  cofinancingRate: Type.Union([Type.Number(), Type.Null()]),
  provenance: ProvenanceSchema,
  actionIds: Type.Array(Id),
  amounts: Type.Array(FundingAmount),
  version: Type.Integer(),
});
export type FundingLine = Static<typeof FundingLine>;

export const FundingLineDetail = Type.Object({
  fundingLine: FundingLine,
  etag: Type.String(),
  card: FundingLineCard,
  actions: Type.Array(ActionCard),
  agreement: Type.Union([AgreementCard, Type.Null()]),
});
export type FundingLineDetail = Static<typeof FundingLineDetail>;

const FundingFields = {
  title: BilingualTitle,
  programme: ProgrammeSchema,
  funder: Type.String({ minLength: 1, maxLength: 300 }),
  funderPartnerId: Type.Optional(Type.Union([Id, Type.Null()])),
  unitId: Type.Optional(Type.Union([Id, Type.Null()])),
  agreementId: Type.Optional(Type.Union([Id, Type.Null()])),
  cofinancingRate: Type.Optional(
    Type.Union([Type.Number({ minimum: 0, maximum: 100 }), Type.Null()]),
  ),
  provenance: Type.Optional(ProvenanceSchema),
  actionIds: Type.Optional(Type.Array(Id, { maxItems: 100 })),
  amounts: Type.Optional(Type.Array(FundingAmount, { maxItems: 60 })),
};

export const FundingLineCreate = Type.Object(FundingFields, { additionalProperties: false });
export type FundingLineCreate = Static<typeof FundingLineCreate>;

export const FundingLineUpdate = Type.Partial(
  Type.Object(FundingFields, { additionalProperties: false }),
  { additionalProperties: false, minProperties: 1 },
);
export type FundingLineUpdate = Static<typeof FundingLineUpdate>;

export const FundingQuery = Type.Object({
  programme: Type.Optional(ProgrammeSchema),
  unitId: Type.Optional(Id),
  elementId: Type.Optional(Id),
  actionId: Type.Optional(Id),
  partnerId: Type.Optional(Id),
});

/** Budget execution, by priority, school, funder, programme and year. */
export const FundingExecution = Type.Object({
  year: Type.Union([Type.Integer(), Type.Null()]),
  years: Type.Array(Type.Integer()),
  totals: Totals,
  byPriority: Type.Array(
    Type.Object({ element: Type.Union([ElementRef, Type.Null()]), totals: Totals }),
  ),
  bySchool: Type.Array(Type.Object({ unit: Type.Union([UnitRef, Type.Null()]), totals: Totals })),
  byFunder: Type.Array(
    Type.Object({
      funder: Type.String(),
      partner: Type.Union([PartnerRef, Type.Null()]),
      totals: Totals,
    }),
  ),
  byProgramme: Type.Array(Type.Object({ programme: ProgrammeSchema, totals: Totals })),
  byYear: Type.Array(Type.Object({ year: Type.Integer(), totals: Totals })),
});
export type FundingExecution = Static<typeof FundingExecution>;

export const ExecutionQuery = Type.Object({
  year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2200 })),
});

/** What serves a plan element: its partners, agreements and funding. */
export const ElementPartnerships = Type.Object({
  element: ElementRef,
  partners: Type.Array(PartnerRef),
  agreements: Type.Array(AgreementCard),
  fundingLines: Type.Array(FundingLineCard),
  totals: Totals,
});
export type ElementPartnerships = Static<typeof ElementPartnerships>;

export const AgreementDetail = Type.Object({
  agreement: Agreement,
  etag: Type.String(),
  card: AgreementCard,
  elements: Type.Array(ElementRef),
  actions: Type.Array(ActionCard),
  indicators: Type.Array(IndicatorRef),
  fundingLines: Type.Array(FundingLineCard),
});
export type AgreementDetail = Static<typeof AgreementDetail>;

export const PartnerDetail = Type.Object({
  partner: Partner,
  etag: Type.String(),
  agreements: Type.Array(AgreementCard),
  fundingLines: Type.Array(FundingLineCard),
  /** Null when the reader may not see this partner's contacts. */
  contacts: Type.Union([Type.Array(Contact), Type.Null()]),
  duplicates: Type.Array(Type.Object({ partner: PartnerRef, reason: DuplicateReasonSchema })),
});
export type PartnerDetail = Static<typeof PartnerDetail>;
