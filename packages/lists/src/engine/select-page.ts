/**
 * Keeps the `offset + limit` smallest items seen (a bounded max-heap), then gives the page: a
 * page of a million matches costs n·log(k), not a sort of the million.
 */
export function createPageSelector<T>(
  compare: (a: T, b: T) => number,
  offset: number,
  limit: number,
): { push(item: T): void; page(): T[]; worst(): T | undefined } {
  const capacity = offset + limit;
  const heap: T[] = [];
  const swap = (i: number, j: number): void => {
    const x = heap[i];
    heap[i] = heap[j];
    heap[j] = x;
  };
  const up = (start: number): void => {
    let i = start;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (compare(heap[i], heap[parent]) <= 0) return;
      swap(i, parent);
      i = parent;
    }
  };
  const down = (): void => {
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let largest = i;
      if (l < heap.length && compare(heap[l], heap[largest]) > 0) largest = l;
      if (r < heap.length && compare(heap[r], heap[largest]) > 0) largest = r;
      if (largest === i) return;
      swap(i, largest);
      i = largest;
    }
  };
  return {
    push(item) {
      if (capacity === 0) return;
      if (heap.length < capacity) {
        heap.push(item);
        up(heap.length - 1);
      } else if (compare(item, heap[0]) < 0) {
        heap[0] = item;
        down();
      }
    },
    page: () => [...heap].sort(compare).slice(offset, capacity),
    /** Once the selector is full, the last item it keeps: anything after it is left out. */
    worst: () => (capacity > 0 && heap.length === capacity ? heap[0] : undefined),
  };
}
