/** Account administration: list, create, invite, change role and units, disable, reset links. */
import Type from 'typebox';
import {
  Assignments,
  OneTimeLink,
  Problem,
  User,
  UserCreate,
  UserUpdate,
} from '../../contracts/index.ts';
import { IdParams, IfMatchHeaders, problems, writeProblems } from '../schemas.ts';
import type { App, RouteContext } from '../types.ts';

const adminProblems = { ...problems, 401: Problem, 403: Problem } as const;
const adminWriteProblems = { ...writeProblems, 401: Problem, 403: Problem } as const;

/** Registers the /api/v1/users routes. */
export function userRoutes(app: App, ctx: RouteContext) {
  app.get(
    '/api/v1/users',
    {
      schema: {
        tags: ['users'],
        operationId: 'listUsers',
        summary: 'Accounts of the workspace',
        response: { 200: Type.Object({ items: Type.Array(User) }), ...adminProblems },
      },
    },
    async (request) => ({ items: await ctx.services.users.list(await ctx.scope(request)) }),
  );

  app.post(
    '/api/v1/users/invitations',
    {
      schema: {
        tags: ['users'],
        operationId: 'inviteUser',
        summary: 'Invite someone: a one-time link to create their account with a role and units',
        body: UserCreate,
        response: { 201: OneTimeLink, ...adminWriteProblems },
      },
    },
    async (request, reply) => {
      const link = await ctx.services.users.invite(await ctx.scope(request), request.body);
      return reply.status(201).send({
        token: link.token,
        url: `/invitation#token=${link.token}`,
        expiresAt: link.expiresAt.toISOString(),
      });
    },
  );

  app.get(
    '/api/v1/users/:id',
    {
      schema: {
        tags: ['users'],
        operationId: 'getUser',
        summary: 'One account',
        params: IdParams,
        response: { 200: User, ...adminProblems },
      },
    },
    async (request, reply) => {
      const user = await ctx.services.users.get(await ctx.scope(request), request.params.id);
      void reply.header('ETag', user.etag);
      return user;
    },
  );

  app.patch(
    '/api/v1/users/:id',
    {
      schema: {
        tags: ['users'],
        operationId: 'updateUser',
        summary: 'Change role, units or name, or disable (ends every session and token at once)',
        params: IdParams,
        headers: IfMatchHeaders,
        body: UserUpdate,
        response: { 200: User, ...adminWriteProblems },
      },
    },
    async (request, reply) => {
      const user = await ctx.services.users.update(
        await ctx.scope(request),
        request.params.id,
        request.headers['if-match'],
        request.body,
      );
      void reply.header('ETag', user.etag);
      return user;
    },
  );

  app.put(
    '/api/v1/users/:id/assignments',
    {
      schema: {
        tags: ['users'],
        operationId: 'setAssignments',
        summary: "Set a contributor's elements, indicators and actions",
        params: IdParams,
        body: Assignments,
        response: { 200: Type.Object({ ok: Type.Literal(true) }), ...adminWriteProblems },
      },
    },
    async (request) => {
      await ctx.services.users.assign(await ctx.scope(request), request.params.id, request.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/users/:id/reset-link',
    {
      schema: {
        tags: ['users'],
        operationId: 'createResetLink',
        summary: 'A one-time link for the account to set a new password',
        params: IdParams,
        response: { 201: OneTimeLink, ...adminWriteProblems },
      },
    },
    async (request, reply) => {
      const link = await ctx.services.users.resetLink(await ctx.scope(request), request.params.id);
      return reply.status(201).send({
        token: link.token,
        url: `/reset-password#token=${link.token}`,
        expiresAt: link.expiresAt.toISOString(),
      });
    },
  );
}
