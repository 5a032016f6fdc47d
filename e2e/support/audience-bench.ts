import { execFileSync, spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import type { ToPresenter } from '../../shared/audience/audience-messages';
import { sampleResult } from '../../shared/audience/test-results';
import { percentile } from '../../shared/stats/percentile';
import { AudienceClient, type SessionUrls } from '../../electron/audience/fixtures/audience-client';
import { markdownTable } from './markdown-table';

/**
 * `npm run bench -- --section=audience`: 500 simulated attendees (ws clients) join an audience
 * server on loopback and send their results, spread over 10 s; the time from each send to the
 * presenter's socket receiving a state that holds it (goal p99 ≤ 250 ms), and the server's memory
 * (goal ≤ 100 MB). The server runs as `npm run audience` does, in its own Node process, so its
 * memory is its own and not the clients' (bundled by esbuild first, so not tsx's either).
 */
export interface AudienceReport {
  readonly date: string;
  readonly cores: number;
  readonly loadAverage: readonly number[];
  readonly attendees: number;
  readonly spreadMs: number;
  readonly counted: number;
  readonly latencyP50Ms: number;
  readonly latencyP99Ms: number;
  readonly latencyMaxMs: number;
  readonly serverRssMbBefore: number;
  readonly serverRssMbPeak: number;
}

const ROOT = resolve(import.meta.dirname, '../..');
const GOALS = { p99Ms: 250, rssMb: 100 } as const;

export async function runAudienceBench(attendees = 500, spreadMs = 10_000): Promise<AudienceReport> {
  const entry = await bundleServer();
  const server = spawn(process.execPath, [entry, '--host', '127.0.0.1', '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const session = await urlsOf(server.stdout);
    const rss = () =>
      Number(
        execFileSync('ps', ['-o', 'rss=', '-p', String(server.pid)])
          .toString()
          .trim(),
      ) / 1024;
    const loadAverage = loadavg().map((l) => Number(l.toFixed(2)));
    const presenter = await AudienceClient.presenter(session);
    const before = rss();
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rss())), 250);

    // Each attendee's result carries a unique main-thread gap, which says whose it is on the dashboard.
    const sentAt = new Map<number, number>();
    const latencies: number[] = [];
    const allCounted = new Promise<void>((resolveAll) => {
      presenter.ws.on('message', (data) => {
        const message = JSON.parse(String(data)) as ToPresenter;
        if (message.type !== 'state') return;
        const now = performance.now();
        for (const r of message.state.results) {
          const sent = sentAt.get(r.main.worstGapMs);
          if (sent === undefined) continue;
          latencies.push(now - sent);
          sentAt.delete(r.main.worstGapMs);
        }
        if (latencies.length === attendees) resolveAll();
      });
    });
    const clients: AudienceClient[] = [];
    await Promise.all(
      Array.from({ length: attendees }, async (_, i) => {
        await new Promise((r) => setTimeout(r, (i * spreadMs) / attendees));
        const client = await AudienceClient.attendee(session);
        clients.push(client);
        await client.next((m) => m.type === 'welcome', 'welcome');
        sentAt.set(1000 + i, performance.now());
        client.send(sampleResult(1000 + i));
      }),
    );
    await Promise.race([allCounted, new Promise((r) => setTimeout(r, 15_000))]);
    clearInterval(sampler);
    peak = Math.max(peak, rss());
    clients.forEach((c) => c.ws.terminate());
    presenter.ws.terminate();
    const round = (n: number) => Number(n.toFixed(1));
    return {
      date: new Date().toISOString(),
      cores: cpus().length,
      loadAverage,
      attendees,
      spreadMs,
      counted: latencies.length,
      latencyP50Ms: round(percentile(latencies, 50)),
      latencyP99Ms: round(percentile(latencies, 99)),
      latencyMaxMs: round(Math.max(...latencies)),
      serverRssMbBefore: round(before),
      serverRssMbPeak: round(peak),
    };
  } finally {
    server.kill('SIGTERM');
  }
}

/**
 * `npm run audience`'s entry as one plain-Node module (esbuild), so the memory measured is the
 * server's and not tsx's compiler. Written to out/audience/, where cli.ts's path to out/web holds.
 */
async function bundleServer(): Promise<string> {
  const outfile = resolve(ROOT, 'out/audience/server.mjs');
  await build({
    entryPoints: [resolve(ROOT, 'electron/audience/cli.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'warning',
    // ws is CommonJS and requires Node's built-ins: give the ES module a require.
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  return outfile;
}

/** The two lines `npm run audience` prints, as much of a session as the clients need. */
function urlsOf(stdout: NodeJS.ReadableStream): Promise<SessionUrls> {
  return new Promise((resolveUrls, reject) => {
    const lines = createInterface({ input: stdout });
    let presenterUrl = '';
    lines.on('line', (line) => {
      if (line.startsWith('Presenter: ')) presenterUrl = line.slice('Presenter: '.length);
      if (line.startsWith('Join: ')) {
        const joinUrl = line.slice('Join: '.length);
        const origin = new URL(joinUrl).origin;
        resolveUrls({ presenterUrl, joinUrl, origin });
      }
    });
    lines.on('close', () => reject(new Error('the audience server exited before printing its URLs')));
  });
}

export function printAudienceReport(r: AudienceReport): void {
  console.log(
    `\nAudience mode: ${r.attendees} simulated attendees over ${r.spreadMs / 1000} s on loopback ` +
      `(${r.cores} cores, load ${r.loadAverage.join(' / ')})\n`,
  );
  console.log(
    markdownTable(
      ['Figure', 'Measured', 'Goal', 'Met'],
      [
        ['Results counted', `${r.counted} of ${r.attendees}`, 'all', r.counted === r.attendees ? 'yes' : 'no'],
        ['Send → dashboard, p50', `${r.latencyP50Ms} ms`, '', ''],
        [
          'Send → dashboard, p99',
          `${r.latencyP99Ms} ms`,
          `≤ ${GOALS.p99Ms} ms`,
          r.latencyP99Ms <= GOALS.p99Ms ? 'yes' : 'no',
        ],
        ['Send → dashboard, max', `${r.latencyMaxMs} ms`, '', ''],
        ['Server memory (RSS), idle', `${r.serverRssMbBefore} MB`, '', ''],
        [
          'Server memory (RSS), peak',
          `${r.serverRssMbPeak} MB`,
          `≤ ${GOALS.rssMb} MB`,
          r.serverRssMbPeak <= GOALS.rssMb ? 'yes' : 'no',
        ],
      ],
    ),
  );
}
