import type { sendUnaryData, ServerReadableStream } from '@grpc/grpc-js';
import { Empty } from '@eventstore/db-client/generated/shared_pb';
import { AppendReq, AppendResp } from '@eventstore/db-client/generated/streams_pb';
import { grpc } from './grpc-runtime';
import type { AppendOutcome, ExpectedRevision, MemoryLog, ProposedEvent } from './memory-log';

/** Faults the next appends meet, one per append, in order. */
export type AppendFault =
  /** UNAVAILABLE before anything is written. */
  | 'unavailable'
  /** The connection fails after the second proposed event arrived: nothing is written. */
  | 'unavailable-mid-batch'
  /** The events are written, then the answer is lost (UNAVAILABLE): a retry must not write them twice. */
  | 'unavailable-after-write';

type AppendCall = ServerReadableStream<AppendReq, AppendResp>;

/** The classic Append RPC: a header with the expected revision, then one message per event. */
export function createAppendHandler(log: MemoryLog, faults: AppendFault[]) {
  return (call: AppendCall, callback: sendUnaryData<AppendResp>): void => {
    let streamName: string | undefined;
    let expected: ExpectedRevision = { kind: 'any' };
    const events: ProposedEvent[] = [];
    const fault = faults.shift();
    let answered = false;
    const answer = (error: { code: number; details: string } | null, response?: AppendResp): void => {
      if (answered) return;
      answered = true;
      if (error) callback(error);
      else callback(null, response);
    };
    const unavailable = (details: string) => ({
      code: grpc.status.UNAVAILABLE,
      details: `stand-in: ${details}`,
    });

    if (fault === 'unavailable') {
      answer(unavailable('server unavailable'));
      return;
    }
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
        if (fault === 'unavailable-mid-batch' && events.length === 2)
          answer(unavailable('connection lost mid-batch'));
      }
    });
    call.on('error', () => answer({ code: grpc.status.CANCELLED, details: 'client went away' }));
    call.on('end', () => {
      if (answered) return;
      if (streamName === undefined)
        return answer({ code: grpc.status.INVALID_ARGUMENT, details: 'no options' });
      const outcome = log.append(streamName, expected, events);
      if (fault === 'unavailable-after-write') return answer(unavailable('answer lost after the write'));
      answer(null, responseOf(outcome));
    });
  };
}

function expectedOf(options: AppendReq.Options): ExpectedRevision {
  if (options.hasNoStream()) return { kind: 'no_stream' };
  if (options.hasStreamExists()) return { kind: 'stream_exists' };
  if (options.hasRevision()) return { kind: 'revision', revision: Number(options.getRevision()) };
  return { kind: 'any' };
}

// The same details the real server sends in a wrong-expected-version answer.
function responseOf(outcome: AppendOutcome): AppendResp {
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
