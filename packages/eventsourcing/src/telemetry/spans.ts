import type { Context, Span, Tracer } from '@opentelemetry/api';
import { INSTRUMENTATION_SCOPE, openTelemetry, type OpenTelemetry } from './opentelemetry-api';

/** A value a span attribute may hold. */
export type AttributeValue = string | number | boolean;

/** What an instrumented piece of work may tell its span, and the parent of its children. */
export interface SpanScope {
  /** Sets an attribute (nothing happens when no SDK records the span). */
  set(key: string, value: AttributeValue): void;
  /** Whether a span is really recorded, to skip building costly attributes otherwise. */
  readonly recording: boolean;
  /** @internal the OpenTelemetry context holding this span, for its children. */
  readonly context?: unknown;
}

/** The scope of work done while no SDK records anything. */
const NOT_RECORDED: SpanScope = { set: () => undefined, recording: false };

let tracer: Tracer | undefined;

// One ProxyTracer, kept: it forwards to an SDK registered later, so no cost is paid to look it up.
function tracerOf(api: OpenTelemetry): Tracer {
  return (tracer ??= api.trace.getTracer(INSTRUMENTATION_SCOPE));
}

/**
 * Runs `work` inside a span named `name`, child of `parent` (else of the active context): its
 * failure is recorded on the span and thrown again. Without `@opentelemetry/api`, or with it but
 * no SDK registered (the span is then not recording), `work` runs as it is, with a scope whose
 * `set` does nothing.
 */
export async function inSpan<T>(
  name: string,
  attributes: Readonly<Record<string, AttributeValue>>,
  work: (scope: SpanScope) => Promise<T>,
  parent?: SpanScope,
): Promise<T> {
  const api = openTelemetry();
  if (api === null) return work(NOT_RECORDED);
  const parentContext = (parent?.context as Context | undefined) ?? api.context.active();
  const span = tracerOf(api).startSpan(name, { attributes }, parentContext);
  if (!span.isRecording()) {
    span.end();
    return work(NOT_RECORDED);
  }
  const context = api.trace.setSpan(parentContext, span);
  const scope: SpanScope = { set: (key, value) => span.setAttribute(key, value), recording: true, context };
  try {
    return await api.context.with(context, () => work(scope));
  } catch (error) {
    recordFailure(api, span, error);
    throw error;
  } finally {
    span.end();
  }
}

function recordFailure(api: OpenTelemetry, span: Span, error: unknown): void {
  const failure = error instanceof Error ? error : new Error(String(error));
  span.recordException(failure);
  span.setStatus({ code: api.SpanStatusCode.ERROR, message: failure.message });
}
