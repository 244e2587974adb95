/**
 * Finds the first place where a value is not plain JSON, so that a store never keeps something
 * it could not give back unchanged (a function, a BigInt, a Date, a cycle, NaN...).
 * Returns `undefined` when the value is JSON, or the offending path and why.
 */
export function findNonJson(value: unknown, path: string): { path: string; reason: string } | undefined {
  return check(value, path, []);
}

function check(
  value: unknown,
  path: string,
  ancestors: object[],
): { path: string; reason: string } | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return undefined;
    case 'number':
      return Number.isFinite(value)
        ? undefined
        : { path, reason: `is ${String(value)}, not a finite JSON number` };
    case 'undefined':
      return { path, reason: 'is undefined, which JSON cannot hold' };
    case 'bigint':
      return { path, reason: 'is a BigInt, which JSON cannot hold (use a string)' };
    case 'function':
      return { path, reason: 'is a function, which JSON cannot hold' };
    case 'symbol':
      return { path, reason: 'is a symbol, which JSON cannot hold' };
  }
  if (value === null) return undefined;
  const object = value as object;
  if (ancestors.includes(object)) return { path, reason: 'refers back to itself (cycle)' };
  ancestors.push(object);
  try {
    if (Array.isArray(object)) {
      for (let i = 0; i < object.length; i++) {
        if (!(i in object)) return { path: `${path}[${i}]`, reason: 'is a hole in a sparse array' };
        const problem = check(object[i], `${path}[${i}]`, ancestors);
        if (problem) return problem;
      }
      return undefined;
    }
    if (!isPlainObject(object)) {
      const name = (object as { constructor?: { name?: string } }).constructor?.name ?? 'unknown';
      return { path, reason: `is a ${name}, not a plain JSON object` };
    }
    for (const [key, item] of Object.entries(object)) {
      const problem = check(item, `${path}.${key}`, ancestors);
      if (problem) return problem;
    }
    return undefined;
  } finally {
    ancestors.pop();
  }
}

/** True when the value is a plain object (not an array, not a class instance). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === null) return true;
  // Compared by shape, not identity: an object made in another realm (structuredClone under
  // jest, a vm context, a worker) has that realm's Object.prototype, whose own prototype is null.
  return Object.getPrototypeOf(proto) === null && Object.prototype.toString.call(value) === '[object Object]';
}
