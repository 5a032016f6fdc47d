import { useEffect, useRef, useState, type ReactNode } from 'react';
import { meters } from './frame-meter';

/** One turn per second, like `.css-spin`; slower under reduced motion, as the CSS is. */
const TURN_MS = 1000;
const REDUCED_MOTION_TURN_MS = 4000;

/** A clock face with one hand; both spinners share it so only the engine differs. */
function Dial({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div
      title={label}
      className="relative size-24 rounded-full border-4 border-slate-300 bg-white dark:border-slate-600 dark:bg-slate-900"
    >
      {/*
        A square clip around the hand. The compositor cannot know where a turning layer will be, so
        without a clip it takes the hand to cover the whole page, and parts the page paints after it
        go into layers of their own ("overlap"): in a Web Worker run, the chart's block, a button,
        the timeline's frame and a lane's bar, each repainted whenever it changed. Square, not round: a
        rounded clip over a composited layer needs a mask, which costs a draw of its own.
      */}
      <div className="absolute inset-0 overflow-hidden">{children}</div>
      <div className="absolute top-1/2 left-1/2 size-3 -translate-x-1/2 -translate-y-1/2 rounded-full bg-slate-700 dark:bg-slate-200" />
    </div>
  );
}

/**
 * The hand: only the bar itself (40 px from 8 px below the top), turned about the dial's centre,
 * 36 px down the bar.
 * Without a GPU the compositor redraws the box around what moved in every frame, so the turning
 * layer is kept as small as the bar: a dial-sized layer (88×88 px, mostly transparent) turning
 * made each spinner frame draw ~35 % more in viz (SoftwareRenderer quads 0.92 → 0.62–0.69 ms a frame).
 */
const HAND = 'absolute top-2 left-1/2 -ml-0.75 h-10 w-1.5 origin-[50%_36px] rounded-full';

const PAUSE_BUTTON = [
  'rounded-lg border border-slate-300 px-3 py-1 text-base font-medium whitespace-nowrap hover:bg-slate-100',
  'aria-pressed:bg-slate-800 aria-pressed:text-white dark:aria-pressed:bg-slate-200 dark:aria-pressed:text-slate-900',
  'focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-sky-500',
  'dark:border-slate-600 dark:hover:bg-slate-800',
].join(' ');

/**
 * Turned by requestAnimationFrame writing style.transform: it stops whenever the main thread does.
 * (Its caption says "JavaScript"; the dial's label names requestAnimationFrame.)
 */
function JsSpinner({ paused }: { paused: boolean }) {
  const handRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const hand = handRef.current;
    if (hand === null || paused) return;
    const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
    // The frame meter's requestAnimationFrame loop, every frame: one loop for the page, not one each.
    return meters.subscribeFrames((time) => {
      const period = reducedMotion.matches ? REDUCED_MOTION_TURN_MS : TURN_MS;
      // Angle from the clock, not a per-frame step: after a freeze the hand jumps, showing the lost time.
      hand.style.transform = `rotate(${((time % period) / period) * 360}deg)`;
    });
  }, [paused]);

  return (
    <Dial label="Turned by JavaScript: requestAnimationFrame on the page’s main thread">
      <div ref={handRef} className={`${HAND} bg-amber-500 will-change-transform`} />
    </Dial>
  );
}

function CssSpinner({ paused }: { paused: boolean }) {
  return (
    <Dial label="Turned by a CSS animation on the compositor thread">
      <div className={`${HAND} css-spin bg-emerald-500`} style={paused ? { animationPlayState: 'paused' } : {}} />
    </Dial>
  );
}

function SpinnerFigure(props: { caption: string; note: string; testId: string; children: ReactNode }) {
  const { caption, note, testId, children } = props;
  return (
    <figure className="flex min-w-0 flex-col items-center gap-2" data-testid={testId}>
      {children}
      <figcaption className="text-center text-base text-slate-700 dark:text-slate-200">
        <span className="block font-semibold">{caption}</span>
        <span className="block">{note}</span>
      </figcaption>
    </figure>
  );
}

export interface SpinnersProps {
  readonly className?: string;
  /** The paragraph on why only one keeps turning (the Playground says it elsewhere). */
  readonly explain?: boolean;
  /** The pause control beside the dials rather than under them (a short panel). */
  readonly row?: boolean;
}

/**
 * A JavaScript-driven and a compositor-driven animation side by side, with a control that pauses
 * both (motion must be stoppable). Which one stops during a freeze is the lesson, so the captions
 * say it in words too.
 */
export function Spinners({ className = '', explain = true, row = false }: SpinnersProps) {
  const [paused, setPaused] = useState(false);
  const pause = (
    // One name whatever the state: aria-pressed (and the filled look) says which. Not "Pause":
    // screens with a Pause button of their own (Downloads) must keep that name to themselves.
    <button type="button" aria-pressed={paused} onClick={() => setPaused((p) => !p)} className={PAUSE_BUTTON}>
      Stop spinners
    </button>
  );
  return (
    <div className={className}>
      <div className={`grid items-center gap-4 ${row ? 'grid-cols-[1fr_1fr_auto]' : 'grid-cols-2'}`}>
        <SpinnerFigure caption="JavaScript" note="stops when the page freezes" testId="spinner-js">
          <JsSpinner paused={paused} />
        </SpinnerFigure>
        <SpinnerFigure caption="CSS (compositor)" note="keeps turning" testId="spinner-css">
          <CssSpinner paused={paused} />
        </SpinnerFigure>
        {row && pause}
      </div>
      {!row && <div className="mt-3 flex justify-center">{pause}</div>}
      {explain && (
        <p className="mt-3 text-base text-slate-600 dark:text-slate-300">
          When the page’s thread is busy, only the CSS one keeps turning: the browser hands a transform animation to its
          compositor thread, which keeps drawing frames without waiting for JavaScript.
        </p>
      )}
    </div>
  );
}
