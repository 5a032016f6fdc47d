import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../testing/mulberry32';
import { DueQueue } from './due-queue';

describe('DueQueue', () => {
  it('gives items back by due time, ties by rank, like a sort', () => {
    const random = mulberry32(3);
    const q = new DueQueue<{ dueAt: number }>();
    const items = Array.from({ length: 500 }, (_, rank) => ({ item: { dueAt: Math.floor(random() * 50) }, rank }));
    for (const { item, rank } of items) q.push(item, rank);
    const out: number[] = [];
    for (let next = q.pop(); next; next = q.pop()) out.push(next.rank);
    const sorted = [...items].sort((a, b) => a.item.dueAt - b.item.dueAt || a.rank - b.rank).map((x) => x.rank);
    expect(out).toEqual(sorted);
    expect(q.size).toBe(0);
    expect(q.pop()).toBeUndefined();
  });
});
