/**
 * A JSON value: what an event's data and metadata may hold, so that every store can keep it as
 * text. Arrays may be read-only: stores never change the data they are given (they copy it), so
 * a domain's read-only reference data goes into events as it is.
 */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | readonly JsonValue[]
  | { [key: string]: JsonValue };

/** A JSON object. */
export type JsonObject = { [key: string]: JsonValue };

/** Whether a JSON value is an array (`Array.isArray` does not narrow read-only arrays). */
export const isJsonArray = (value: JsonValue): value is readonly JsonValue[] => Array.isArray(value);
