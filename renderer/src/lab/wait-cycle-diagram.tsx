import type { ReactNode } from 'react';
import type { WaitEdge } from '../../../shared/lab/wait-for-graph';
import { laneColor } from '../ui/lane-colors';
import { formatInSeconds } from '../../../shared/format/format-duration';

/**
 * The diagram's drawing sizes. The SVG is drawn at 1:1 (its viewBox in CSS px), so these font
 * sizes are the px on screen: ≥ 14 on a screen, ≥ 20 on a projector.
 */
const NORMAL = { size: 280, r: 96, edgeFont: 14, workerFont: 16, lockFont: 18, workerR: 28 };
const PRESENTER = { size: 360, r: 124, edgeFont: 20, workerFont: 22, lockFont: 24, workerR: 34 };

/**
 * The wait-for cycle the lab found: workers and locks on a ring, "waits for" arrows from each
 * worker to the lock it wants, "held by" arrows from each lock to its holder. Drawn once, when
 * the cycle is detected (SVG: it does not change while it is shown).
 */
export function WaitCycleDiagram({
  cycle,
  lockNames,
  afterMs,
  presenter = false,
}: {
  readonly cycle: readonly WaitEdge[];
  readonly lockNames: readonly string[];
  readonly afterMs: number;
  readonly presenter?: boolean;
}) {
  const nodes: { kind: 'worker' | 'lock'; id: number }[] = [];
  for (const edge of cycle) nodes.push({ kind: 'worker', id: edge.lane }, { kind: 'lock', id: edge.waitsFor });
  const m = presenter ? PRESENTER : NORMAL;
  const { size, r } = m;
  const c = size / 2;
  const pos = nodes.map((_, i) => {
    const a = -Math.PI / 2 + (i / nodes.length) * 2 * Math.PI - Math.PI / nodes.length;
    return { x: c + r * Math.cos(a), y: c + r * Math.sin(a) };
  });
  const describe = cycle
    .map(
      (e) =>
        `worker ${e.lane + 1} holds ${lockNames[e.holds] ?? e.holds} and waits for ${lockNames[e.waitsFor] ?? e.waitsFor}`,
    )
    .join('; ');
  return (
    <figure className="flex flex-wrap items-center gap-4" data-testid="wait-cycle">
      <svg
        viewBox={`0 0 ${size} ${size}`}
        width={size}
        height={size}
        className="max-w-full shrink-0"
        role="img"
        aria-label={`Wait-for cycle: ${describe}`}
      >
        <defs>
          <marker
            id="wait-arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0 0 L10 5 L0 10 z" fill="currentColor" />
          </marker>
        </defs>
        {pos.map((p, i) => {
          const q = pos[(i + 1) % pos.length] ?? p;
          const dx = q.x - p.x;
          const dy = q.y - p.y;
          const len = Math.hypot(dx, dy) || 1;
          const pad = m.workerR + 6;
          const waits = nodes[i]?.kind === 'worker';
          return (
            <g key={i} className={waits ? 'text-rose-600 dark:text-rose-400' : 'text-slate-500 dark:text-slate-400'}>
              <line
                x1={p.x + (dx / len) * pad}
                y1={p.y + (dy / len) * pad}
                x2={q.x - (dx / len) * pad}
                y2={q.y - (dy / len) * pad}
                stroke="currentColor"
                strokeWidth={waits ? 3 : 2}
                strokeDasharray={waits ? '6 4' : undefined}
                markerEnd="url(#wait-arrow)"
              />
              <text
                x={(p.x + q.x) / 2 + (dy / len) * m.edgeFont}
                y={(p.y + q.y) / 2 - (dx / len) * m.edgeFont}
                textAnchor="middle"
                dominantBaseline="middle"
                fontSize={m.edgeFont}
                fill="currentColor"
              >
                {waits ? 'waits for' : 'held by'}
              </text>
            </g>
          );
        })}
        {nodes.map((n, i) => {
          const p = pos[i] ?? { x: c, y: c };
          return n.kind === 'worker' ? (
            <g key={i}>
              <circle cx={p.x} cy={p.y} r={m.workerR} fill={laneColor(n.id, false)} />
              <NodeLabel at={p} fontSize={m.workerFont} fontWeight={700} fill="white">
                W{n.id + 1}
              </NodeLabel>
            </g>
          ) : (
            <g key={i} className="text-slate-800 dark:text-slate-100">
              <rect
                x={p.x - m.workerR}
                y={p.y - m.workerR * 0.75}
                width={m.workerR * 2}
                height={m.workerR * 1.5}
                rx={8}
                className="fill-slate-100 stroke-slate-400 dark:fill-slate-800 dark:stroke-slate-500"
                strokeWidth={2}
              />
              <NodeLabel at={p} fontSize={m.lockFont} fontWeight={700} fill="currentColor">
                {lockNames[n.id] ?? n.id}
              </NodeLabel>
            </g>
          );
        })}
      </svg>
      <figcaption className={`max-w-md ${presenter ? 'text-xl' : 'text-base'}`}>
        <strong className="text-rose-700 dark:text-rose-300">
          Deadlock detected after {formatInSeconds(afterMs)}.
        </strong>{' '}
        {cycle
          .map(
            (e) =>
              `Worker ${e.lane + 1} holds ${lockNames[e.holds] ?? e.holds} and waits for ${lockNames[e.waitsFor] ?? e.waitsFor}.`,
          )
          .join(' ')}{' '}
        Neither can move on its own; the acquire timeouts break the cycle.
      </figcaption>
    </figure>
  );
}

/** A node's name, centred on it. */
function NodeLabel({
  at,
  fontSize,
  fontWeight,
  fill,
  children,
}: {
  at: { x: number; y: number };
  fontSize: number;
  fontWeight: number;
  fill: string;
  children: ReactNode;
}) {
  return (
    <text
      x={at.x}
      y={at.y}
      textAnchor="middle"
      dominantBaseline="central"
      fontSize={fontSize}
      fontWeight={fontWeight}
      fill={fill}
    >
      {children}
    </text>
  );
}
