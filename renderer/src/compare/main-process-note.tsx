import type { PickedSetup } from './setup-picker';

const NOTE =
  'rounded-xl border border-rose-300 bg-rose-50 p-3 text-base text-rose-950 ' +
  'dark:border-rose-500/50 dark:bg-rose-950/40 dark:text-rose-100';

/** Desktop app: when a pane runs on the main process, both panes will freeze; says why before it happens. */
export function MainProcessNote({ picked }: { readonly picked: PickedSetup }) {
  if (picked.left !== 'main-process' && picked.right !== 'main-process') return null;
  return (
    <p className={NOTE} data-testid="compare-main-process-note">
      <span className="font-semibold">The main process is chosen: this freezes both panes.</span> Each pane has its own
      renderer, but both — and every other window — depend on Electron’s one main process for input, window management
      and IPC. Block it and the pane that runs in the background stops answering too: watch “Main process unresponsive”
      rise on both sides. That is the lesson.
    </p>
  );
}
