import { isPlainObject } from './json-check';

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
      return JSON.stringify(value);
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
    text += (i > 0 ? ',' : '') + JSON.stringify(keys[i]) + ':' + item;
  }
  return text + '}';
}

/** Freezes a value fresh from `JSON.parse` (no cycle, nothing frozen yet) and all it holds. */
export function freezeParsed<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.freeze(value);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) freezeParsed(value[i]);
    } else {
      for (const key in value) freezeParsed(value[key]);
    }
  }
  return value;
}
