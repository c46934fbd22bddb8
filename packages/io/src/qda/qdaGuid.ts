/**
 * Deterministic GUIDs for exported REFI elements: the SHA-256 of the seed, the kind of element
 * and its id, laid out as an RFC 9562 version-8 UUID. The same input gives the same project
 * bytes, and re-exports keep the GUIDs a QDA tool already knows.
 */
import { createHash } from 'node:crypto';

export function qdaGuid(seed: string | number, kind: string, id: string): string {
  const hex = createHash('sha256').update(`${seed}\u0000${kind}\u0000${id}`).digest('hex');
  const variant = ((Number.parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`.toUpperCase();
}

const GUID = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;

/** True when `id` is already a GUID (e.g. a code read from a project). */
export function isGuid(id: string): boolean {
  return GUID.test(id);
}
