/**
 * `npm run stress`: the reliability suite at full size (the unit tests run the same cases by the
 * hundred; see ARCHITECTURE.md, "Limits"). Random and malformed input at every boundary, every fault
 * kind injected into real worker threads and child processes, and the flood of one window. Prints one
 * table: tried / passed / failed per boundary and fault; exits 1 if anything failed.
 *
 *   npm run stress                         10,000 cases per boundary, 50 injections per fault
 *   npm run stress -- --cases=1000 --faults=5
 */
import { realpathSync, rmSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { makeLinkedTree } from '../electron/main/fixtures/linked-tree';
import { parseArgs } from 'node:util';
import type { z } from 'zod';
import { createCompareHub } from '../electron/main/compare-hub';
import { resolveAppFile } from '../electron/main/app-files';
import { flood } from '../electron/main/fixtures/flood';
import { fuzzCall, labRunCall, randomString, randomValue } from '../electron/main/fixtures/ipc-fuzz-cases';
import { dispatchInvoke, type InvokeHandler } from '../electron/main/ipc-dispatch';
import { createInvokeHandlers } from '../electron/main/invoke-handlers';
import { createLabRunner } from '../electron/main/lab/lab-runner';
import { labThreadSpawner } from '../electron/main/lab/lab-thread-spawner';
import { createSenderQuota } from '../electron/main/sender-quota';
import {
  recording,
  sourceProcessSpawner,
  sourceThreadSpawner,
} from '../electron/main/task-host/fixtures/source-entries';
import { createTaskHost } from '../electron/main/task-host/task-host';
import { createTaskIpc, type EventTarget } from '../electron/main/task-ipc';
import { trustedOrigins } from '../electron/main/trusted-sender';
import { parseDeepLink } from '../renderer/src/playground/deep-link';
import { readChapterLink } from '../renderer/src/workshop/chapter-link';
import { HOST_PLACES, POOL_PLACES } from '../shared/host/host-places';
import { invokeChannels, type InvokeChannel } from '../shared/ipc/channels';
import { taskEventSchema } from '../shared/host/task-event';
import { ipcFail, ipcOk, MAX_IPC_MESSAGE, printableLine } from '../shared/ipc/result';
import { parseLabParams } from '../shared/lab/lab-params';
import { getScenario, SCENARIO_NAMES } from '../shared/lab/scenarios';
import { WorkerPool, type PoolWorkerEvents } from '../shared/pool/worker-pool';
import { parseFromWorker } from '../shared/protocol/messages';
import { messageOf } from '../shared/errors/message-of';
import { mulberry32 } from '../shared/testing/mulberry32';
import { badParams, refusalProblems } from '../shared/testing/param-fuzz';
import { VALID_LAB_PARAMS, VALID_WORKLOAD_PARAMS } from '../shared/testing/valid-params';
import { ParamsError } from '../shared/workloads/params-error';
import { getWorkload, WORKLOAD_NAMES } from '../shared/workloads/registry';
import { faultHarness, FAULTS_BY_PLACE } from '../electron/main/fixtures/fault-harness';

const { values } = parseArgs({ options: { cases: { type: 'string' }, faults: { type: 'string' } } });
const CASES = Math.max(1, Number(values.cases ?? 10_000) || 10_000);
const FAULTS = Math.max(1, Number(values.faults ?? 50) || 50);
const random = mulberry32(0x57e55);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

interface Row {
  readonly name: string;
  tried: number;
  passed: number;
  failed: number;
  firstProblem?: string;
  note?: string;
}
const rows: Row[] = [];

/** Runs `n` cases; a case passes when it returns no problems and throws nothing. */
async function boundary(name: string, n: number, one: (i: number) => string[] | Promise<string[]>): Promise<Row> {
  const row: Row = { name, tried: 0, passed: 0, failed: 0 };
  rows.push(row);
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    row.tried++;
    let problems: string[];
    try {
      problems = await one(i);
    } catch (error) {
      problems = [`threw: ${messageOf(error)}`];
    }
    if (problems.length === 0) row.passed++;
    else {
      row.failed++;
      row.firstProblem ??= problems.join('; ').slice(0, 300);
    }
  }
  row.note = `${((performance.now() - started) / 1000).toFixed(1)} s`;
  process.stderr.write(`${name}: ${row.passed}/${row.tried}\n`);
  return row;
}

