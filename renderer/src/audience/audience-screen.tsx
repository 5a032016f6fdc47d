import type { ScreenProps } from '../nav/screen-props';
import { CARD } from '../ui/card';
import { Dashboard } from './dashboard';
import { MUTED } from './audience-styles';
import { usePresenterSocket } from './presenter-link';

/**
 * The Audience screen: the presenter's dashboard. Served by the audience server with the
 * presenter key in the URL (`?screen=audience&key=…`) it talks to that server over its WebSocket;
 * anywhere else it says how to start a session.
 */
export function AudienceScreen(_props: ScreenProps) {
  const key = new URLSearchParams(window.location.search).get('key');
  if (key !== null) return <SocketDashboard presenterKey={key} />;
  return <HowToStart />;
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
