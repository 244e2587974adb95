import type { JsonValue } from './json';

/**
 * Canonical JSON: object keys sorted (by UTF-16 code units), no insignificant whitespace.
 * Two equal JSON values give the same text whatever order their keys were written in, which
 * is what a hash over JSON needs (a store that reorders keys, as PostgreSQL's jsonb does,
 * must not change the hash).
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
}
