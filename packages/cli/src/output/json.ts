/** JSON for programs: bigints (global positions) become decimal strings, indented by two spaces. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2);
}
