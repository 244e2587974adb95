import { seededRandom } from '@cartes-badges/domain/fixtures';
import { IdSlots } from './id-slots';

describe('IdSlots (dossier id → slot)', () => {
  it('agrees with a Map through random adds and deletes, across growth and probe runs', () => {
    const random = seededRandom(3);
    const ids: (string | undefined)[] = [];
    const slots = new IdSlots((slot) => ids[slot] as string, 8);
    const reference = new Map<string, number>();
    const free: number[] = [];
    for (let step = 0; step < 20_000; step++) {
      const id = `id-${random.int(0, 3000)}`;
      const slot = reference.get(id);
      if (slot === undefined) {
        const placed = free.pop() ?? ids.length;
        ids[placed] = id;
        slots.set(id, placed);
        reference.set(id, placed);
      } else if (random.next() < 0.6) {
        slots.delete(id);
        ids[slot] = undefined;
        free.push(slot);
        reference.delete(id);
      }
      if (step % 997 === 0)
        for (let n = 0; n <= 3000; n++) expect(slots.get(`id-${n}`)).toBe(reference.get(`id-${n}`));
    }
    expect(slots.size).toBe(reference.size);
    expect(new Map(slots.entries())).toEqual(reference);
    slots.clear();
    expect(slots.get('id-1')).toBeUndefined();
    expect(slots.size).toBe(0);
  });
});

describe('IdSlots guards', () => {
  it('refuses a second slot for an id (a broken caller would otherwise keep two rows)', () => {
    const ids = ['a', 'b'];
    const slots = new IdSlots((slot) => ids[slot]);
    slots.set('a', 0);
    slots.set('b', 1);
    expect(() => slots.set('a', 1)).toThrow(/already has a slot/);
    expect(slots.get('a')).toBe(0);
    expect(slots.size).toBe(2);
  });
});
