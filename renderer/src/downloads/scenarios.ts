import type { DownloadFileInput, DownloadParamsInput } from '../../../shared/workloads/download/download';
import type { DownloadPlace } from './download-places';

const KB = 1000;

/** One run of a scenario: a batch in a place, with what the tutorial says it should take. */
export interface ScenarioStep {
  readonly label: string;
  readonly place: DownloadPlace;
  readonly params: DownloadParamsInput;
  /** Seconds the tutorial expects, and the band we accept as "as expected" on a busy machine. */
  readonly expectedS: number;
  readonly acceptS: readonly [number, number];
}

export interface Scenario {
  readonly id: 'start-join' | 'worker-state' | 'asyncio' | 'blocking';
  readonly title: string;
  readonly expectation: string;
  /** `background` is replaced by the place chosen on screen; the others are the lesson's own. */
  readonly steps: readonly ScenarioStep[];
}

/** A file that takes `seconds` at `bandwidth` bytes per second. */
const file = (id: number, name: string, seconds: number, bandwidth: number): DownloadFileInput => ({
  id,
  name,
  size: Math.round(seconds * bandwidth),
});

/** 1 MB/s per connection: data.csv is 2 MB, image.jpg 3 MB. */
const BANDWIDTH = 1000 * KB;
const pair = [file(1, 'data.csv', 2, BANDWIDTH), file(2, 'image.jpg', 3, BANDWIDTH)];

export const START_JOIN: Scenario = {
  id: 'start-join',
  title: 'Start and join: data.csv (2 s) and image.jpg (3 s)',
  expectation: 'One after another ≈ 5 s (the sum); both at once ≈ 3 s (the longer one).',
  steps: [
    {
      label: 'Sequential',
      place: 'background',
      params: { files: pair, bandwidth: BANDWIDTH, concurrency: 1, seed: 1 },
      expectedS: 5,
      acceptS: [4.9, 5.8],
    },
    {
      label: 'Concurrent',
      place: 'background',
      params: { files: pair, bandwidth: BANDWIDTH, concurrency: 2, seed: 1 },
      expectedS: 3,
      acceptS: [2.9, 3.8],
    },
  ],
};

export const WORKER_STATE: Scenario = {
  id: 'worker-state',
  title: 'Workers with their own state: file1/2/3.txt at 1, 2 and 3 s',
  expectation: 'Each download keeps its own name, bytes and attempts; all three are done in ≈ 3 s.',
  steps: [
    {
      label: 'Three at once',
      place: 'background',
      params: {
        files: [1, 2, 3].map((s) => file(s, `file${s}.txt`, s, BANDWIDTH)),
        bandwidth: BANDWIDTH,
        concurrency: 3,
        seed: 2,
      },
      expectedS: 3,
      acceptS: [2.9, 3.8],
    },
  ],
};

/** 100 files of 0.5 to 3 s at 50 kB/s each: together ≈ 175 s of waiting. */
export const HUNDRED = Array.from({ length: 100 }, (_, i) =>
  file(i + 1, `file-${String(i + 1).padStart(3, '0')}.bin`, 0.5 + (2.5 * i) / 99, 50 * KB),
);

export const ASYNCIO: Scenario = {
  id: 'asyncio',
  title: 'asyncio: 100 downloads on one thread',
  expectation:
    '100 files of 0.5–3 s (175 s in all) on the page’s own event loop: done in ≈ 3 s, the longest — and the page keeps painting.',
  steps: [
    {
      label: '100 at once',
      place: 'event-loop',
      params: { files: HUNDRED, bandwidth: 50 * KB, concurrency: 100, seed: 3 },
      expectedS: 3,
      acceptS: [2.9, 3.9],
    },
  ],
};

export const BLOCKING: Scenario = {
  id: 'blocking',
  title: 'Blocking I/O on the main thread: the same 2 s + 3 s',
  expectation:
    'A synchronous download holds the thread until its file is complete: ≈ 5 s, and the page is frozen for all of it.',
  steps: [
    {
      label: 'Blocking',
      place: 'blocking',
      params: { files: pair, bandwidth: BANDWIDTH, concurrency: 1, seed: 1 },
      expectedS: 5,
      acceptS: [4.9, 5.8],
    },
  ],
};

export const SCENARIOS: readonly Scenario[] = [START_JOIN, WORKER_STATE, ASYNCIO, BLOCKING];

/** What one step measured. */
export interface StepFigures {
  readonly label: string;
  readonly wallS: number;
  readonly expectedS: number;
  /** Longest single file and the sum of all files, by their own start and end (seconds). */
  readonly longestS: number;
  readonly sumS: number;
  readonly worstGapMs: number | null;
  readonly ok: boolean;
  readonly asExpected: boolean;
}

export function judge(step: ScenarioStep, wallS: number): boolean {
  return wallS >= step.acceptS[0] && wallS <= step.acceptS[1];
}

/** "5.02 s (expected ≈ 5 s)". */
export function figureSentence(f: StepFigures): string {
  return `${f.label}: ${f.wallS.toFixed(2)} s (expected ≈ ${f.expectedS} s)`;
}
