import { useState } from 'react';
import { RUN_SECONDS } from '../../../shared/audience/limits';
import type { UnfreezeApi } from '../../../shared/ipc/unfreeze-api';
import type { ScreenProps } from '../nav/screen-props';
import { ALERT, CARD } from '../ui/card';
import { Dashboard } from './dashboard';
import { INPUT, MUTED, PRIMARY_BUTTON } from './audience-styles';
import { usePresenterSocket } from './presenter-link';
import { useDesktopSession } from './use-desktop-session';

/**
 * The Audience screen: the presenter's dashboard. Served by the audience server with the
 * presenter key in the URL (`?screen=audience&key=…`) it talks to that server over its WebSocket;
 * in the desktop app it starts the server in the main process and talks IPC; in a plain browser
 * it says how to start a session (`npm run audience`).
 */
export function AudienceScreen({ desktop }: ScreenProps) {
  const key = new URLSearchParams(window.location.search).get('key');
  if (key !== null) return <SocketDashboard presenterKey={key} />;
  if (desktop && window.unfreeze) return <DesktopDashboard api={window.unfreeze} />;
  return <HowToStart />;
}

/** In the desktop app: nothing listens until Start; the main process runs the server. */
function DesktopDashboard({ api }: { readonly api: UnfreezeApi }) {
  const session = useDesktopSession(api);
  const [host, setHost] = useState<'lan' | 'loopback'>('lan');
  const [runSeconds, setRunSeconds] = useState<number>(RUN_SECONDS.default);
  if (session.started) {
    return (
      <div className="space-y-3">
        {session.started.note && <p className={`${ALERT} p-3 text-lg`}>{session.started.note}</p>}
        <Dashboard link={session.link} onStop={session.stop} />
      </div>
    );
  }
  return (
    <section className={`${CARD} max-w-3xl space-y-4 text-lg`}>
      <h2 className="text-2xl font-bold">Audience mode</h2>
      <p>
        Start a session and the room joins from their phones with a QR code: each device runs the freeze, and this
        screen fills in with their results. Nothing listens on the network until you start.
      </p>
      <fieldset className="flex flex-wrap gap-4">
        <legend className="mb-1 font-semibold">Listen on</legend>
        {(
          [
            ['lan', 'This computer’s network address (the room can join)'],
            ['loopback', 'This computer only (127.0.0.1)'],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="flex items-center gap-2">
            <input type="radio" name="audience-host" checked={host === value} onChange={() => setHost(value)} />
            {label}
          </label>
        ))}
      </fieldset>
      <label className="flex items-center gap-2">
        Each device runs
        <input
          className={INPUT}
          type="number"
          min={RUN_SECONDS.min}
          max={RUN_SECONDS.max}
          step={0.1}
          value={runSeconds}
          onChange={(e) => setRunSeconds(Number(e.target.value))}
        />
        seconds of work (sized for a mid-range laptop)
      </label>
      <button type="button" className={PRIMARY_BUTTON} onClick={() => session.start({ host, runSeconds })}>
        Start the session
      </button>
      {session.error && (
        <p role="alert" className={`${ALERT} p-3`}>
          {session.error}
        </p>
      )}
    </section>
  );
}

function SocketDashboard({ presenterKey }: { readonly presenterKey: string }) {
  const link = usePresenterSocket(presenterKey);
  return <Dashboard link={link} />;
}

function HowToStart() {
  return (
    <section className={`${CARD} max-w-3xl space-y-3 text-lg`}>
      <h2 className="text-2xl font-bold">Audience mode</h2>
      <p>The whole room runs the freeze on its own phones and laptops, and this screen fills in with their results.</p>
      <p>
        Start a session from a terminal in the project: <code className="font-mono">npm run audience</code>. It prints a{' '}
        <strong>Presenter</strong> link (open it here, on the projector) and a <strong>Join</strong> link, which the
        dashboard shows as a QR code.
      </p>
      <p className={MUTED}>Nothing listens on the network until a session is started, and it stops with Ctrl+C.</p>
    </section>
  );
}
