import { isPlainObject } from './json-check';
import type { JsonValue } from './json';

/**
 * Canonical JSON: object keys sorted (by UTF-16 code units), no insignificant whitespace,
 * numbers and strings as ECMAScript's JSON.stringify writes them. Two equal JSON values give the
 * same text whatever order their keys were written in, which is what a hash over JSON needs (a
 * store that reorders keys, as PostgreSQL's jsonb does, must not change the hash).
 *
 * This is RFC 8785 (JSON Canonicalization Scheme) for every value the stores accept: JCS
 * serialises numbers and strings exactly as ECMAScript does and sorts keys by UTF-16 code
 * units; the one text JCS leaves to ECMAScript and we refuse before hashing is a lone
 * surrogate (storable-text.ts). The RFC's own vectors are in canonical-json.test.ts.
 *
 * It is the one writer of the packages: `canonicalJsonIfJson` below is the same walk for a value
 * not yet known to be JSON.
 */
export function canonicalJson(value: JsonValue): string {
  const text = write(value, []);
  if (text === undefined) throw new TypeError('canonicalJson: the value is not plain JSON');
  return text;
}

/**
 * The canonical JSON text of a value (as `canonicalJson` writes it), or undefined when the
 * value is not plain JSON: one walk both checks the value and writes its text. On undefined,
 * `findNonJson` says where and why (it is only run then, on the rare bad value).
 */
export function canonicalJsonIfJson(value: unknown): string | undefined {
  return write(value, []);
}

function write(value: unknown, ancestors: object[]): string | undefined {
  switch (typeof value) {
    case 'string':
      return quoted(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : undefined;
    case 'object':
      break;
    default:
      return undefined;
  }
  if (value === null) return 'null';
  if (ancestors.includes(value)) return undefined;
  ancestors.push(value);
  const text = Array.isArray(value) ? writeArray(value, ancestors) : writeObject(value, ancestors);
  ancestors.pop();
  return text;
}

function writeArray(array: unknown[], ancestors: object[]): string | undefined {
  let text = '[';
  for (let i = 0; i < array.length; i++) {
    if (!(i in array)) return undefined;
    const item = write(array[i], ancestors);
    if (item === undefined) return undefined;
    text += i > 0 ? ',' + item : item;
  }
  return text + ']';
}

function writeObject(object: object, ancestors: object[]): string | undefined {
  if (!isPlainObject(object)) return undefined;
  const keys = Object.keys(object).sort();
  let text = '{';
  for (let i = 0; i < keys.length; i++) {
    const item = write(object[keys[i]], ancestors);
    if (item === undefined) return undefined;
    text += (i > 0 ? ',' : '') + quoted(keys[i]) + ':' + item;
  }
  return text + '}';
}

// What JSON.stringify escapes in a string: the quote, the backslash, control characters, and
// lone surrogates (it writes well-formed JSON); any surrogate here, paired or not, goes to it.
// eslint-disable-next-line no-control-regex -- control characters are what must be found
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * A string as JSON.stringify writes it (what RFC 8785 requires): most keys and values need no
 * escape and are only put between quotes, which costs a third of a JSON.stringify call (about
 * 0.85 µs per one-event append in a loop, for the data and actor of the benchmark's events;
 * issue 18).
 */
function quoted(text: string): string {
  return ESCAPED.test(text) ? JSON.stringify(text) : '"' + text + '"';
}
