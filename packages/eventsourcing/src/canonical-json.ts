import type { JsonValue } from './json';
import { isJsonArray } from './json';

/**
 * Canonical JSON: object keys sorted (by UTF-16 code units), no insignificant whitespace.
 * Two equal JSON values give the same text whatever order their keys were written in, which
 * is what a hash over JSON needs (a store that reorders keys, as PostgreSQL's jsonb does,
 * must not change the hash).
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  let text: string;
  if (isJsonArray(value)) {
    text = '[';
    for (let i = 0; i < value.length; i++) text += (i > 0 ? ',' : '') + canonicalJson(value[i]);
    return text + ']';
  }
  const keys = Object.keys(value).sort();
  text = '{';
  for (let i = 0; i < keys.length; i++) {
    text += (i > 0 ? ',' : '') + JSON.stringify(keys[i]) + ':' + canonicalJson(value[keys[i]]);
  }
  return text + '}';
}
