/** Plan revisions: list, adopt, diff; mid-term reviews. */
import {
  PlanReview,
  Problem,
  ReviewStart,
  RevisionAdopt,
  RevisionDiffDto,
  RevisionDiffQuery,
  RevisionList,
  PlanRevision,
} from '../../contracts/index.ts';
import { PlanParams, problems } from '../schemas.ts';
import type { App, RouteContext } from '../types.ts';

const writeAnswers = { ...problems, 401: Problem, 403: Problem, 409: Problem } as const;

/** Registers the revision routes. */
export function revisionRoutes(app: App, ctx: RouteContext) {
  app.get(
    '/api/v1/plans/:planId/revisions',
    {
      schema: {
        tags: ['revisions'],
        operationId: 'listRevisions',
        summary: "A plan's adopted revisions, oldest first, and the review under way if any",
        params: PlanParams,
        response: { 200: RevisionList, ...problems },
      },
    },
    async (request) => ctx.services.revisions.list(await ctx.scope(request), request.params.planId),
  );

  app.post(
    '/api/v1/plans/:planId/revisions',
    {
      schema: {
        tags: ['revisions'],
        operationId: 'adoptRevision',
        summary:
          'Adopt the plan as it stands as a new revision (strategy office); every target changed since the previous revision needs a reason',
        params: PlanParams,
        body: RevisionAdopt,
        response: { 201: PlanRevision, ...writeAnswers },
      },
    },
    async (request, reply) => {
      const revision = await ctx.services.revisions.adopt(
        await ctx.scope(request),
        request.params.planId,
        request.body,
      );
      return reply.status(201).send(revision);
    },
  );

  app.get(
    '/api/v1/plans/:planId/revisions/diff',
    {
      schema: {
        tags: ['revisions'],
        operationId: 'diffRevisions',
        summary:
          'What changed between two revisions (or a revision and the plan now): elements added, removed, renamed, moved; targets changed with their reasons',
        params: PlanParams,
        querystring: RevisionDiffQuery,
        response: { 200: RevisionDiffDto, ...problems },
      },
    },
    async (request) =>
      ctx.services.revisions.diff(await ctx.scope(request), request.params.planId, request.query),
  );

  app.post(
    '/api/v1/plans/:planId/reviews',
    {
      schema: {
        tags: ['revisions'],
        operationId: 'startReview',
        summary:
          'Start a mid-term review from the current revision (strategy office); the next adoption ends it as a mid-term revision',
        params: PlanParams,
        body: ReviewStart,
        response: { 201: PlanReview, ...writeAnswers },
      },
    },
    async (request, reply) => {
      const review = await ctx.services.revisions.startReview(
        await ctx.scope(request),
        request.params.planId,
        request.body,
      );
      return reply.status(201).send(review);
    },
  );
}
