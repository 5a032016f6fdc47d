export interface Bounds {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Two panes side by side with a thin divider; the right one takes the odd pixel. */
export function paneBounds(width: number, height: number, divider = 2): { left: Bounds; right: Bounds } {
  const w = Math.max(0, Math.floor(width));
  const h = Math.max(0, Math.floor(height));
  const leftWidth = Math.max(0, Math.floor((w - divider) / 2));
  const rightX = Math.min(w, leftWidth + divider);
  return {
    left: { x: 0, y: 0, width: leftWidth, height: h },
    right: { x: rightX, y: 0, width: w - rightX, height: h },
  };
}
