import './zod-config';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import './styles.css';

// Both pages load lazily, after zod-config has run: zod builds an object schema with a probe of
// eval (which the CSP forbids) unless it is configured first, and modules two pages share go into a
// common chunk, which would run before this file's imports were done if a page were imported here.
const App = lazy(() => import('./app').then((m) => ({ default: m.App })));
// `?join=<token>`: an attendee's phone in an audience session, which shows nothing of the app but the test.
const JoinPage = lazy(() => import('./audience/join-page').then((m) => ({ default: m.JoinPage })));
const joinToken = new URLSearchParams(window.location.search).get('join');

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');
createRoot(rootElement).render(
  <StrictMode>
    <Suspense>{joinToken === null ? <App /> : <JoinPage token={joinToken} />}</Suspense>
  </StrictMode>,
);
