import { describe, expect, it } from 'vitest';
import { figureLabel, figureUnit, formatFigure, orderedFigureNames } from './figures';

describe('figure names', () => {
  it('read their unit from the end of the name', () => {
    expect(figureUnit('wall_ms')).toBe('ms');
    expect(figureUnit('wake_s')).toBe('s');
    expect(figureUnit('per_task_us')).toBe('µs');
    expect(figureUnit('frames_over_50')).toBe('count');
    expect(figureUnit('transfer_64mib_over_1mib_ratio')).toBe('ratio');
    expect(figureUnit('checksum')).toBe('');
  });

  it('have words and a readable value', () => {
    expect(figureLabel('worst_gap_ms')).toBe('Worst frame gap');
    expect(figureLabel('per_task_message_ms')).toBe('Per task message');
    expect(formatFigure('wall_ms', 2810.4)).toBe('2.81 s');
    expect(formatFigure('worst_gap_ms', 17.2)).toBe('17 ms');
    expect(formatFigure('wake_s', 2.013)).toBe('2.01 s');
    expect(formatFigure('transfer_64mib_over_1mib_ratio', 1.8333)).toBe('1.83×');
    expect(formatFigure('frames_over_50', 3)).toBe('3');
  });

  it('put the key figures first, in their order', () => {
    expect(orderedFigureNames(['b_ms', 'frames_over_50', 'a_ms', 'wall_ms', 'b_ms'])).toEqual([
      'wall_ms',
      'frames_over_50',
      'b_ms',
      'a_ms',
    ]);
  });
});
