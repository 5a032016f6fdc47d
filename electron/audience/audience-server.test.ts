import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ToAttendee } from '../../shared/audience/audience-messages';
import { sampleResult } from '../../shared/audience/test-results';
import { startAudienceServer, type AudienceServerOptions, type AudienceSession } from './audience-server';
import { AudienceClient, stateWhen, wsBase } from './fixtures/audience-client';

// A stand-in for out/web, beside a file that must never be served and a link that leads to it.
let base: string;
let root: string;
beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'audience-'));
  root = join(base, 'web');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Unfreeze</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1);');
  writeFileSync(join(base, 'secret.txt'), 'SECRET');
  symlinkSync(join(base, 'secret.txt'), join(root, 'link.txt'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const sessions: AudienceSession[] = [];
const clients: AudienceClient[] = [];
async function start(options: Partial<AudienceServerOptions> = {}): Promise<AudienceSession> {
  const session = await startAudienceServer({ host: '127.0.0.1', root, stateEveryMs: 20, ...options });
  sessions.push(session);
  return session;
}
async function attendee(session: AudienceSession): Promise<AudienceClient> {
  const client = await AudienceClient.attendee(session);
  clients.push(client);
  await client.next((m) => m.type === 'welcome', 'welcome');
  return client;
}
async function presenter(session: AudienceSession): Promise<AudienceClient> {
  const client = await AudienceClient.presenter(session);
  clients.push(client);
  return client;
}
afterEach(async () => {
  clients.splice(0).forEach((c) => c.ws.terminate());
  await Promise.all(sessions.splice(0).map((s) => s.stop()));
});

const isRefused = (m: ToAttendee | { type: string }): m is Extract<ToAttendee, { type: 'refused' }> =>
  m.type === 'refused';

/** A raw request, so the target reaches the server exactly as written (fetch would normalise `..`). */
function rawGet(origin: string, target: string, method = 'GET') {
  const { hostname, port } = new URL(origin);
  return new Promise<{ status: number; body: string; csp: string }>((resolve, reject) => {
    const req = request({ hostname, port, path: target, method }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body, csp: String(res.headers['content-security-policy']) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the audience server: who may connect', () => {
  it('has a join token and a presenter key of at least 128 random bits, new each session', async () => {
    const a = await start();
    const b = await start();
    const token = (s: AudienceSession) => new URL(s.joinUrl).searchParams.get('join') ?? '';
    const key = (s: AudienceSession) => new URL(s.presenterUrl).searchParams.get('key') ?? '';
    for (const secret of [token(a), key(a)])
      expect(Buffer.from(secret, 'base64url').byteLength).toBeGreaterThanOrEqual(16);
    expect(token(a)).not.toBe(token(b));
    expect(token(a)).not.toBe(key(a));
    expect(a.joinCode).toMatch(/^[A-Z2-9]{4}$/);
  });

  it('lets an attendee in with the token, and refuses no token, a wrong one, or the token as presenter key', async () => {
    const session = await start();
    const welcome = await (await attendee(session)).next((m) => m.type === 'welcome');
    expect(welcome).toEqual({
      type: 'welcome',
      joinCode: session.joinCode,
      runSeconds: 1,
      question: null,
      reveal: null,
    });
    const token = new URL(session.joinUrl).searchParams.get('join');
    for (const query of [
      'role=attendee',
      'role=attendee&token=wrong',
      `role=presenter&key=${token}`,
      `token=${token}`,
    ]) {
      await expect(AudienceClient.open(`${wsBase(session)}?${query}`, session.origin), query).rejects.toThrow(
        'refused: 403',
      );
    }
    expect(session.connections()).toEqual({ attendees: 1, presenters: 0 });
  });

  it('refuses an upgrade from another origin or with none, and any path but /ws', async () => {
    const session = await start();
    const token = new URL(session.joinUrl).searchParams.get('join');
    const url = `${wsBase(session)}?role=attendee&token=${token}`;
    await expect(AudienceClient.open(url, 'http://evil.example')).rejects.toThrow('refused: 403');
    await expect(AudienceClient.open(url, undefined)).rejects.toThrow('refused: 403');
    await expect(AudienceClient.open(url.replace('/ws', '/other'), session.origin)).rejects.toThrow('refused: 404');
    expect(session.connections().attendees).toBe(0);
  });

  it('refuses the device over the cap with a sentence, and lets the others stay', async () => {
    const session = await start({ limits: { maxAttendees: 3 } });
    const inside = await Promise.all([attendee(session), attendee(session), attendee(session)]);
    const fourth = await AudienceClient.attendee(session);
    clients.push(fourth);
    const refused = await fourth.next(isRefused);
    expect(refused.reason).toBe('The room is full (3 devices). Try again later.');
    expect((await fourth.closed).code).toBe(1013);
    inside[0]?.send(sampleResult(900));
    await inside[0]?.next((m) => m.type === 'accepted');
    expect(session.state()).toMatchObject({ joined: 3, results: [{ label: 'Device 1' }] });
  });
});

describe('the audience server: what it accepts', () => {
  it('refuses bad and oversized messages with the reason, changes nothing, and keeps the connection', async () => {
    const session = await start();
    const client = await attendee(session);
    const bad: [unknown, string][] = [
      ['{"type":', 'Refused: the message is not JSON'],
      [{ type: 'vote' }, 'Refused: type: type must be "result" or "answer"'],
      [
        { ...sampleResult(900), main: { ...sampleResult(900).main, wallMs: 1e9 } },
        'Refused: main.wallMs: wallMs must be a number from 0 to 600,000',
      ],
      [{ ...sampleResult(900), email: 'a@b.c' }, 'Unrecognized key: "email"'],
      [
        { ...sampleResult(900), device: { ...sampleResult(900).device, browser: 'x'.repeat(5000) } },
        'a message must be at most 4096 bytes; this one has',
      ],
      [
        { type: 'answer', questionId: 'q1', answer: { choice: 0 } },
        'Answer not counted: there is no question on the screen',
      ],
    ];
    for (const [message, reason] of bad) {
      const reply = client.nextNew(isRefused);
      client.send(message);
      expect(((await reply) as { reason: string }).reason).toContain(reason);
      await new Promise((r) => setTimeout(r, 220)); // stay under the rate limit: this test is about content
    }
    const binary = client.nextNew(isRefused);
    client.ws.send(Buffer.from([1, 2, 3]));
    expect(((await binary) as { reason: string }).reason).toBe('messages must be JSON text');
    expect(session.state().results).toEqual([]);
    client.send(sampleResult(900));
    await client.next((m) => m.type === 'accepted');
    expect(session.state().results).toHaveLength(1);
  });

  it('closes a connection that sends a frame far over the cap, and no one else', async () => {
    const session = await start();
    const rude = await attendee(session);
    const polite = await attendee(session);
    rude.ws.send('x'.repeat(100_000));
    expect((await rude.closed).code).toBe(1009);
    polite.send(sampleResult(700));
    await polite.next((m) => m.type === 'accepted');
    expect(session.state().results.map((r) => r.label)).toEqual(['Device 2']);
  });

  it('limits a flood of 1,000 messages a second from one client and disconnects it; the others are unaffected', async () => {
    const session = await start();
    const watcher = await presenter(session);
    const flooder = await attendee(session);
    const others = await Promise.all(Array.from({ length: 5 }, () => attendee(session)));
    let sent = 0;
    const flood = setInterval(() => {
      for (let i = 0; i < 10 && flooder.ws.readyState === flooder.ws.OPEN; i++, sent++)
        flooder.send(sampleResult(sent));
    }, 10);
    const latencies: number[] = [];
    for (const [i, other] of others.entries()) {
      await new Promise((r) => setTimeout(r, 50));
      const sentAt = performance.now();
      other.send(sampleResult(1000 + i));
      await stateWhen(watcher, (s) => s.results.some((r) => r.main.worstGapMs === 1000 + i), `result ${i}`);
      latencies.push(performance.now() - sentAt);
    }
    const closed = await flooder.closed;
    clearInterval(flood);
    expect(closed.code).toBe(1008);
    const refusals = flooder.received.filter(isRefused);
    expect(refusals[0]?.reason).toBe('too many messages: at most 5 a second (bursts of 10)');
    expect(refusals.at(-1)?.reason).toMatch(/^Disconnected after 20 refused messages/);
    // Accepted: the burst, and whatever the rate refilled; the flooder is still one device.
    expect(flooder.received.filter((m) => m.type === 'accepted').length).toBeLessThanOrEqual(12);
    const state = session.state();
    expect(state.results).toHaveLength(6);
    expect(state.results.filter((r) => r.label === 'Device 1')).toHaveLength(1);
    expect(others.every((o) => o.ws.readyState === o.ws.OPEN)).toBe(true);
    expect(Math.max(...latencies)).toBeLessThan(1000);
  });

  it('counts every result of 200 attendees at once exactly once', async () => {
    const session = await start();
    const watcher = await presenter(session);
    const crowd = await Promise.all(Array.from({ length: 200 }, () => attendee(session)));
    crowd.forEach((client, i) => client.send(sampleResult(100 + i)));
    const state = await stateWhen(watcher, (s) => s.results.length >= 200, '200 results');
    await new Promise((r) => setTimeout(r, 100)); // a late duplicate would show by now
    const final = session.state();
    expect(final.results).toHaveLength(200);
    expect(state.joined).toBe(200);
    expect(new Set(final.results.map((r) => r.label)).size).toBe(200);
    expect(final.results.map((r) => r.main.worstGapMs).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 200 }, (_, i) => 100 + i),
    );
  });

  it('carries a question to the attendees, counts their answers and reveals them beside the medians', async () => {
    const session = await start();
    const watcher = await presenter(session);
    const a = await attendee(session);
    const b = await attendee(session);
    watcher.send({ type: 'ask', question: { kind: 'seconds', text: 'How long will the page freeze?' } });
    const asked = await a.next((m) => m.type === 'question');
    expect(asked).toMatchObject({ question: { id: 'q1', kind: 'seconds' } });
    a.send({ type: 'answer', questionId: 'q1', answer: { seconds: 0.5 } });
    b.send({ type: 'answer', questionId: 'q1', answer: { seconds: 2.5 } });
    a.send(sampleResult(900));
    b.send(sampleResult(1100));
    await stateWhen(watcher, (s) => s.tally?.answers === 2 && s.results.length === 2, 'two answers');
    watcher.send({ type: 'reveal' });
    const reveal = await b.next((m) => m.type === 'reveal');
    expect(reveal).toMatchObject({ reveal: { devices: 2, mainWorstGapMs: 1000, tally: { medianGuessSeconds: 1.5 } } });
    watcher.send({ type: 'ask', question: { kind: 'choice', text: 'x', choices: ['only one'] } });
    const refused = await watcher.next((m) => m.type === 'refused');
    expect(refused).toMatchObject({ reason: expect.stringContaining('question.choices must have 2 to 4 answers') });
  });
});

describe('the audience server: stopping, and the files it serves', () => {
  it('tells every connected page when the session stops, and stops listening', async () => {
    const session = await start();
    const pages = [
      await presenter(session),
      ...(await Promise.all(Array.from({ length: 5 }, () => attendee(session)))),
    ];
    await session.stop();
    sessions.splice(sessions.indexOf(session), 1);
    for (const page of pages) {
      expect(page.received.at(-1)).toEqual({ type: 'stopped', reason: 'The presenter ended the session.' });
      expect((await page.closed).code).toBe(1001);
    }
    await expect(AudienceClient.attendee(session)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('serves its built files with the CSP that allows its own WebSocket, and nothing outside them', async () => {
    const session = await start();
    const index = await rawGet(session.origin, '/?join=abc');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>Unfreeze</title>');
    const ws = session.origin.replace('http', 'ws');
    expect(index.csp).toBe(
      "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self'; img-src 'self'; frame-src 'self'; " +
        `connect-src 'self' ${ws}; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    );
    expect((await rawGet(session.origin, '/assets/app.js')).status).toBe(200);
    for (const target of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/link.txt',
      '//etc/passwd',
      '/..\\secret.txt',
      `${base}/secret.txt`,
      `http://127.0.0.1/../secret.txt`,
      '/missing.js',
    ]) {
      const answer = await rawGet(session.origin, target);
      expect(answer.body, target).not.toContain('SECRET');
      expect([400, 403, 404], target).toContain(answer.status);
      expect(answer.csp, target).toContain("default-src 'self'");
    }
    expect((await rawGet(session.origin, '/', 'POST')).status).toBe(405);
  });

  it('refuses to start without built pages, or with a run length out of range', async () => {
    await expect(start({ root: join(base, 'nowhere') })).rejects.toThrow('run "npm run build:web" first');
    await expect(start({ runSeconds: 9 })).rejects.toThrow('runSeconds must be a number from 0.1 to 5');
  });
});
