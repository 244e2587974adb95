import type { RecordedEvent } from './events';
import { withAppendedEvents } from './read-pipeline';

describe('withAppendedEvents', () => {
  it('builds the events on first use only, once, and shows them like a plain field', () => {
    let builds = 0;
    const events = [{ type: 'Counted' } as RecordedEvent];
    const result = withAppendedEvents({ nextExpectedVersion: 0, globalPosition: 1n }, () => {
      builds += 1;
      return events;
    });
    expect(builds).toBe(0);
    expect(result.nextExpectedVersion).toBe(0);
    expect(result.events).toBe(events);
    expect(result.events).toBe(events);
    expect(builds).toBe(1);
    expect(result).toEqual({ nextExpectedVersion: 0, globalPosition: 1n, events });
  });

  it('remembers an undefined answer too (events that do not decode are not tried again)', () => {
    let builds = 0;
    const result = withAppendedEvents({ nextExpectedVersion: 2, globalPosition: 9n }, () => {
      builds += 1;
      return undefined;
    });
    expect(result.events).toBeUndefined();
    expect(result.events).toBeUndefined();
    expect(builds).toBe(1);
  });
});