// eslint-disable-next-line no-control-regex -- no control character may reach a message
const CONTROL = /[\u0000-\u001f\u2028\u2029]/;
const lineProblems = (text: string, max: number) => [
  ...(text.length > max ? [`message of ${text.length} characters`] : []),
  ...(CONTROL.test(text) ? ['raw control character in a message'] : []),
];

async function ipcChannels(): Promise<void> {
  const threads = recording(sourceThreadSpawner());
  const processes = recording(sourceProcessSpawner());
  const host = createTaskHost({
    workerThreads: { size: 2, spawn: threads.spawn },
    utility: { size: 2, spawn: processes.spawn },
  });
  const sender: EventTarget = { id: 1, isDestroyed: () => false };
  let sent = 0;
  const ipc = createTaskIpc<EventTarget>({
    host,
    send: (_t, event) => {
      sent++;
      // The page checks every event it gets; here a malformed one would count as a failure.
      return taskEventSchema.safeParse(event).success ? ipcOk(true) : ipcFail('bad-event', 'malformed task event');
    },
  });
  let panesOpened = 0;
  const compare = createCompareHub<EventTarget>({
    clock: () => Date.now(),
    openPanes: () => {
      panesOpened++;
      return { left: { id: 2, isDestroyed: () => false }, right: { id: 3, isDestroyed: () => false } };
    },
    sendPane: () => ({ ok: true, value: true }),
    sendController: () => ({ ok: true, value: true }),
  });
  const labThreads = labThreadSpawner(new URL('../electron/main/lab/fixtures/lab-thread-via-tsx.mjs', import.meta.url));
  const lab = createLabRunner(labThreads.spawn);
  const handlers = createInvokeHandlers<EventTarget>({
    tasks: ipc.handlers,
    compare: compare.handlers,
    lab,
    appInfo: () => ({ appVersion: '0', electron: '0', chrome: '0', node: '0', platform: 'linux' }),
    clock: () => Date.now(),
    dataPort: () => {},
  });
  for (const channel of Object.keys(invokeChannels) as InvokeChannel[]) {
    await boundary(`IPC ${channel}`, CASES, async () => {
      const fuzz = fuzzCall(channel);
      const result = await dispatchInvoke<InvokeChannel, EventTarget>(
        { channel, args: fuzz.args, senderUrl: fuzz.senderUrl, sender, trustedOrigins: trustedOrigins() },
        handlers[channel] as InvokeHandler<InvokeChannel, EventTarget>,
      );
      if (result.ok) return [`${fuzz.kind} call was accepted`];
      const problems = lineProblems(result.error.message, MAX_IPC_MESSAGE);
      if (result.error.code !== fuzz.expected) problems.push(`answered ${result.error.code}, not ${fuzz.expected}`);
      if (fuzz.mustSay)
        problems.push(...refusalProblems({ mustSay: fuzz.mustSay }, result.error.message, MAX_IPC_MESSAGE));
      return problems;
    });
  }
  await boundary('IPC lab:run, bad params (real runner)', CASES, async (i) => {
    const scenario = SCENARIO_NAMES[i % SCENARIO_NAMES.length] ?? 'race';
    const bad = badParams(getScenario(scenario).params as unknown as z.ZodObject, VALID_LAB_PARAMS[scenario], random);
    const result = await dispatchInvoke(labRunCall(sender, scenario, bad.input), handlers['lab:run']);
    if (!result.ok) return result.error.message.includes('params must be an object') ? [] : [result.error.message];
    if (result.value.status !== 'failed') return [`ran: ${result.value.status}`];
    return refusalProblems(bad, result.value.message, MAX_IPC_MESSAGE);
  });
  const started = threads.workers.length + processes.workers.length;
  const row = rows.find((r) => r.name === 'IPC task:start');
  if (row && (started > 0 || sent > 0 || ipc.routed() > 0 || panesOpened > 0 || labThreads.alive() > 0)) {
    row.failed++;
    row.firstProblem = `bad calls started something: ${started} workers, ${sent} events, ${panesOpened} pane windows`;
  }
  lab.dispose();
  await labThreads.allExited();
  await host.dispose();
}

