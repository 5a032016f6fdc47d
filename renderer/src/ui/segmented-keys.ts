/**
 * Where a key press moves the choice in a segmented control (a radio group): the arrow keys step
 * to the next or previous enabled option and wrap around, Home and End jump to the first and last
 * enabled one, as the WAI-ARIA radio group pattern asks. Null for a key the group does not handle,
 * or when no other option can be chosen. Pure, so the keyboard logic is tested without a DOM.
 */
export function nextSegmentIndex(key: string, current: number, disabled: readonly boolean[]): number | null {
  const count = disabled.length;
  const enabled = (i: number) => disabled[i] === false;
  const step = (direction: 1 | -1): number | null => {
    for (let n = 1; n <= count; n++) {
      const i = (((current + direction * n) % count) + count) % count;
      if (enabled(i)) return i === current ? null : i;
    }
    return null;
  };
  const first = (from: number, direction: 1 | -1): number | null => {
    for (let i = from; i >= 0 && i < count; i += direction) if (enabled(i)) return i === current ? null : i;
    return null;
  };
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return step(1);
    case 'ArrowLeft':
    case 'ArrowUp':
      return step(-1);
    case 'Home':
      return first(0, 1);
    case 'End':
      return first(count - 1, -1);
    default:
      return null;
  }
}
