import type { FastifyReply } from 'fastify';
import { boundedMap, type BoundedMap } from '../domain/lru.ts';

/**
 * A small least-recently-used cache of serialised response bodies keyed by ETag: an unchanged
 * resource is sent as the bytes already produced by the route's response schema (its
 * allow-list), without building, serialising or even encoding it again.
 */
export function bytesCache(size: number): BoundedMap<string, Buffer> {
  return boundedMap<string, Buffer>(size);
}

/** Sends bytes already serialised by a route's response schema, as JSON. */
export function sendSerialized(reply: FastifyReply, body: Buffer) {
  return reply.type('application/json; charset=utf-8').send(body);
}

/** The UTF-8 bytes of what a route's serializer produced (Fastify types it as string or bytes). */
export function asBytes(serialized: string | ArrayBuffer | Buffer): Buffer {
  if (typeof serialized === 'string') return Buffer.from(serialized, 'utf8');
  return Buffer.isBuffer(serialized) ? serialized : Buffer.from(serialized);
}
