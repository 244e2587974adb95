import type { sendUnaryData, ServerReadableStream } from '@grpc/grpc-js';
import { Empty } from '@eventstore/db-client/generated/shared_pb';
import { AppendReq, AppendResp } from '@eventstore/db-client/generated/streams_pb';
import type { Executed } from './append-execution';
import { executeAppend } from './append-execution';
import type { CallError } from './grpc-errors';
import { callErrors } from './grpc-errors';
import { grpc } from './grpc-runtime';
import type { AppendOutcome, ExpectedRevision, ProposedEvent } from './memory-log';
import type { NodeContext } from './node-context';

export type { AppendFault } from './append-execution';

type AppendCall = ServerReadableStream<AppendReq, AppendResp>;

/** The classic Append RPC: one call per append, a header with the expected revision, then one message per event. */
export function createAppendHandler(node: NodeContext) {
  return (call: AppendCall, callback: sendUnaryData<AppendResp>): void => {
    let streamName: string | undefined;
    let expected: ExpectedRevision = { kind: 'any' };
    const events: ProposedEvent[] = [];
    let answered = false;
    const answer = (error: CallError | null, response?: AppendResp): void => {
      if (answered) return;
      answered = true;
      if (error) callback(error);
      else callback(null, response);
    };
    // This fault needs the events to arrive one by one: the other faults meet the whole append.
    const midBatch = node.appendFaults[0] === 'unavailable-mid-batch' && node.appendFaults.shift();

    call.on('data', (request: AppendReq) => {
      if (request.hasOptions()) {
        const options = request.getOptions() as AppendReq.Options;
        streamName = Buffer.from(options.getStreamIdentifier()?.getStreamName_asU8() ?? []).toString('utf8');
        expected = expectedOf(options);
      } else if (request.hasProposedMessage()) {
        const message = request.getProposedMessage() as AppendReq.ProposedMessage;
        const metadata = message.getMetadataMap();
        events.push({
          eventId: message.getId()?.getString() ?? '',
          type: metadata.get('type') ?? '',
          contentType: metadata.get('content-type') ?? 'application/octet-stream',
          data: Buffer.from(message.getData_asU8()),
          customMetadata: Buffer.from(message.getCustomMetadata_asU8()),
        });
        if (midBatch && events.length === 2) answer(callErrors.unavailable('connection lost mid-batch'));
      }
    });
    call.on('error', () => answer({ code: grpc.status.CANCELLED, details: 'client went away' }));
    call.on('end', () => {
      if (answered) return;
      if (streamName === undefined)
        return answer({ code: grpc.status.INVALID_ARGUMENT, details: 'no options' });
      node.countAppend('classic');
      const executed = executeAppend(node, streamName, expected, events);
      if (executed.kind === 'crashed') return;
      const [error, response] = classicAnswerOf(executed, streamName);
      answer(error, response);
    });
  };
}

// How the classic Append words each result: outcomes in the response, the rest as call errors.
function classicAnswerOf(executed: Executed, streamName: string): [CallError | null, AppendResp?] {
  switch (executed.kind) {
    case 'outcome':
      return executed.outcome.kind === 'stream_deleted'
        ? [callErrors.streamDeleted(streamName)]
        : [null, responseOf(executed.outcome)];
    case 'too-big':
      return [callErrors.maximumAppendSizeExceeded(executed.maximum)];
    case 'timeout':
      // Before the write, the client's deadline ran out; after it, the server's commit timed out.
      return [executed.written ? callErrors.commitTimeout() : callErrors.deadlineExceeded()];
    case 'call-failed':
      return [executed.error];
    case 'crashed':
      return [callErrors.unavailable('crashed')];
  }
}

function expectedOf(options: AppendReq.Options): ExpectedRevision {
  if (options.hasNoStream()) return { kind: 'no_stream' };
  if (options.hasStreamExists()) return { kind: 'stream_exists' };
  if (options.hasRevision()) return { kind: 'revision', revision: Number(options.getRevision()) };
  return { kind: 'any' };
}

// The same details the real server sends in a wrong-expected-version answer.
function responseOf(outcome: Exclude<AppendOutcome, { kind: 'stream_deleted' }>): AppendResp {
  const response = new AppendResp();
  if (outcome.kind === 'success') {
    const success = new AppendResp.Success();
    if (outcome.currentRevision === -1) success.setNoStream(new Empty());
    else success.setCurrentRevision(String(outcome.currentRevision));
    const position = new AppendResp.Position();
    position.setCommitPosition(outcome.commit.toString());
    position.setPreparePosition(outcome.prepare.toString());
    success.setPosition(position);
    response.setSuccess(success);
    return response;
  }
  const wrong = new AppendResp.WrongExpectedVersion();
  if (outcome.currentRevision === 'no_stream') wrong.setCurrentNoStream(new Empty());
  else wrong.setCurrentRevision(String(outcome.currentRevision));
  switch (outcome.expected.kind) {
    case 'any':
      wrong.setExpectedAny(new Empty());
      break;
    case 'no_stream':
      wrong.setExpectedNoStream(new Empty());
      break;
    case 'stream_exists':
      wrong.setExpectedStreamExists(new Empty());
      break;
    case 'revision':
      wrong.setExpectedRevision(String(outcome.expected.revision));
      break;
  }
  response.setWrongExpectedVersion(wrong);
  return response;
}
