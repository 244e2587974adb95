import * as crypto from 'node:crypto';

/** Namespace of the kernel's name-based UUIDs (itself a random v4 UUID, fixed forever). */
export const KERNEL_UUID_NAMESPACE = '5d0b8f4e-3c1a-4f6e-9b2d-7a8c6e4f1b30';

// Bytes of the namespaces seen so far: the kernel's own is converted once, not per event.
const namespaceBytesCache = new Map<string, Buffer>();

function namespaceBytesOf(namespace: string): Buffer {
  let bytes = namespaceBytesCache.get(namespace);
  if (!bytes) {
    bytes = Buffer.from(namespace.replace(/-/g, ''), 'hex');
    if (bytes.length !== 16) throw new Error(`Not a UUID namespace: ${namespace}`);
    if (namespaceBytesCache.size < 64) namespaceBytesCache.set(namespace, bytes);
  }
  return bytes;
}

// Node's one-shot hash (20.12+) over one buffer holding namespace and name; createHash otherwise.
const oneShot = (crypto as { hash?: (algorithm: string, data: Buffer, encoding: 'buffer') => Buffer }).hash;

function sha1(namespaceBytes: Buffer, name: string): Buffer {
  if (!oneShot) return crypto.createHash('sha1').update(namespaceBytes).update(name, 'utf8').digest();
  const input = Buffer.allocUnsafe(16 + Buffer.byteLength(name, 'utf8'));
  namespaceBytes.copy(input, 0);
  input.write(name, 16, 'utf8');
  return oneShot('sha1', input, 'buffer');
}

const HEX = Buffer.from('0123456789abcdef', 'latin1');

/**
 * A name-based UUID (RFC 4122 version 5: SHA-1 of namespace and name): the same name always
 * gives the same id, so a retried write carries the same event ids.
 */
export function nameBasedUuid(name: string, namespace: string = KERNEL_UUID_NAMESPACE): string {
  const bytes = sha1(namespaceBytesOf(namespace), name);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  // Written into one buffer and decoded once: ids are kept with every stored event, and a
  // string made of slices and concatenations would keep several heap objects each.
  const text = Buffer.allocUnsafe(36);
  let at = 0;
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) text[at++] = 0x2d;
    text[at++] = HEX[bytes[i] >> 4];
    text[at++] = HEX[bytes[i] & 15];
  }
  return text.toString('latin1');
}

/** The id of the `index`-th event a command writes to a stream. */
export function commandEventId(streamId: string, commandId: string, index: number): string {
  return nameBasedUuid(JSON.stringify([streamId, commandId, index]));
}
