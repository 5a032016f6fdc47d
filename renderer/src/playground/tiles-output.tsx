import { useImperativeHandle, useRef, useState } from 'react';
import { PLACE_INFO } from '../../../shared/places';
import { laneColor } from '../ui/lane-colors';
import type { OutputProps } from './output-view';
import { TilePainter } from './tile-painter';
import { liveTick } from '../meters/live-tick';

/** A canvas the size of the picture, painted tile by tile as workers finish, each tile washed in its worker's colour. */
export function TilesOutput({ title, dark, ref }: OutputProps<'tiles'>) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const painter = useRef<TilePainter | null>(null);
  const [showWorkers, setShowWorkers] = useState(true);

  useImperativeHandle(
    ref,
    () => ({
      begin(params) {
        if (!canvas.current) return;
        painter.current ??= new TilePainter(canvas.current, (l) => liveTick.subscribe(l));
        painter.current.reset(params.width, params.height, dark ? '#0f172a' : '#e2e8f0');
        painter.current.showWorker = showWorkers;
      },
      chunks(tiles, lane, where) {
        const color = laneColor(lane, !PLACE_INFO[where].keepsPageResponsive || where === 'renderer-sliced');
        for (const tile of tiles) painter.current?.paint(tile, color);
      },
    }),
    [dark, showWorkers],
  );

  return (
    <>
      <div className="mb-3 flex items-center justify-between gap-4">
        <h2 className="text-lg font-semibold">{title}, tile by tile</h2>
        <label className="flex items-center gap-2 text-base">
          <input
            type="checkbox"
            checked={showWorkers}
            onChange={(e) => setShowWorkers(e.target.checked)}
            className="accent-sky-600"
          />
          Colour tiles by worker
        </label>
      </div>
      <canvas
        ref={canvas}
        width={300}
        height={200}
        aria-label={`${title}, drawn tile by tile as workers finish`}
        className="aspect-[3/2] w-full rounded-lg bg-slate-200 dark:bg-slate-800"
      />
    </>
  );
}
