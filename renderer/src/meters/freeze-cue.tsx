import { useEffect, useRef } from 'react';
import { meters } from './frame-meter';
import { freezeCueAnimation } from './freeze-cue-timing';

export interface FreezeCueProps {
  /** The big line. */
  readonly title?: string;
  /** What it means for what the cue covers. */
  readonly detail?: string;
  /** Headline size, for covering a headline. */
  readonly big?: boolean;
  /** Corners or a margin to match what it covers; it always fills its positioned parent. */
  readonly className?: string;
}

const CUE = [
  'pointer-events-none absolute inset-0 z-10 flex flex-col items-center justify-center gap-1 rounded-xl',
  // will-change keeps the cue on its own compositor layer between restarts: a restart is then a
  // property update for the compositor, never a layer to create and paint again.
  'bg-rose-700 px-4 text-center text-white opacity-0 shadow-lg ring-4 ring-rose-300 will-change-[opacity,transform]',
  'dark:bg-rose-800 dark:ring-rose-500',
].join(' ');

/**
 * "Page frozen", shown over what cannot update while the page's thread is blocked (a clock, a
 * chart, a verdict), by the compositor alone: see `freeze-cue-timing.ts`. Put it inside a
 * `relative` element. It never takes clicks, and screen readers skip it (nothing reaches them
 * during a freeze either; the status line says what is running).
 */
export function FreezeCue({
  title = 'Page frozen',
  detail = 'The main thread is busy: nothing on this page can update.',
  big = false,
  className = '',
}: FreezeCueProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (element === null || typeof element.animate !== 'function') return;
    const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
    let animation: Animation | null = null;
    const arm = () => {
      if (animation === null && !meters.settledNow) return;
      animation?.cancel();
      const { keyframes, timing } = freezeCueAnimation(reducedMotion.matches);
      animation = element.animate(keyframes, timing);
    };
    // Back to the start of the delay: called on every frame the page draws.
    const restart = () => {
      if (animation !== null) animation.currentTime = 0;
    };
    // Armed once the page has settled after load: starting up is not a freeze.
    const unsubscribe = meters.subscribeFrames(() => {
      if (animation !== null) restart();
      else if (meters.settledNow) arm();
    });
    // A hidden page draws no frames, and that is not a freeze: start over when it shows again.
    document.addEventListener('visibilitychange', restart);
    reducedMotion.addEventListener('change', arm);
    return () => {
      unsubscribe();
      document.removeEventListener('visibilitychange', restart);
      reducedMotion.removeEventListener('change', arm);
      animation?.cancel();
    };
  }, []);
  return (
    <div ref={ref} aria-hidden="true" data-testid="freeze-cue" className={`${CUE} ${className}`}>
      <span className={`${big ? 'text-5xl' : 'text-3xl'} font-extrabold tracking-tight uppercase`}>{title}</span>
      <span className={`${big ? 'text-xl' : 'text-lg'} font-semibold`}>{detail}</span>
    </div>
  );
}
