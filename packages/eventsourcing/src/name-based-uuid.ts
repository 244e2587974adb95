import { createHash } from 'node:crypto';

/** Namespace of the kernel's name-based UUIDs (itself a random v4 UUID, fixed forever). */
export const KERNEL_UUID_NAMESPACE = '5d0b8f4e-3c1a-4f6e-9b2d-7a8c6e4f1b30';

/**
 * A name-based UUID (RFC 4122 version 5: SHA-1 of namespace and name): the same name always
 * gives the same id, so a retried write carries the same event ids.
 */
export function nameBasedUuid(name: string, namespace: string = KERNEL_UUID_NAMESPACE): string {
  const namespaceBytes = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  if (namespaceBytes.length !== 16) throw new Error(`Not a UUID namespace: ${namespace}`);
  const bytes = createHash('sha1').update(namespaceBytes).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The id of the `index`-th event a command writes to a stream. */
export function commandEventId(streamId: string, commandId: string, index: number): string {
  return nameBasedUuid(JSON.stringify([streamId, commandId, index]));
}
