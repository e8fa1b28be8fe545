import type { FastifyReply } from 'fastify';
import { boundedMap, type BoundedMap } from '../domain/lru.ts';
/**
 * A small least-recently-used cache of serialised response bodies keyed by ETag: an unchanged
 * resource is sent as the bytes already produced by the route's response schema (its
 * allow-list), without building or serialising it again.
 */
export function bytesCache(size: number): BoundedMap<string, string> {
  return boundedMap<string, string>(size);
}

/** Sends bytes already serialised by a route's response schema, as JSON, without re-serialising. */
export function sendSerialized(reply: FastifyReply, body: string) {
  return reply
    .type('application/json; charset=utf-8')
    .serializer((payload: string) => payload)
    .send(body);
}

/** The text of what a route's serializer produced (Fastify types it as string or bytes). */
export function asText(serialized: string | ArrayBuffer | Buffer): string {
  if (typeof serialized === 'string') return serialized;
  return Buffer.from(serialized as ArrayBuffer).toString('utf8');
}
