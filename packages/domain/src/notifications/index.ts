export * from './notifier';
export * from './recording-notifier';
export * from './refusal-notification';
export * from './refusal-notifications-reactor';
