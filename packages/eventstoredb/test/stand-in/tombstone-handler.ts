import type { sendUnaryData, ServerUnaryCall } from '@grpc/grpc-js';
import { Empty } from '@eventstore/db-client/generated/shared_pb';
import type { TombstoneReq } from '@eventstore/db-client/generated/streams_pb';
import { TombstoneResp } from '@eventstore/db-client/generated/streams_pb';
import type { NodeContext } from './node-context';

/**
 * The Tombstone RPC (a hard delete), as the clients' `tombstoneStream` calls it: the suites that
 * run on a real server delete through the protocol, not through the stand-in's controls. The
 * expected revision is not checked (the tests delete with `any`).
 */
export function createTombstoneHandler(node: NodeContext) {
  return (
    call: ServerUnaryCall<TombstoneReq, TombstoneResp>,
    callback: sendUnaryData<TombstoneResp>,
  ): void => {
    const name = call.request.getOptions()?.getStreamIdentifier()?.getStreamName_asU8();
    node.log.tombstone(Buffer.from(name ?? []).toString('utf8'));
    const response = new TombstoneResp();
    response.setNoPosition(new Empty());
    callback(null, response);
  };
}
