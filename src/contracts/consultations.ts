/** Contracts of stakeholder consultations: the builder, respondent links, answers, results, links. */
import Type, { type Static } from 'typebox';
import {
  ACCESS_MODES,
  AUDIENCES,
  CONSULTATION_STATES,
  MAX_TEXT_ANSWER,
  QUESTION_KINDS,
  RATING_SCALES,
} from '../domain/consultation.ts';
import { Bilingual, BilingualTitle, Code, ElementRef, Id, IsoDateTime, UnitRef } from './common.ts';

export const AudienceSchema = Type.Enum(AUDIENCES);
export const AccessModeSchema = Type.Enum(ACCESS_MODES);
export const QuestionKindSchema = Type.Enum(QUESTION_KINDS);
export const RatingScaleSchema = Type.Enum(RATING_SCALES);
export const ConsultationStateSchema = Type.Enum(CONSULTATION_STATES);

/** A respondent link's secret: 256 bits, base64url. */
export const RespondentToken = Type.String({
  minLength: 43,
  maxLength: 43,
  pattern: '^[A-Za-z0-9_-]{43}$',
  description: 'The secret of a respondent link (or of a shared link): 43 base64url characters',
});

/** A choice's label in both languages. */
const OptionLabel = Type.Object(
  {
    fr: Type.String({ minLength: 1, maxLength: 200 }),
    en: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

/** A question as the builder sends it. */
export const QuestionInput = Type.Object(
  {
    kind: QuestionKindSchema,
    prompt: BilingualTitle,
    required: Type.Optional(Type.Boolean()),
    scale: Type.Optional(RatingScaleSchema),
    options: Type.Optional(Type.Array(OptionLabel, { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export type QuestionInput = Static<typeof QuestionInput>;

/** A question of a questionnaire. */
export const Question = Type.Object({
  id: Id,
  position: Type.Integer(),
  kind: QuestionKindSchema,
  prompt: Bilingual,
  required: Type.Boolean(),
  scale: Type.Union([RatingScaleSchema, Type.Null()]),
  options: Type.Array(Bilingual),
});
export type Question = Static<typeof Question>;

const DateOrNull = Type.Union([IsoDateTime, Type.Null()]);

/** A consultation in lists and on element pages. */
export const ConsultationCard = Type.Object({
  id: Id,
  code: Type.String(),
  revision: Type.Integer(),
  title: Bilingual,
  unit: UnitRef,
  audience: AudienceSchema,
  access: AccessModeSchema,
  anonymous: Type.Boolean(),
  state: ConsultationStateSchema,
  opensAt: DateOrNull,
  closesAt: DateOrNull,
  responses: Type.Integer(),
});
export type ConsultationCard = Static<typeof ConsultationCard>;

/** A result serving a plan element: the whole consultation, or one of its questions. */
export const ConsultationLink = Type.Object({
  element: ElementRef,
  questionId: Type.Union([Id, Type.Null()]),
});
export type ConsultationLink = Static<typeof ConsultationLink>;

/** An action as a consultation lists those citing it. */
export const CitingAction = Type.Object({ id: Id, code: Type.String(), title: Bilingual });

export const ConsultationDetail = Type.Object({
  consultation: Type.Object({
    ...ConsultationCard.properties,
    description: Bilingual,
    status: Type.Union([Type.Literal('draft'), Type.Literal('published')]),
    previousId: Type.Union([Id, Type.Null()]),
    publishedAt: DateOrNull,
    questions: Type.Array(Question),
    version: Type.Integer(),
  }),
  etag: Type.String(),
  tokens: Type.Object({ issued: Type.Integer(), used: Type.Integer() }),
  /** Whether a shared link has been issued (its secret is shown once). */
  sharedLink: Type.Boolean(),
  links: Type.Array(ConsultationLink),
  citedBy: Type.Array(CitingAction),
});
export type ConsultationDetail = Static<typeof ConsultationDetail>;

const ConsultationFields = {
  title: BilingualTitle,
  description: Type.Optional(Bilingual),
  unitId: Id,
  audience: AudienceSchema,
  access: AccessModeSchema,
  anonymous: Type.Boolean(),
  opensAt: Type.Optional(DateOrNull),
  closesAt: Type.Optional(DateOrNull),
  questions: Type.Optional(Type.Array(QuestionInput, { maxItems: 50 })),
};

export const ConsultationCreate = Type.Object(
  { code: Code, ...ConsultationFields },
  { additionalProperties: false },
);
export type ConsultationCreate = Static<typeof ConsultationCreate>;

export const ConsultationUpdate = Type.Partial(
  Type.Object({ code: Code, ...ConsultationFields }, { additionalProperties: false }),
  { additionalProperties: false, minProperties: 1 },
);
export type ConsultationUpdate = Static<typeof ConsultationUpdate>;

export const ConsultationQuery = Type.Object({
  unitId: Type.Optional(Id),
  state: Type.Optional(ConsultationStateSchema),
});

/** Respondent links to issue: a number of anonymous ones, or one per label (identified). */
export const TokenRequest = Type.Object(
  {
    count: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    labels: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { minItems: 1, maxItems: 500 }),
    ),
  },
  { additionalProperties: false },
);
export type TokenRequest = Static<typeof TokenRequest>;

/** Issued links: each secret is shown this once (only its hash is stored). */
export const IssuedTokens = Type.Object({
  items: Type.Array(Type.Object({ token: RespondentToken, label: Type.String() })),
});
export type IssuedTokens = Static<typeof IssuedTokens>;

export const SharedLink = Type.Object({ token: RespondentToken });
export type SharedLink = Static<typeof SharedLink>;

export const LinksUpdate = Type.Object(
  {
    links: Type.Array(
      Type.Object(
        { elementId: Id, questionId: Type.Union([Id, Type.Null()]) },
        { additionalProperties: false },
      ),
      { maxItems: 200 },
    ),
  },
  { additionalProperties: false },
);
export type LinksUpdate = Static<typeof LinksUpdate>;

/** The results of one question. */
export const QuestionResult = Type.Object({
  question: Question,
  answered: Type.Integer(),
  mean: Type.Union([Type.Number(), Type.Null()]),
  /** Rating: counts per scale value from the minimum; choices: counts per option. */
  distribution: Type.Array(Type.Integer()),
  /** Free-text answers (plain text, never markup). */
  texts: Type.Array(Type.String()),
});
export type QuestionResult = Static<typeof QuestionResult>;

export const ConsultationResults = Type.Object({
  consultation: ConsultationCard,
  responses: Type.Integer(),
  questions: Type.Array(QuestionResult),
});
export type ConsultationResults = Static<typeof ConsultationResults>;

/** Every response, for the JSON export. */
export const ResponseExport = Type.Object({
  consultation: ConsultationCard,
  questions: Type.Array(Question),
  responses: Type.Array(
    Type.Object({
      id: Id,
      submittedAt: IsoDateTime,
      /** The respondent's label (identified consultations only). */
      respondent: Type.Union([Type.String(), Type.Null()]),
      answers: Type.Array(
        Type.Object({
          questionId: Id,
          rating: Type.Union([Type.Integer(), Type.Null()]),
          choices: Type.Union([Type.Array(Type.Integer()), Type.Null()]),
          text: Type.Union([Type.String(), Type.Null()]),
        }),
      ),
    }),
  ),
});
export type ResponseExport = Static<typeof ResponseExport>;

/** Results serving an element: per consultation, the linked questions' results. */
export const ElementConsultations = Type.Object({
  items: Type.Array(
    Type.Object({
      consultation: ConsultationCard,
      responses: Type.Integer(),
      /** Whether the whole consultation is linked (then every question is listed). */
      whole: Type.Boolean(),
      questions: Type.Array(QuestionResult),
    }),
  ),
});
export type ElementConsultations = Static<typeof ElementConsultations>;

export const ConsultationRefs = Type.Object({ items: Type.Array(ConsultationCard) });
export type ConsultationRefs = Static<typeof ConsultationRefs>;

export const CitationsUpdate = Type.Object(
  { consultationIds: Type.Array(Id, { maxItems: 50 }) },
  { additionalProperties: false },
);
export type CitationsUpdate = Static<typeof CitationsUpdate>;

/** The questionnaire as a respondent sees it. */
export const PublicQuestionnaire = Type.Object({
  title: Bilingual,
  description: Bilingual,
  unitName: Bilingual,
  audience: AudienceSchema,
  access: AccessModeSchema,
  anonymous: Type.Boolean(),
  state: ConsultationStateSchema,
  opensAt: DateOrNull,
  closesAt: DateOrNull,
  /** This respondent link has already been used to answer. */
  answered: Type.Boolean(),
  /** For identified consultations: who the link was issued to. */
  respondent: Type.Union([Type.String(), Type.Null()]),
  questions: Type.Array(Question),
});
export type PublicQuestionnaire = Static<typeof PublicQuestionnaire>;

export const AnswerSubmission = Type.Object(
  {
    answers: Type.Array(
      Type.Object(
        {
          questionId: Id,
          rating: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
          choices: Type.Optional(
            Type.Array(Type.Integer({ minimum: 0, maximum: 19 }), { maxItems: 20 }),
          ),
          text: Type.Optional(Type.String({ maxLength: MAX_TEXT_ANSWER })),
        },
        { additionalProperties: false },
      ),
      { maxItems: 50 },
    ),
  },
  { additionalProperties: false },
);
export type AnswerSubmission = Static<typeof AnswerSubmission>;

export const AnswerReceipt = Type.Object({ received: Type.Boolean() });
