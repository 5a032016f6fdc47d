import type { Page } from 'playwright-core';
import { MANDELBROT_VIEW } from '../../shared/workloads/presets';
import { laneColor, PAGE_THREAD_COLOR } from '../../renderer/src/ui/lane-colors';

type Rgb = readonly [number, number, number];

/** Every colour a tile can be marked with: one per worker lane, and the page-thread colour. */
const MARKS: readonly { readonly name: string; readonly rgb: Rgb }[] = [
  ...Array.from({ length: 8 }, (_, lane) => ({ name: `lane ${lane + 1}`, rgb: rgbOf(laneColor(lane, false)) })),
  { name: 'main thread', rgb: rgbOf(PAGE_THREAD_COLOR) },
];

/** A tile border is the mark at 90 % over the tile itself: it lies this close to the mark. */
const MAX_DISTANCE = 45;

function rgbOf(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function nearest(rgb: Rgb): string {
  let best = { name: 'unmarked', distance: MAX_DISTANCE };
  for (const mark of MARKS) {
    const distance = Math.hypot(rgb[0] - mark.rgb[0], rgb[1] - mark.rgb[1], rgb[2] - mark.rgb[2]);
    if (distance < best.distance) best = { name: mark.name, distance };
  }
  return best.name;
}

/**
 * Which worker marked each tile of the Playground's Mandelbrot canvas: the painter draws a
 * border in the colour of the lane that computed the tile (tile-painter.ts), so the left edge
 * of each tile, halfway down, is read back and matched to the nearest lane colour. Returns
 * how many tiles each mark was found on ('unmarked' for a tile with no recognisable border).
 */
export async function tileMarks(page: Page): Promise<Record<string, number>> {
  const canvas = page.locator('canvas[aria-label$="drawn tile by tile as workers finish"]');
  const samples = await canvas.evaluate((c: HTMLCanvasElement, tile: number) => {
    const ctx = c.getContext('2d');
    const out: [number, number, number][] = [];
    if (!ctx) return out;
    for (let y = 0; y < c.height; y += tile) {
      for (let x = 0; x < c.width; x += tile) {
        const d = ctx.getImageData(x, y + Math.floor(Math.min(tile, c.height - y) / 2), 1, 1).data;
        out.push([d[0] ?? 0, d[1] ?? 0, d[2] ?? 0]);
      }
    }
    return out;
  }, MANDELBROT_VIEW.tileSize);
  const counts: Record<string, number> = {};
  for (const rgb of samples) {
    const name = nearest(rgb);
    counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}
