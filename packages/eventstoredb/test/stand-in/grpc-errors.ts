import type { Metadata, StatusObject } from '@grpc/grpc-js';
import { grpc } from './grpc-runtime';

/** A gRPC error as the server ends a call with: status, details and EventStoreDB's metadata keys. */
export type CallError = Pick<StatusObject, 'code' | 'details'> & { metadata?: Metadata };

function withException(code: number, details: string, entries: Record<string, string>): CallError {
  const metadata = new grpc.Metadata();
  for (const [key, value] of Object.entries(entries)) metadata.set(key, value);
  return { code, details, metadata };
}

/**
 * The errors a real server ends a call with, as its `RpcExceptions` build them (status code,
 * message, `exception` metadata key the client decodes). Test code only.
 */
export const callErrors = {
  notLeader: (host: string, port: number): CallError =>
    withException(grpc.status.NOT_FOUND, 'Leader info available', {
      exception: 'not-leader',
      'leader-endpoint-host': host,
      'leader-endpoint-port': String(port),
    }),
  streamDeleted: (streamName: string): CallError =>
    withException(grpc.status.FAILED_PRECONDITION, `Event stream '${streamName}' is deleted.`, {
      exception: 'stream-deleted',
      'stream-name': streamName,
    }),
  accessDenied: (): CallError =>
    withException(grpc.status.PERMISSION_DENIED, 'Access Denied', { exception: 'access-denied' }),
  maximumAppendSizeExceeded: (maximum: number): CallError =>
    withException(grpc.status.INVALID_ARGUMENT, `Maximum Append Size of ${maximum} Exceeded.`, {
      exception: 'maximum-append-size-exceeded',
      'maximum-append-size': String(maximum),
    }),
  /** The server's own commit timeout: the write may or may not have happened. */
  commitTimeout: (): CallError => ({
    code: grpc.status.ABORTED,
    details: 'Operation timed out: commit timeout',
  }),
  /** The call's deadline passed before an answer. */
  deadlineExceeded: (): CallError => ({ code: grpc.status.DEADLINE_EXCEEDED, details: 'Deadline Exceeded' }),
  unavailable: (details: string): CallError => ({
    code: grpc.status.UNAVAILABLE,
    details: `stand-in: ${details}`,
  }),
};
