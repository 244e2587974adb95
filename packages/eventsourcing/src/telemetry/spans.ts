import type { Context, Span, Tracer, TracerProvider } from '@opentelemetry/api';
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

/** A span's name and attributes, asked for only when an SDK may record it. */
export interface SpanStart {
  readonly name: string;
  readonly attributes: Readonly<Record<string, AttributeValue>>;
}

/** The scope of work done while no SDK records anything. */
const NOT_RECORDED: SpanScope = { set: () => undefined, recording: false };

let noSdkProvider: TracerProvider | undefined;
let cached: { readonly provider: TracerProvider; readonly tracer: Tracer } | undefined;

/**
 * The tracer of the SDK registered now, undefined when none is. Until one registers, the API's
 * global tracer provider is its ProxyTracerProvider delegating to the API's no-op provider (the
 * one a fresh proxy delegates to): then no span is started at all, which was most of the cost
 * of the API without an SDK (docs/benchmarks.md). Asked on each call, a few reads and a
 * comparison, so that an SDK registered later (or another after `trace.disable()`) is seen at
 * once; the tracer is taken from the SDK's provider itself, once per provider. A provider of
 * another shape (another copy of the API) is used as it is.
 */
function sdkTracer(api: OpenTelemetry): Tracer | undefined {
  let provider: TracerProvider = api.trace.getTracerProvider();
  if (provider instanceof api.ProxyTracerProvider) {
    noSdkProvider ??= new api.ProxyTracerProvider().getDelegate();
    provider = provider.getDelegate();
    if (provider === noSdkProvider) return undefined;
  }
  if (cached?.provider !== provider) cached = { provider, tracer: provider.getTracer(INSTRUMENTATION_SCOPE) };
  return cached.tracer;
}

/**
 * Runs `work` inside a span, child of `parent` (else of the active context), named and described
 * by `start` (called only when an SDK is registered, so that nothing is built for nothing): its
 * failure is recorded on the span and thrown again. Without `@opentelemetry/api`, with it but no
 * SDK registered, or when the SDK does not record the span (sampling), `work` runs as it is,
 * with a scope whose `set` does nothing.
 */
export function inSpan<T>(
  start: () => SpanStart,
  work: (scope: SpanScope) => Promise<T>,
  parent?: SpanScope,
): Promise<T> {
  const api = openTelemetry();
  const tracer = api === null ? undefined : sdkTracer(api);
  if (tracer !== undefined) return inStartedSpan(api!, tracer, start(), work, parent);
  try {
    return work(NOT_RECORDED);
  } catch (error) {
    // As an async function would: a failure is a rejected promise, never a throw.
    return Promise.reject(error);
  }
}

async function inStartedSpan<T>(
  api: OpenTelemetry,
  tracer: Tracer,
  { name, attributes }: SpanStart,
  work: (scope: SpanScope) => Promise<T>,
  parent: SpanScope | undefined,
): Promise<T> {
  const parentContext = (parent?.context as Context | undefined) ?? api.context.active();
  const span = tracer.startSpan(name, { attributes }, parentContext);
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
