/**
 * How the freeze cue is animated (ARCHITECTURE.md, "Measuring responsiveness"). The page can
 * draw nothing while its thread is blocked, but the compositor thread keeps running animations of
 * `opacity` and `transform` it was handed. The cue is such an animation: hidden for a delay, then
 * shown. The page restarts it on every animation frame, so while frames flow it never gets past
 * its delay; when the thread stops, nobody restarts it and it appears by itself.
 */

/**
 * Without a frame for this long, the cue shows. Above the 100 ms a freeze starts to feel like one,
 * with room for the odd slow frame of a loaded machine (a web-worker run must never show it).
 */
export const FREEZE_CUE_DELAY_MS = 250;
/** How long the cue takes to fade in once it shows; under reduced motion it appears at once. */
export const FREEZE_CUE_FADE_MS = 120;

/** Properties the compositor can animate without the main thread: nothing else may be used. */
export const COMPOSITOR_PROPERTIES: ReadonlySet<string> = new Set(['opacity', 'transform']);

export interface FreezeCueAnimation {
  readonly keyframes: Keyframe[];
  readonly timing: KeyframeAnimationOptions;
}

/**
 * The cue's animation: invisible during the delay (fill `both` holds the first keyframe), then
 * visible for as long as nobody restarts it. Under `prefers-reduced-motion` there is no movement
 * and no fade, only an opacity step.
 */
export function freezeCueAnimation(reducedMotion: boolean): FreezeCueAnimation {
  const keyframes: Keyframe[] = reducedMotion
    ? [{ opacity: 0 }, { opacity: 1 }]
    : [
        { opacity: 0, transform: 'scale(0.96)' },
        { opacity: 1, transform: 'scale(1)' },
      ];
  return {
    keyframes,
    timing: {
      delay: FREEZE_CUE_DELAY_MS,
      duration: FREEZE_CUE_FADE_MS,
      fill: 'both',
      // A step at the start of the active phase: shown in full the moment the delay is over.
      easing: reducedMotion ? 'steps(1, start)' : 'ease-out',
    },
  };
}
