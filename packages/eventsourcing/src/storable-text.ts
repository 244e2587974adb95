// NUL ends a string in C and PostgreSQL refuses it in text and in JSON it reads; a lone
// surrogate is not Unicode (UTF-8 cannot encode it: drivers turn it into U+FFFD, silently
// another text). No store keeps either unchanged in an id, a type or metadata.
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The index of the first NUL or lone surrogate of `text` (no store keeps them), or -1. */
export function unstorableIndex(text: string): number {
  const found = UNSTORABLE.exec(text);
  return found === null ? -1 : found.index;
}

/** True when every store keeps `text` unchanged as an id, a type or a metadata value. */
export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/** Why `text` cannot be an id, a type or a metadata value, or `undefined` when it can. */
export function unstorableReason(text: string): string | undefined {
  const index = unstorableIndex(text);
  if (index === -1) return undefined;
  const unit = text.charCodeAt(index);
  return unit === 0
    ? `must not contain the NUL character (U+0000), found at index ${index}`
    : `must be valid Unicode: lone surrogate U+${unit.toString(16).toUpperCase()} at index ${index}`;
}
