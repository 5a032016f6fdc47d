import type { RoomState } from './audience-messages';
import { describeDevice } from './device-summary';
import { summarizeRoom, type RoomSummary } from './room-stats';

/** What the presenter's "Export JSON" saves: every device's result, the medians, the question. */
export interface RoomExport {
  readonly app: 'Unfreeze';
  readonly kind: 'audience';
  readonly exportedAt: string;
  readonly runSeconds: number;
  readonly summary: RoomSummary;
  readonly results: RoomState['results'];
  readonly question: RoomState['question'];
  readonly tally: RoomState['tally'];
}

export function roomExport(state: RoomState, exportedAt: string): RoomExport {
  return {
    app: 'Unfreeze',
    kind: 'audience',
    exportedAt,
    runSeconds: state.runSeconds,
    summary: summarizeRoom(state.results),
    results: state.results,
    question: state.question,
    tally: state.tally,
  };
}

export const AUDIENCE_CSV_COLUMNS = [
  'device',
  'summary',
  'browser',
  'os',
  'mobile',
  'cores',
  'memory_gib',
  'main_wall_ms',
  'main_worst_gap_ms',
  'main_frames_over_50',
  'main_input_delay_ms',
  'workers_wall_ms',
  'workers_worst_gap_ms',
  'workers_frames_over_50',
  'workers_input_delay_ms',
  'at_s',
] as const;

/** One row per device, in the columns above; an unknown figure is an empty field. */
export function roomCsvRows(state: RoomState): (string | number | boolean)[][] {
  const orBlank = (value: number | null) => value ?? '';
  return state.results.map((r) => [
    r.label,
    describeDevice(r.device),
    r.device.browser,
    r.device.os,
    r.device.mobile,
    orBlank(r.device.cores),
    orBlank(r.device.memoryGiB),
    r.main.wallMs,
    r.main.worstGapMs,
    r.main.framesOver50,
    orBlank(r.main.inputDelayMs),
    r.workers.wallMs,
    r.workers.worstGapMs,
    r.workers.framesOver50,
    orBlank(r.workers.inputDelayMs),
    r.atMs / 1000,
  ]);
}
