import type { FastifyReply } from 'fastify';
/**
 * A small least-recently-used cache of serialised response bodies keyed by ETag: an unchanged
 * resource is sent as the bytes already produced by the route's response schema (its
 * allow-list), without building or serialising it again.
 */
export function bytesCache(size: number) {
  const entries = new Map<string, string>();
  return {
    get(key: string): string | undefined {
      const value = entries.get(key);
      if (value !== undefined) {
        entries.delete(key);
        entries.set(key, value);
      }
      return value;
    },
    set(key: string, value: string) {
      entries.delete(key);
      entries.set(key, value);
      while (entries.size > size) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
  };
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
