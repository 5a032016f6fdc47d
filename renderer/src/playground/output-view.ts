import type { ReactNode, Ref } from 'react';
import type { Place } from '../../../shared/places';
import type { PlaygroundWorkload } from '../../../shared/workloads/registry';
import type { PlaygroundViews, ViewKind } from '../../../shared/workloads/workload';
import type { RunView } from './use-task-run';

/**
 * What the Playground tells a view during a run, outside React: chunks arrive many times a
 * second, and re-rendering for each would add work to the very thread being measured.
 */
export interface OutputHandle<K extends ViewKind> {
  /** A run with these params is about to start: clear what the last one drew. */
  begin(params: PlaygroundViews[K]['params']): void;
  /** Chunks as they arrive, with the lane (worker) that made them and the place it runs in. */
  chunks(chunks: readonly PlaygroundViews[K]['chunk'][], lane: number, place: Place): void;
}

export interface OutputProps<K extends ViewKind> {
  /** The workload's name, for test ids; its title is the heading. */
  readonly name: PlaygroundWorkload;
  readonly title: string;
  readonly run: RunView;
  readonly running: boolean;
  readonly dark: boolean;
  /** A view with nothing to do before or during a run (text) may leave it unset. */
  readonly ref: Ref<OutputHandle<K>>;
}

/** One output panel of the Playground: the canvas of a 'tiles' workload, the result line of a 'text' one. */
export type OutputView<K extends ViewKind> = (props: OutputProps<K>) => ReactNode;
