import { parse, v5 } from 'uuid';

/** Namespace of the kernel's name-based UUIDs (itself a random v4 UUID, fixed forever). */
export const KERNEL_UUID_NAMESPACE = '5d0b8f4e-3c1a-4f6e-9b2d-7a8c6e4f1b30';

/**
 * A maker of name-based UUIDs (RFC 9562 version 5: SHA-1 of namespace and name) in one
 * namespace: the same name always gives the same id, so a retried write carries the same ids.
 * The namespace is parsed once here rather than by `uuid` on every id (ids are made per event).
 */
export function nameBasedUuids(namespace: string): (name: string) => string {
  const namespaceBytes = parse(namespace);
  // The name goes in as UTF-8 bytes from Buffer: `uuid` would encode a string with
  // encodeURIComponent, which throws on a lone surrogate where Buffer writes U+FFFD, as every
  // id stored so far was made.
  return (name) => v5(Buffer.from(name, 'utf8'), namespaceBytes);
}

const kernelUuid = nameBasedUuids(KERNEL_UUID_NAMESPACE);

/** A name-based UUID (version 5) of `name` in `namespace` (the kernel's by default). */
export function nameBasedUuid(name: string, namespace: string = KERNEL_UUID_NAMESPACE): string {
  return namespace === KERNEL_UUID_NAMESPACE ? kernelUuid(name) : v5(Buffer.from(name, 'utf8'), namespace);
}

/**
 * The id of the `index`-th event a command writes to a stream; with the command's fingerprint
 * when it has one, so that the stored ids tell which command an id was used for.
 */
export function commandEventId(
  streamId: string,
  commandId: string,
  index: number,
  fingerprint?: string,
): string {
  return kernelUuid(
    JSON.stringify(
      fingerprint === undefined ? [streamId, commandId, index] : [streamId, commandId, fingerprint, index],
    ),
  );
}
