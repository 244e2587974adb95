import type { sendUnaryData, ServerUnaryCall } from '@grpc/grpc-js';
import type { Empty } from '@eventstore/db-client/generated/shared_pb';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import { grpc } from './grpc-runtime';

/**
 * How the stand-in answers the client's feature probe: 'listed' names the Read and Append
 * methods (not BatchAppend), 'unimplemented' answers as a server too old to have the probe.
 * Either way the client falls back to the classic Append.
 */
export type FeaturesMode = 'listed' | 'unimplemented';

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
      ['read', 'append'].map((name) => {
        const method = new SupportedMethod();
        method.setServiceName('event_store.client.streams.streams');
        method.setMethodName(name);
        return method;
      }),
    );
    callback(null, methods);
  };
}