async function parameters(): Promise<void> {
  const refuse = () => {
    throw new Error('no worker may start for refused parameters');
  };
  const host = createTaskHost({
    workerThreads: { size: 1, spawn: refuse },
    utility: { size: 1, spawn: refuse },
    estimateMs: () => null,
  });
  await boundary('workload params (task host)', CASES, (i) => {
    const workload = WORKLOAD_NAMES[i % WORKLOAD_NAMES.length] ?? 'primes';
    const schema = getWorkload(workload).params as unknown as z.ZodObject;
    const bad = badParams(schema, VALID_WORKLOAD_PARAMS[workload], random);
    try {
      host.start(`p${i}`, pick(HOST_PLACES), { workload, params: bad.input }, () => {});
    } catch (error) {
      if (!(error instanceof ParamsError)) return [`not a ParamsError: ${messageOf(error)}`];
      // As the page gets it: ipcFail cuts the host's message to one printable line on the way out.
      return refusalProblems(bad, printableLine(error.message), MAX_IPC_MESSAGE);
    }
    return ['accepted'];
  });
  await host.dispose();
  await boundary('lab params (parseLabParams)', CASES, (i) => {
    const scenario = SCENARIO_NAMES[i % SCENARIO_NAMES.length] ?? 'race';
    const schema = getScenario(scenario).params as unknown as z.ZodObject;
    const bad = badParams(schema, VALID_LAB_PARAMS[scenario], random);
    try {
      parseLabParams(schema, bad.input, scenario);
    } catch (error) {
      return error instanceof ParamsError
        ? refusalProblems(bad, error.message, MAX_IPC_MESSAGE)
        : ['not a ParamsError'];
    }
    return ['accepted'];
  });
}

async function workerProtocol(): Promise<void> {
  // Only the worker → pool direction is a trust boundary: a worker trusts the pool that spawned
  // it (ARCHITECTURE.md, "Contracts"), so garbage is fed to the pool's parser, not to a worker.
  await boundary('worker protocol: replies parsed by the pool', CASES, () => {
    const parsed = parseFromWorker(randomValue());
    return parsed.ok ? [] : lineProblems(parsed.error, 100_000);
  });
  // A pool whose worker answers with garbage: the job fails clearly, the worker is replaced.
  let events: PoolWorkerEvents | null = null;
  const pool = new WorkerPool(
    1,
    (_lane, e) => {
      events = e;
      return { post: () => {}, terminate: () => {} };
    },
    { set: () => 0, clear: () => {} },
  );
  await boundary('worker protocol: garbage replies to the pool', CASES, () => {
    let outcome = '';
    pool.submit({
      workload: 'primes',
      params: { limit: 10 },
      shard: { index: 0, count: 1 },
      onProgress: () => {},
      onSettled: (o) => (outcome = o.status === 'failed' ? o.message : o.status),
    });
    events?.message(randomValue());
    // Almost all garbage fails the job; the rare message that parses (for no task) is ignored.
    if (outcome === '') events?.failed('cleanup');
    if (pool.state().lanes[0]?.busy) return ['the lane stayed busy'];
    return outcome.startsWith('Worker 1 sent an invalid message') || outcome === 'cleanup'
      ? []
      : [`settled: ${outcome}`];
  });
  pool.dispose();
}

async function deepLinks(): Promise<void> {
  const KEYS = ['place', 'workload', 'size', 'autorun', 'chapter', 'presenter', 'screen'];
  const VALUES = ['web-worker', 'utility-process', 'main-process', 'primes', '3s', '61s', '1', '0', 'freeze', 'nope'];
  const value = () =>
    pick([
      () => pick(VALUES),
      () => randomString(),
      () => 'x'.repeat(Math.floor(random() * 400_000)),
      () => encodeURIComponent(randomString()),
      () => '%E2%80%A8%0A%00',
    ])();
  await boundary('deep links (Playground, Workshop)', CASES, () => {
    const search = `?${Array.from({ length: 1 + Math.floor(random() * 5) }, () => `${pick(KEYS)}=${value()}`).join('&')}`;
    const problems: string[] = [];
    const desktop = random() < 0.5;
    const link = parseDeepLink(search, { desktop, fallback: 'web-worker' });
    for (const error of link.errors) problems.push(...lineProblems(error, 400));
    if (link.link.autorun && link.errors.length > 0) problems.push('autorun despite an error');
    if (!desktop && link.link.place && ['main-process', 'worker-thread', 'utility-process'].includes(link.link.place))
      problems.push('a desktop-only place in the web edition');
    const workshop = readChapterLink(search, [{ id: 'freeze' }, { id: 'cpu' }]);
    if (workshop.error) problems.push(...lineProblems(workshop.error, 400));
    if (workshop.error && workshop.presenter) problems.push('presenter mode despite an error');
    return problems;
  });
}

