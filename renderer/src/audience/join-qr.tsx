import { useMemo } from 'react';
import { encode } from 'uqr';

/**
 * The join URL as a QR code, drawn as one SVG path (uqr encodes; nothing hand-written). Always
 * dark on white, whatever the theme: phone cameras read that best, and the quiet zone is kept.
 */
export function JoinQr({ url, size }: { readonly url: string; readonly size: number }) {
  const { path, modules } = useMemo(() => {
    const qr = encode(url, { ecc: 'M', border: 2 });
    let d = '';
    qr.data.forEach((row, y) =>
      row.forEach((dark, x) => {
        if (dark) d += `M${x} ${y}h1v1h-1z`;
      }),
    );
    return { path: d, modules: qr.size };
  }, [url]);
  return (
    <svg
      role="img"
      aria-label={`QR code for ${url}`}
      viewBox={`0 0 ${modules} ${modules}`}
      width={size}
      height={size}
      shapeRendering="crispEdges"
      className="rounded-lg bg-white"
    >
      <rect width={modules} height={modules} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
