/**
 * A binary min-heap of items by due time (ties by rank, so the order is deterministic): with a
 * thousand transfers at once, finding the next one due is log n, not a scan of all of them.
 */
export class DueQueue<T extends { readonly dueAt: number }> {
  private readonly heap: { item: T; due: number; rank: number }[] = [];

  get size(): number {
    return this.heap.length;
  }

  push(item: T, rank: number): void {
    const heap = this.heap;
    heap.push({ item, due: item.dueAt, rank });
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  /** The item due soonest, taken out; undefined when empty. */
  pop(): { item: T; rank: number } | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined) return undefined;
    if (heap.length > 0) {
      heap[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && this.less(l, m)) m = l;
        if (r < heap.length && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return { item: top.item, rank: top.rank };
  }

  private less(a: number, b: number): boolean {
    const x = this.heap[a];
    const y = this.heap[b];
    if (!x || !y) return false;
    return x.due < y.due || (x.due === y.due && x.rank < y.rank);
  }

  private swap(a: number, b: number): void {
    const x = this.heap[a];
    const y = this.heap[b];
    if (!x || !y) return;
    this.heap[a] = y;
    this.heap[b] = x;
  }
}
