import { useState } from 'react';
import { describeDevice } from '../../../shared/audience/device-summary';
import { summarizeRoom, type Extreme } from '../../../shared/audience/room-stats';
import { ALERT, CARD } from '../ui/card';
import { formatDuration } from '../../../shared/format/format-duration';
import { exportRoom } from './audience-export';
import { MUTED, SECONDARY_BUTTON } from './audience-styles';
import { DotPlot } from './dot-plot';
import { JoinQr } from './join-qr';
import type { PresenterLink } from './presenter-link';
import { QuestionControls } from './question-controls';

const BIG_NUMBER = 'text-4xl font-bold tabular-nums tracking-tight';

/**
 * The presenter's dashboard, projector-sized: how to join (QR, URL, code) on the left; the room's
 * key numbers, its dot plot and the question on the right. Shows only what the link carries.
 */
export function Dashboard({ link, onStop }: { readonly link: PresenterLink; readonly onStop?: () => void }) {
  const [exported, setExported] = useState<string | null>(null);
  const { state } = link;
  if (state === null) {
    return (
      <p className={`text-xl ${MUTED}`} role="status">
        {link.ended ?? 'Connecting to the session…'}
      </p>
    );
  }
  const summary = summarizeRoom(state.results);
  const count = state.results.length;
  return (
    <div className="grid gap-5 lg:grid-cols-[minmax(280px,340px)_1fr]">
      <section className={`${CARD} flex flex-col items-center gap-2 text-center`} aria-label="How to join">
        <h2 className="text-2xl font-bold">Join on your phone</h2>
        <JoinQr url={state.joinUrl} size={210} />
        <p className="font-mono text-sm break-all" data-testid="join-url">
          {state.joinUrl}
        </p>
        <p className="text-lg">
          Room code{' '}
          <span className="font-mono text-3xl font-bold tracking-widest" data-testid="join-code">
            {state.joinCode}
          </span>
        </p>
        <p role="status" className="text-4xl font-bold tabular-nums" data-testid="result-count">
          {count} {count === 1 ? 'result' : 'results'}
        </p>
        <p className="text-xl tabular-nums" data-testid="room-counts">
          <strong>{state.joined}</strong> joined · <strong>{count}</strong> finished
        </p>
        <div className="mt-auto flex flex-wrap justify-center gap-2 pt-2">
          <button type="button" className={SECONDARY_BUTTON} onClick={() => setExported(exportRoom(state, 'csv'))}>
            Export CSV
          </button>
          <button type="button" className={SECONDARY_BUTTON} onClick={() => setExported(exportRoom(state, 'json'))}>
            Export JSON
          </button>
          {onStop && (
            <button type="button" className={SECONDARY_BUTTON} onClick={onStop}>
              Stop the session
            </button>
          )}
        </div>
        <p className={`text-sm ${MUTED}`}>
          {exported ? `Saved ${exported}.` : 'Results stay in memory only, until you export.'}
        </p>
      </section>
      <section className={`${CARD} flex flex-col gap-3`} aria-label="The room’s results">
        {link.ended && <p className={`${ALERT} p-3 text-lg`}>{link.ended}</p>}
        <div className="grid grid-cols-2 gap-4 xl:grid-cols-4">
          <Figure
            label="Main thread, median"
            value={summary.mainWorstGapMs}
            tone="text-amber-600 dark:text-amber-400"
            testId="median-main"
          />
          <Figure
            label="Web Workers, median"
            value={summary.workersWorstGapMs}
            tone="text-emerald-600 dark:text-emerald-400"
            testId="median-workers"
          />
          <Device label="Slowest device" device={summary.slowest} testId="slowest" />
          <Device label="Fastest device" device={summary.fastest} testId="fastest" />
        </div>
        <h3 className={`-mb-2 text-base ${MUTED}`}>
          Worst frame gap (the longest the page went without drawing), one dot per device. Every device runs the same
          work: {state.runSeconds} s on a mid-range laptop.
        </h3>
        <DotPlot results={state.results} />
        <QuestionControls state={state} send={link.send} />
        {link.refused && <p className={`${ALERT} p-2`}>{link.refused}</p>}
      </section>
    </div>
  );
}

function Figure(props: { label: string; value: number | null; tone: string; testId: string }) {
  return (
    <div>
      <p className={`text-base ${MUTED}`}>{props.label}</p>
      <p className={`${BIG_NUMBER} ${props.tone}`} data-testid={props.testId}>
        {props.value === null ? '—' : formatDuration(props.value)}
      </p>
    </div>
  );
}

function Device({ label, device, testId }: { label: string; device: Extreme | null; testId: string }) {
  return (
    <div data-testid={testId}>
      <p className={`text-base ${MUTED}`}>{label}</p>
      {device === null ? (
        <p className={BIG_NUMBER}>—</p>
      ) : (
        <>
          <p className="text-3xl font-bold tabular-nums">{formatDuration(device.wallMs)}</p>
          <p className="truncate text-base" title={describeDevice(device.device)}>
            {device.device.browser} · {device.device.os}
          </p>
        </>
      )}
    </div>
  );
}
