import { createElement } from 'react';
import downloadCode from '../../../shared/workloads/download/download.ts?raw';
import transferCode from '../../../shared/workloads/download/file-transfer.ts?raw';
import driveCode from '../../../shared/run/drive.ts?raw';
import scenariosCode from './scenarios.ts?raw';
import type { Chapter, ChapterDemoProps } from '../workshop/chapter';
import { sourceRange } from '../workshop/source-range';
import { ScenarioDemo, type Verdict } from './scenario-demo';
import { ASYNCIO, START_JOIN, WORKER_STATE, type Scenario, type ScenarioStep } from './scenarios';

const SCHEDULER = sourceRange(
  'shared/workloads/download/download.ts',
  downloadCode,
  'function* runDownloads',
  'return { files: results, elapsedMs: clock }',
);
const SCENARIOS = sourceRange('renderer/src/downloads/scenarios.ts', scenariosCode, '/** 1 MB/s per connection', '};');

function demo(scenario: Scenario, verdict: Verdict) {
  return function Demo(props: ChapterDemoProps) {
    return createElement(ScenarioDemo, { scenario, verdict, props });
  };
}

const s = (x: number) => `${x.toFixed(2)} s`;

/** Seconds each file of a step needs on the wire (size ÷ bandwidth), from the step's own parameters. */
function plannedSeconds(step: ScenarioStep | undefined): number[] {
  if (!step) return [];
  return step.params.files.map((f) => f.size / step.params.bandwidth);
}

// The 100 downloads' waiting, summed from the very files the demo downloads (not a literal).
const HUNDRED_STEP = ASYNCIO.steps[0];
const HUNDRED_WAIT_S = Math.round(plannedSeconds(HUNDRED_STEP).reduce((a, b) => a + b, 0));
const HUNDRED_LONGEST_S = Math.max(0, ...plannedSeconds(HUNDRED_STEP));

/** "≈ 5 s (2.9–3.8 s counts)": a step's expectation and the band `judge` accepts, from the step itself. */
function expectS(step: ScenarioStep | undefined): string {
  return step ? `≈ ${step.expectedS} s (as expected within ${step.acceptS[0]}–${step.acceptS[1]} s)` : '';
}

export const DOWNLOAD_CHAPTERS: readonly Chapter[] = [
  {
    id: 'start-join',
    tutorialStep: 'start-join',
    concept: 'Start and join',
    title: 'Two downloads: one after another, or both at once',
    explanation: [
      'data.csv takes 2 seconds to download and image.jpg takes 3. Almost all of that time is spent waiting for bytes ' +
        'to arrive, not computing.',
      'Started one after another, the second waits for the first: 2 + 3 = 5 s. Started together and then joined — ' +
        'wait until both are done — the waits overlap and the pair is done when the longer one is: about 3 s.',
      'Here the download manager runs in the background (a Web Worker, or a utility process in the desktop app). It ' +
        'keeps a queue and a concurrency limit: 1 means one at a time, 2 lets both go.',
    ],
    expected: `One after another ${expectS(START_JOIN.steps[0])}; at once ${expectS(START_JOIN.steps[1])}.`,
    sources: [SCENARIOS, SCHEDULER],
    Demo: demo(START_JOIN, (f) => {
      const [seq, conc] = f;
      const ok = Boolean(seq?.asExpected && conc?.asExpected);
      return {
        measured: `One after another: ${s(seq?.wallS ?? 0)}; both at once: ${s(conc?.wallS ?? 0)}.`,
        asExpected: ok,
      };
    }),
  },
  {
    id: 'worker-state',
    tutorialStep: 'worker-state',
    concept: 'Workers with their own state',
    title: 'Three downloads, each keeping its own fields',
    explanation: [
      'Each download is an object of its own — a FileTransfer — with its own file name, bytes so far, attempt number, ' +
        'connection state and checksum in progress. Nothing is shared between them, so nothing needs a lock.',
      'file1.txt, file2.txt and file3.txt take 1, 2 and 3 seconds. All three run at once, so together they take as ' +
        'long as the longest: about 3 s.',
    ],
    expected: `All three done in ${expectS(WORKER_STATE.steps[0])}.`,
    sources: [
      sourceRange(
        'shared/workloads/download/file-transfer.ts',
        transferCode,
        'export class FileTransfer',
        'private connect(',
      ),
    ],
    Demo: demo(WORKER_STATE, (f) => ({
      measured: `All three files were done after ${s(f[0]?.wallS ?? 0)}.`,
      asExpected: Boolean(f[0]?.asExpected),
    })),
  },
  {
    id: 'asyncio-downloads',
    tutorialStep: 'asyncio',
    concept: 'asyncio: many I/O tasks on one thread',
    title: '100 downloads on the page’s own event loop',
    explanation: [
      `A hundred files of half a second to three seconds each: ${HUNDRED_WAIT_S} seconds of waiting in all, as ` +
        'planned from their sizes and bandwidth. They run on this page’s own thread, the one that also paints the ' +
        'page — no worker at all.',
      'The download manager is a small event loop: it always advances the file whose next chunk is due soonest, and ' +
        'in between it yields a wait. On this thread a wait is a timer (await), so the page paints and answers while ' +
        'the bytes are “on the wire”.',
      'That is what asyncio does in Python: one thread, many I/O tasks, each paused while it waits. The total is ' +
        'about the longest file, not the sum. Only a blocking wait — a synchronous download — would freeze the page; ' +
        'see the Downloads screen.',
    ],
    expected:
      `Total ${expectS(HUNDRED_STEP)} — the longest file (${HUNDRED_LONGEST_S} s), not the ` +
      `${HUNDRED_WAIT_S} s of all the files; the page keeps painting.`,
    sources: [
      SCHEDULER,
      sourceRange('shared/run/drive.ts', driveCode, 'export async function driveSliced', 'if (hooks.isCancelled())'),
    ],
    Demo: demo(ASYNCIO, (f) => {
      const run = f[0];
      const gap = run?.worstGapMs;
      return {
        measured:
          `100 downloads (${HUNDRED_WAIT_S} s of waiting planned; their timelines add up to ` +
          `${run ? run.sumS.toFixed(0) : '?'} s) were done after ${s(run?.wallS ?? 0)}` +
          `${gap != null ? `; worst frame gap ${Math.round(gap)} ms` : ''}.`,
        asExpected: Boolean(run?.asExpected),
      };
    }),
  },
];
