import type * as OpenTelemetryApi from '@opentelemetry/api';

/** The `@opentelemetry/api` module, as loaded (or not) from the application's dependencies. */
export type OpenTelemetry = typeof OpenTelemetryApi;

let loaded: OpenTelemetry | null | undefined;

/**
 * `@opentelemetry/api` when the application installed it, else null: it is an optional peer, so
 * a service without telemetry loads nothing more and each instrumented call costs one test of
 * this cached value. Loaded on first use, once.
 */
export function openTelemetry(): OpenTelemetry | null {
  if (loaded === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      loaded = require('@opentelemetry/api') as OpenTelemetry;
    } catch {
      // Not installed: telemetry is off, which is not an error.
      loaded = null;
    }
  }
  return loaded;
}

/** The name under which the kernel's spans and metrics are reported (instrumentation scope). */
export const INSTRUMENTATION_SCOPE = '@cartes-badges/eventsourcing';
