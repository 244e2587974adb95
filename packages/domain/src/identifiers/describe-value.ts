import { echoText } from './user-text';

/**
 * Shows a received value inside a French error message, so that the user sees what they sent:
 * strings in French quotes (cut after `ECHO_LIMIT` characters), other types named.
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return `« ${echoText(value)} »`;
  if (value === undefined) return 'aucune valeur';
  if (value === null) return 'la valeur null';
  if (typeof value === 'number') return `le nombre ${String(value)}`;
  if (typeof value === 'boolean') return `le booléen ${String(value)}`;
  if (Array.isArray(value)) return 'une liste';
  return `une valeur de type ${typeof value}`;
}
