import './zod-config';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './styles.css';

// `?join=<token>`: an attendee's phone in an audience session, which shows nothing of the app but the test.
const joinToken = new URLSearchParams(window.location.search).get('join');
const JoinPage = lazy(() => import('./audience/join-page').then((m) => ({ default: m.JoinPage })));

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');
createRoot(rootElement).render(
  <StrictMode>
    {joinToken === null ? (
      <App />
    ) : (
      <Suspense>
        <JoinPage token={joinToken} />
      </Suspense>
    )}
  </StrictMode>,
);
