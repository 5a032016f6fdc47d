import { useEffect, useRef, type ReactNode } from 'react';

/** One turn per second, like `.css-spin`; slower under reduced motion, as the CSS is. */
const TURN_MS = 1000;
const REDUCED_MOTION_TURN_MS = 4000;

/** A clock face with one hand; both spinners share it so only the engine differs. */
function Dial({ children }: { children: ReactNode }) {
  return (
    <div className="relative size-24 rounded-full border-4 border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900">
      {children}
      <div className="absolute top-1/2 left-1/2 size-3 -translate-x-1/2 -translate-y-1/2 rounded-full bg-slate-700 dark:bg-slate-200" />
    </div>
  );
}

/** The hand: a bar from the centre to the top, turned about the dial's centre. */
const HAND =
  'absolute inset-0 before:absolute before:top-2 before:left-1/2 before:h-10 before:w-1.5 before:-translate-x-1/2 before:rounded-full';

/** Turned by requestAnimationFrame writing style.transform: it stops whenever the main thread does. */
function JsSpinner() {
  const handRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const hand = handRef.current;
    if (hand === null) return;
    const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
    let id = requestAnimationFrame(function turn(time: number) {
      const period = reducedMotion.matches ? REDUCED_MOTION_TURN_MS : TURN_MS;
      // Angle from the clock, not a per-frame step: after a freeze the hand jumps, showing the lost time.
      hand.style.transform = `rotate(${((time % period) / period) * 360}deg)`;
      id = requestAnimationFrame(turn);
    });
    return () => cancelAnimationFrame(id);
  }, []);

  return (
    <Dial>
      <div ref={handRef} className={`${HAND} before:bg-amber-500 will-change-transform`} />
    </Dial>
  );
}

function CssSpinner() {
  return (
    <Dial>
      <div className={`${HAND} css-spin before:bg-emerald-500`} />
    </Dial>
  );
}

function SpinnerFigure({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <figure className="flex flex-col items-center gap-3">
      {children}
      <figcaption className="text-center text-sm font-medium text-slate-700 dark:text-slate-300">{caption}</figcaption>
    </figure>
  );
}

/** A JavaScript-driven and a compositor-driven animation side by side. */
export function Spinners({ className = '' }: { className?: string }) {
  return (
    <div className={className}>
      <div className="grid grid-cols-2 gap-4">
        <SpinnerFigure caption="JavaScript (requestAnimationFrame)">
          <JsSpinner />
        </SpinnerFigure>
        <SpinnerFigure caption="CSS (compositor)">
          <CssSpinner />
        </SpinnerFigure>
      </div>
      <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">
        When the page’s thread is busy, only the CSS one keeps turning: the browser hands a transform animation to its
        compositor thread, which keeps drawing frames without waiting for JavaScript.
      </p>
    </div>
  );
}
