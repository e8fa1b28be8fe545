/**
 * The public side of consultations: a respondent without an account opens the questionnaire of
 * a link and answers it. No session is needed; the CSRF check (Origin, JSON only) applies as to
 * every write, and each client address is rate-limited.
 */
import Type from 'typebox';
import {
  AnswerReceipt,
  AnswerSubmission,
  Problem,
  PublicQuestionnaire,
  RespondentToken,
} from '../../contracts/index.ts';
import { sendProblem } from '../errors.ts';
import { fixedWindowLimiter, type Limiter } from '../rate-limit.ts';
import { problems } from '../schemas.ts';
import type { App, RouteContext } from '../types.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Reads of questionnaires per client address and minute. */
export const PUBLIC_READS_PER_MINUTE = 120;
/** Answers sent per client address and minute (a class behind one address can still answer). */
export const PUBLIC_ANSWERS_PER_MINUTE = 30;

const TokenParams = Type.Object({ token: RespondentToken });
const publicProblems = { ...problems, 409: Problem, 429: Problem } as const;

function throttled(limiter: Limiter, request: FastifyRequest, reply: FastifyReply) {
  const wait = limiter.hit(request.ip);
  if (wait === 0) return null;
  request.log.warn({ event: 'consultation.rate_limited' }, 'public consultation rate limit');
  void reply.header('Retry-After', String(wait));
  return sendProblem(
    reply,
    request,
    429,
    'rate_limited',
    'Too many requests from this address; try again in a minute',
  );
}

/** Registers the public consultation routes. */
export function publicConsultationRoutes(app: App, ctx: RouteContext) {
  const reads = fixedWindowLimiter(PUBLIC_READS_PER_MINUTE, 60_000);
  const answers = fixedWindowLimiter(PUBLIC_ANSWERS_PER_MINUTE, 60_000);

  app.get(
    '/api/v1/consult/:token',
    {
      schema: {
        tags: ['consultations'],
        operationId: 'getPublicQuestionnaire',
        summary: 'The questionnaire a respondent link opens (no account needed)',
        params: TokenParams,
        response: { 200: PublicQuestionnaire, ...publicProblems },
      },
    },
    async (request, reply) => {
      const refused = throttled(reads, request, reply);
      if (refused) return refused;
      return ctx.services.consultationRespond.questionnaire(
        await ctx.scope(request),
        request.params.token,
      );
    },
  );

  app.post(
    '/api/v1/consult/:token/responses',
    {
      schema: {
        tags: ['consultations'],
        operationId: 'answerConsultation',
        summary:
          'Answer a consultation through its link (no account needed); one answer per respondent link',
        params: TokenParams,
        body: AnswerSubmission,
        response: { 201: AnswerReceipt, ...publicProblems },
      },
    },
    async (request, reply) => {
      const refused = throttled(answers, request, reply);
      if (refused) return refused;
      await ctx.services.consultationRespond.submit(
        await ctx.scope(request),
        request.params.token,
        request.body,
      );
      return reply.status(201).send({ received: true });
    },
  );
}
