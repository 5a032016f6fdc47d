import type { OutputProps } from './output-view';

/** The result line, large: for workloads whose only output is their result (prime counting, hashing). */
export function TextOutput({ name, title, run, running }: OutputProps<'text'>) {
  return (
    <>
      <h2 className="mb-3 text-lg font-semibold">{title}</h2>
      <p className="py-10 text-center text-3xl font-semibold break-words tabular-nums" data-testid={`${name}-output`}>
        {run.resultText ?? (running ? `${title}…` : 'Press Start: the result appears here')}
      </p>
    </>
  );
}
