/** Contracts of accounts, sessions, API tokens and the audit trail. */
import Type, { type Static } from 'typebox';
import { ROLES } from '../domain/access.ts';
import { Id } from './common.ts';

export const RoleSchema = Type.Enum(ROLES);
const Email = Type.String({ minLength: 3, maxLength: 254, format: 'email' });
const Password = Type.String({ minLength: 1, maxLength: 1024 });

export const LoginBody = Type.Object(
  { email: Email, password: Password },
  { additionalProperties: false },
);

/** The signed-in account as the API shows it (never a password hash). */
export const User = Type.Object({
  id: Id,
  email: Type.String(),
  displayName: Type.String(),
  role: RoleSchema,
  locale: Type.Union([Type.Literal('fr'), Type.Literal('en')]),
  unitIds: Type.Array(Id),
  disabled: Type.Boolean(),
  lastLoginAt: Type.Union([Type.String(), Type.Null()]),
  version: Type.Integer(),
  etag: Type.String(),
});
export type User = Static<typeof User>;

/** Who is asking, and what the interface may offer them. */
export const Me = Type.Object({
  authenticated: Type.Boolean(),
  user: Type.Union([User, Type.Null()]),
  role: Type.String(),
  unitIds: Type.Array(Id),
  readOnly: Type.Boolean(),
  can: Type.Object({
    manageUsers: Type.Boolean(),
    editStructure: Type.Boolean(),
    write: Type.Boolean(),
    exportAudit: Type.Boolean(),
  }),
  /** Sign-in methods offered. */
  providers: Type.Object({
    password: Type.Boolean(),
    oidc: Type.Boolean(),
    oidcLabel: Type.String(),
  }),
  /** True while no administrator exists: the setup link (printed by the server) creates one. */
  setupPending: Type.Boolean(),
});
export type Me = Static<typeof Me>;

export const SessionInfo = Type.Object({
  id: Type.String({ description: 'A short fingerprint of the session, not its secret' }),
  createdAt: Type.String(),
  lastSeenAt: Type.String(),
  expiresAt: Type.String(),
  userAgent: Type.String(),
  current: Type.Boolean(),
});

export const TokenInfo = Type.Object({
  id: Id,
  name: Type.String(),
  scope: Type.Union([Type.Literal('read'), Type.Literal('write')]),
  expiresAt: Type.String(),
  createdAt: Type.String(),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
  revoked: Type.Boolean(),
});

export const TokenCreate = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    scope: Type.Union([Type.Literal('read'), Type.Literal('write')]),
    expiresInDays: Type.Integer({ minimum: 1, maximum: 366 }),
  },
  { additionalProperties: false },
);
export const TokenCreated = Type.Object({
  id: Id,
  name: Type.String(),
  scope: Type.String(),
  expiresAt: Type.String(),
  token: Type.String({ description: 'Shown once: store it now' }),
});

export const PasswordChange = Type.Object(
  { current: Password, next: Password },
  { additionalProperties: false },
);
export const LinkAccept = Type.Object(
  {
    token: Type.String({ minLength: 10, maxLength: 200 }),
    password: Password,
    displayName: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export const SetupBody = Type.Object(
  { token: Type.String({ minLength: 10, maxLength: 200 }), email: Email, password: Password },
  { additionalProperties: false },
);
export const ResetBody = Type.Object(
  { token: Type.String({ minLength: 10, maxLength: 200 }), password: Password },
  { additionalProperties: false },
);

export const UserCreate = Type.Object(
  {
    email: Email,
    role: RoleSchema,
    unitIds: Type.Optional(Type.Array(Id, { maxItems: 100 })),
    displayName: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export const UserUpdate = Type.Object(
  {
    role: Type.Optional(RoleSchema),
    unitIds: Type.Optional(Type.Array(Id, { maxItems: 100 })),
    displayName: Type.Optional(Type.String({ maxLength: 200 })),
    disabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const Assignments = Type.Object(
  {
    elementIds: Type.Array(Id, { maxItems: 500 }),
    indicatorIds: Type.Array(Id, { maxItems: 500 }),
    actionIds: Type.Array(Id, { maxItems: 500 }),
  },
  { additionalProperties: false },
);
export const OneTimeLink = Type.Object({
  token: Type.String(),
  url: Type.String({ description: 'Path of the page that uses the link' }),
  expiresAt: Type.String(),
});

export const AuditEvent = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actor: Type.String(),
  actorUserId: Type.Union([Id, Type.Null()]),
  unitId: Type.Union([Id, Type.Null()]),
  entityType: Type.String(),
  entityId: Type.String(),
  action: Type.String(),
  before: Type.Unknown(),
  after: Type.Unknown(),
  requestId: Type.String(),
});
export type AuditEvent = Static<typeof AuditEvent>;
