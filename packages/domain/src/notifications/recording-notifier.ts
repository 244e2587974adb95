import type { Notifier, ProviderNotification } from './notifier';

/** A notifier that keeps what it sent, once per key (tests, demos, the example). */
export interface RecordingNotifier extends Notifier {
  /** Notifications delivered, in order, each key once. */
  sent(): readonly ProviderNotification[];
  /** How many times `send` was called (deliveries and repeats). */
  calls(): number;
}

/** Records notifications, ignoring a key already delivered: exactly once in effect. */
export function createRecordingNotifier(): RecordingNotifier {
  const delivered: ProviderNotification[] = [];
  const keys = new Set<string>();
  let calls = 0;
  return {
    async send(notification) {
      calls += 1;
      if (keys.has(notification.key)) return;
      keys.add(notification.key);
      delivered.push(notification);
    },
    sent: () => delivered,
    calls: () => calls,
  };
}
