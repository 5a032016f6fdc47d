/**
 * Checks that a primitive's cells lie in shared memory and inside the array. Over a plain
 * ArrayBuffer each thread would get its own copy, and the lock would silently lock nothing.
 */
export function checkSharedCells(cells: Int32Array, index: number, count: number, what: string): void {
  if (!(cells.buffer instanceof SharedArrayBuffer))
    throw new TypeError(`A ${what} needs an Int32Array over a SharedArrayBuffer`);
  if (!Number.isInteger(index) || index < 0 || index + count > cells.length) {
    const where = count === 1 ? `cell ${index} is` : `cells ${index}–${index + count - 1} are`;
    throw new RangeError(`${what} ${where} outside the array`);
  }
}