async function schemeResolver(): Promise<void> {
  const { tmp, served } = makeLinkedTree('unfreeze-stress-');
  symlinkSync(path.join(served, 'assets'), path.join(served, 'inner'));
  const SEGMENTS = [
    '..',
    '%2e%2e',
    '.%2e',
    '%2f',
    '..%2f',
    '%5c',
    '%00',
    '',
    'assets',
    'inner',
    'linked-dir',
    'secret.txt',
  ];
  const NAMES = ['index.html', 'app-1234.js', 'relative.txt', 'data.json', 'secret.txt', '%E0%A4%A', 'x'];
  await boundary('app scheme resolver (real tree, symlinks)', CASES, () => {
    const parts = Array.from({ length: Math.floor(random() * 5) }, () =>
      random() < 0.8 ? pick(SEGMENTS) : randomString(),
    );
    const host = random() < 0.9 ? 'app' : pick(['evil', 'APP', '']);
    const url = `unfreeze://${host}/${[...parts, pick(NAMES)].join('/')}`;
    const result = resolveAppFile(served, url);
    if (!result.ok)
      return [400, 403, 404].includes(result.status) && result.reason ? [] : [`bad refusal ${result.status}`];
    const real = realpathSync(result.filePath);
    if (!real.startsWith(served + path.sep)) return [`served ${real} for ${url}`];
    return statSync(real).isFile() ? [] : [`not a file: ${real}`];
  });
  rmSync(tmp, { recursive: true, force: true });
}

async function faults(): Promise<void> {
  // Threads and processes in parallel, each place on its own task host.
  await Promise.all(
    POOL_PLACES.map(async (place) => {
      const harness = faultHarness();
      for (const fault of FAULTS_BY_PLACE[place])
        await boundary(
          `fault ${fault} (${place === 'worker-thread' ? 'worker threads' : 'child processes'})`,
          FAULTS,
          (n) => harness.inject(place, fault, n),
        );
      await harness.dispose();
    }),
  );
}

async function floodRows(): Promise<void> {
  const capped = await flood(5_000);
  rows.push({
    name: 'flood: 5,000 tasks × 64 from one window',
    tried: capped.tasks,
    passed: capped.accepted + capped.refused,
    failed: capped.firstRefusal?.includes('per window') ? 0 : 1,
    note: `${capped.accepted} accepted, ${capped.refused} refused; senderGone ${capped.senderGoneMs.toFixed(1)} ms`,
  });
  const uncapped = await flood(5_000, { quota: createSenderQuota(Infinity) });
  rows.push({
    name: 'flood, cap lifted: cancel 320k queued jobs',
    tried: uncapped.queuedJobs,
    passed: uncapped.queuedJobs,
    failed: uncapped.senderGoneMs < 5_000 ? 0 : 1,
    note: `senderGone blocked the loop ${uncapped.senderGoneMs.toFixed(0)} ms (129,167 ms before)`,
  });
}

const started = performance.now();
await ipcChannels();
await parameters();
await workerProtocol();
await deepLinks();
await schemeResolver();
await faults();
await floodRows();

const width = Math.max(...rows.map((r) => r.name.length));
const lines = [
  `${'boundary / fault'.padEnd(width)} | tried  | passed | failed | notes`,
  `${'-'.repeat(width)}-|--------|--------|--------|------`,
  ...rows.map(
    (r) =>
      `${r.name.padEnd(width)} | ${String(r.tried).padStart(6)} | ${String(r.passed).padStart(6)} | ${String(r.failed).padStart(6)} | ` +
      `${r.note ?? ''}${r.firstProblem ? ` — first problem: ${r.firstProblem}` : ''}`,
  ),
];
console.log(lines.join('\n'));
console.log(`\n${((performance.now() - started) / 1000).toFixed(0)} s in all`);
process.exit(rows.some((r) => r.failed > 0) ? 1 : 0);
