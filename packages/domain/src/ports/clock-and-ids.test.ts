import { version } from 'uuid';
import { fixedClock, steppingClock, systemClock } from './clock';
import { sequentialIdGenerator, uuidIdGenerator } from './id-generator';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('clocks', () => {
  it('fixedClock always gives the same instant, as fresh Dates', () => {
    const clock = fixedClock('2025-12-03T09:30:00Z');
    const a = clock.now();
    a.setFullYear(2000);
    expect(clock.now().toISOString()).toBe('2025-12-03T09:30:00.000Z');
  });

  it('steppingClock moves on by its step', () => {
    const clock = steppingClock('2025-12-31T23:59:59Z', 1000);
    expect([clock.now(), clock.now()].map((d) => d.toISOString())).toEqual([
      '2025-12-31T23:59:59.000Z',
      '2026-01-01T00:00:00.000Z',
    ]);
  });

  it('refuses a date that is not ISO-8601', () => {
    expect(() => fixedClock('03/12/2025 et demi')).toThrow(RangeError);
    expect(() => steppingClock('2025-12-03T09:30:00Z', -1)).toThrow(RangeError);
  });

  it('systemClock follows the machine', () => {
    const before = Date.now();
    const now = systemClock.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});

describe('id generators', () => {
  it('uuidIdGenerator gives distinct version-7 UUIDs that sort in the order they were made', () => {
    const made = Array.from({ length: 100 }, () => uuidIdGenerator.newId());
    expect(new Set(made).size).toBe(100);
    for (const id of made) {
      expect(id).toMatch(UUID);
      expect(version(id)).toBe(7);
    }
    expect([...made].sort()).toEqual(made);
  });

  it('sequentialIdGenerator is deterministic, UUID-shaped and told apart by group', () => {
    const a = sequentialIdGenerator();
    expect([a.newId(), a.newId()]).toEqual([
      '00000000-0000-4000-8000-000000000001',
      '00000000-0000-4000-8000-000000000002',
    ]);
    expect(sequentialIdGenerator().newId()).toBe('00000000-0000-4000-8000-000000000001');
    const b = sequentialIdGenerator(0xbeef);
    expect(b.newId()).toBe('0000beef-0000-4000-8000-000000000001');
    expect(b.newId()).toMatch(UUID);
    expect(() => sequentialIdGenerator(-1)).toThrow(RangeError);
  });
});
