import type { sendUnaryData, ServerUnaryCall } from '@grpc/grpc-js';
import type { Empty } from '@eventstore/db-client/generated/shared_pb';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import { grpc } from './grpc-runtime';

/**
 * How the stand-in answers the client's feature probe: 'batch' lists BatchAppend, as a server
 * from 21.10 on does, and the 6.x client then sends every append through it; 'classic' lists
 * Read and Append only, 'unimplemented' answers as a server too old to have the probe: the
 * client then uses the classic Append.
 */
export type FeaturesMode = 'batch' | 'classic' | 'unimplemented';

/** The ServerFeatures.GetSupportedMethods RPC. */
export function createServerFeaturesHandler(mode: FeaturesMode) {
  return (
    _call: ServerUnaryCall<Empty, SupportedMethods>,
    callback: sendUnaryData<SupportedMethods>,
  ): void => {
    if (mode === 'unimplemented') {
      callback({ code: grpc.status.UNIMPLEMENTED, details: 'stand-in: no server features' });
      return;
    }
    const methods = new SupportedMethods();
    methods.setEventStoreServerVersion('24.10.0-stand-in');
    methods.setMethodsList(
      (mode === 'batch' ? ['read', 'append', 'batchappend'] : ['read', 'append']).map((name) => {
        const method = new SupportedMethod();
        method.setServiceName('event_store.client.streams.streams');
        method.setMethodName(name);
        return method;
      }),
    );
    callback(null, methods);
  };
}
