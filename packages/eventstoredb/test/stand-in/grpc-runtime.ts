import { dirname } from 'node:path';
import type * as GrpcJs from '@grpc/grpc-js';

/**
 * `@grpc/grpc-js` as the client itself loads it: resolved from the client's own folder, so that
 * the stand-in server and the client share one instance (the generated service definitions the
 * client ships require it from there too). The package's own devDependency on the same version
 * only gives the types.
 */
const clientFolder = dirname(require.resolve('@eventstore/db-client'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const grpc = require(require.resolve('@grpc/grpc-js', { paths: [clientFolder] })) as typeof GrpcJs;

/** `google.protobuf.Any`, from the same `google-protobuf` instance as the client's messages. */
export interface AnyMessage {
  pack(serialized: Uint8Array, name: string, typeUrlPrefix?: string): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const { Any } = require(
  require.resolve('google-protobuf/google/protobuf/any_pb', { paths: [clientFolder] }),
) as { Any: new () => AnyMessage };
