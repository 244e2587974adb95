import type { ServerDuplexStream } from '@grpc/grpc-js';
import {
  AllStreamPosition,
  Empty,
  MaximumAppendSizeExceeded,
  StreamDeleted,
  StreamIdentifier,
  Timeout,
  WrongExpectedVersion,
} from '@eventstore/db-client/generated/shared_pb';
import type { UUID } from '@eventstore/db-client/generated/shared_pb';
import { Status } from '@eventstore/db-client/generated/status_pb';
import { BatchAppendReq, BatchAppendResp } from '@eventstore/db-client/generated/streams_pb';
import type { Executed } from './append-execution';
import { executeAppend } from './append-execution';
import { Any, grpc } from './grpc-runtime';
import type { AppendOutcome, ExpectedRevision, ProposedEvent } from './memory-log';
import type { NodeContext } from './node-context';

type BatchAppendCall = ServerDuplexStream<BatchAppendReq, BatchAppendResp>;

/** An append being received: its options came with the first request of its correlation id. */
interface PendingAppend {
  readonly streamName: string;
  readonly expected: ExpectedRevision;
  readonly deadline: number;
  readonly events: ProposedEvent[];
}

/**
 * The BatchAppend RPC, as a server from 21.10 on serves it: one long-lived bidirectional stream
 * per client connection carries every append. Each append is one or more requests under a
 * correlation id (options first, `is_final` last); each gets one response under the same id,
 * a success or a `google.rpc.Status` error with a typed detail. A not-leader answer or a lost
 * connection ends the whole stream: every append in flight on it fails at once.
 */
export function createBatchAppendHandler(node: NodeContext) {
  return (call: BatchAppendCall): void => {
    const pending = new Map<string, PendingAppend>();
    const respond = (response: BatchAppendResp): void => {
      if (!call.cancelled && !call.writableEnded && !call.destroyed) call.write(response);
    };

    call.on('data', (request: BatchAppendReq) => {
      const correlationId = request.getCorrelationId();
      const key = keyOf(correlationId);
      const options = request.getOptions();
      if (options) {
        pending.set(key, {
          streamName: Buffer.from(options.getStreamIdentifier()?.getStreamName_asU8() ?? []).toString('utf8'),
          expected: expectedOf(options),
          deadline: options.getDeadline()?.toDate().getTime() ?? Infinity,
          events: [],
        });
      }
      const append = pending.get(key);
      if (!append) return;
      for (const message of request.getProposedMessagesList()) {
        const metadata = message.getMetadataMap();
        append.events.push({
          eventId: message.getId()?.getString() ?? '',
          type: metadata.get('type') ?? '',
          contentType: metadata.get('content-type') ?? 'application/octet-stream',
          data: Buffer.from(message.getData_asU8()),
          customMetadata: Buffer.from(message.getCustomMetadata_asU8()),
        });
      }
      if (!request.getIsFinal()) return;
      pending.delete(key);
      node.countAppend('batch');
      const executed = executeAppend(
        node,
        append.streamName,
        append.expected,
        append.events,
        append.deadline < Date.now(),
      );
      if (executed.kind === 'crashed') return;
      if (executed.kind === 'call-failed') {
        // The whole stream ends: every append in flight on it fails with this error.
        if (!call.cancelled && !call.destroyed) call.emit('error', executed.error);
        return;
      }
      respond(responseOf(executed, correlationId, append));
    });
    call.on('end', () => {
      if (!call.writableEnded && !call.destroyed) call.end();
    });
    call.on('error', () => pending.clear());
  };
}

function keyOf(id: UUID | undefined): string {
  if (!id) return '';
  if (id.hasString()) return id.getString();
  const structured = id.getStructured();
  return `${structured?.getMostSignificantBits()}:${structured?.getLeastSignificantBits()}`;
}

function expectedOf(options: BatchAppendReq.Options): ExpectedRevision {
  if (options.hasNoStream()) return { kind: 'no_stream' };
  if (options.hasStreamExists()) return { kind: 'stream_exists' };
  if (options.hasStreamPosition()) return { kind: 'revision', revision: Number(options.getStreamPosition()) };
  return { kind: 'any' };
}

function responseOf(
  executed: Exclude<Executed, { kind: 'crashed' } | { kind: 'call-failed' }>,
  correlationId: UUID | undefined,
  append: PendingAppend,
): BatchAppendResp {
  const response = new BatchAppendResp();
  response.setCorrelationId(correlationId);
  const identifier = new StreamIdentifier();
  identifier.setStreamName(Buffer.from(append.streamName, 'utf8'));
  response.setStreamIdentifier(identifier);
  if (executed.kind === 'outcome' && executed.outcome.kind === 'success') {
    const success = new BatchAppendResp.Success();
    success.setCurrentRevision(String(executed.outcome.currentRevision));
    const position = new AllStreamPosition();
    position.setCommitPosition(executed.outcome.commit.toString());
    position.setPreparePosition(executed.outcome.prepare.toString());
    success.setPosition(position);
    response.setSuccess(success);
    return response;
  }
  response.setError(errorOf(executed, append));
  return response;
}

// The typed details the server packs into its `google.rpc.Status` (the client reads the type name).
function errorOf(
  executed: Exclude<Executed, { kind: 'crashed' } | { kind: 'call-failed' }>,
  append: PendingAppend,
): Status {
  const status = (code: number, message: string, detail: { serializeBinary(): Uint8Array }, name: string) => {
    const error = new Status();
    error.setCode(code);
    error.setMessage(message);
    const any = new Any();
    any.pack(detail.serializeBinary(), `event_store.client.${name}`);
    error.setDetails(any as never);
    return error;
  };
  switch (executed.kind) {
    case 'too-big': {
      const detail = new MaximumAppendSizeExceeded();
      detail.setMaxappendsize(executed.maximum);
      return status(
        grpc.status.INVALID_ARGUMENT,
        'Maximum Append Size Exceeded',
        detail,
        'MaximumAppendSizeExceeded',
      );
    }
    case 'timeout':
      return status(grpc.status.DEADLINE_EXCEEDED, 'Timeout', new Timeout(), 'Timeout');
    case 'outcome':
      return outcomeError(executed.outcome, append, status);
  }
}

function outcomeError(
  outcome: AppendOutcome,
  append: PendingAppend,
  status: (code: number, message: string, detail: { serializeBinary(): Uint8Array }, name: string) => Status,
): Status {
  if (outcome.kind === 'stream_deleted') {
    const detail = new StreamDeleted();
    const identifier = new StreamIdentifier();
    identifier.setStreamName(Buffer.from(append.streamName, 'utf8'));
    detail.setStreamIdentifier(identifier);
    return status(grpc.status.FAILED_PRECONDITION, 'Stream Deleted', detail, 'StreamDeleted');
  }
  if (outcome.kind !== 'wrong_expected_version') throw new Error('a success is not an error');
  const detail = new WrongExpectedVersion();
  if (outcome.currentRevision === 'no_stream') detail.setCurrentNoStream(new Empty());
  else detail.setCurrentStreamRevision(String(outcome.currentRevision));
  switch (outcome.expected.kind) {
    case 'any':
      detail.setExpectedAny(new Empty());
      break;
    case 'no_stream':
      detail.setExpectedNoStream(new Empty());
      break;
    case 'stream_exists':
      detail.setExpectedStreamExists(new Empty());
      break;
    case 'revision':
      detail.setExpectedStreamPosition(String(outcome.expected.revision));
      break;
  }
  return status(grpc.status.FAILED_PRECONDITION, 'Wrong Expected Version', detail, 'WrongExpectedVersion');
}
