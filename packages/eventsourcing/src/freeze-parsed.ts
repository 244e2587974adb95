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
