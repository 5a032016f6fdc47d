import { ALERT } from '../ui/card';

/** Why the lab cannot run on this page, and how to fix it. */
export function IsolationNotice({ problem, desktop }: { readonly problem: string; readonly desktop: boolean }) {
  return (
    <div role="alert" data-testid="lab-not-isolated" className={`${ALERT} p-4 text-sm`}>
      <p className="font-semibold">The concurrency lab needs a cross-origin isolated page.</p>
      <p className="mt-1">{problem}</p>
      <p className="mt-2">How to fix it:</p>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        <li>
          Serve the page with the headers <code>Cross-Origin-Opener-Policy: same-origin</code> and{' '}
          <code>Cross-Origin-Embedder-Policy: require-corp</code> — <code>npm run web</code> and{' '}
          <code>vite preview</code> do.
        </li>
        <li>
          Open it over <code>http://127.0.0.1</code>, <code>localhost</code> or HTTPS (a secure context).
        </li>
        {!desktop && (
          <li>
            Or use the desktop app (<code>npm install &amp;&amp; npm start</code>), whose pages are always isolated.
          </li>
        )}
      </ul>
      <p className="mt-2">The rest of Unfreeze works without it.</p>
    </div>
  );
}
