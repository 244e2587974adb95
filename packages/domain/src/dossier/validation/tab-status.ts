import type { TabName } from '../tabs';
import type { ValidationMessage } from './messages';

/** a tab is valid, or invalid with its messages. */
export interface TabStatus {
  readonly tab: TabName;
  readonly status: 'valid' | 'invalid';
  readonly messages: readonly ValidationMessage[];
}

/** The status of a tab from its messages. */
export function tabStatus(tab: TabName, messages: readonly ValidationMessage[]): TabStatus {
  return { tab, status: messages.length === 0 ? 'valid' : 'invalid', messages };
}
