import type { ResultCard, ResultPanel } from '../../../shared/session/result-card';
import { wrapText } from '../../../shared/session/wrap-text';

/**
 * The result card as a PNG for a slide, drawn from the record onto a canvas (no screenshot of the
 * page, no library: nothing the page's CSP must allow). 960 × 540 CSS pixels, a 16:9 slide, drawn
 * at `scale` (2: 1920 × 1080). Always light: slides are, and a dark slide is a theme of its own.
 */
export const CARD_WIDTH = 960;
export const CARD_HEIGHT = 540;

const PAD = 48;
const FONT = 'system-ui, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';
// Tailwind's slate, rose-700 and green-700: the app's colours, with contrast on white above 4.5:1.
const INK = '#0f172a';
const MUTED = '#475569';
const PANEL = '#f1f5f9';
const BAD = '#be123c';
const GOOD = '#15803d';
const ACCENT = '#0369a1';

export async function resultCardPng(card: ResultCard, scale = 2): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = CARD_WIDTH * scale;
  canvas.height = CARD_HEIGHT * scale;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw on a canvas');
  ctx.scale(scale, scale);
  drawCard(ctx, card);
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas gave no PNG'))), 'image/png');
  });
}

function drawCard(ctx: CanvasRenderingContext2D, card: ResultCard): void {
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, CARD_WIDTH, CARD_HEIGHT);
  ctx.textBaseline = 'alphabetic';

  text(ctx, 'UNFREEZE', PAD, PAD + 14, `700 18px ${FONT}`, ACCENT);
  let y = PAD + 56;
  ctx.font = `700 32px ${FONT}`;
  for (const line of wrapText(card.title, CARD_WIDTH - 2 * PAD, (t) => ctx.measureText(t).width, 2)) {
    text(ctx, line, PAD, y, ctx.font, INK);
    y += 40;
  }

  const [left, right] = card.panels;
  const top = y + 8;
  const bottom = CARD_HEIGHT - PAD - 28;
  if (left && right) {
    const width = (CARD_WIDTH - 2 * PAD - 32) / 2;
    drawPanel(ctx, left, PAD, top, width, bottom, true);
    drawPanel(ctx, right, PAD + width + 32, top, width, bottom, true);
  } else if (left) {
    drawPanel(ctx, left, PAD, top, CARD_WIDTH - 2 * PAD, bottom, false);
  }
  text(ctx, card.footer, PAD, CARD_HEIGHT - PAD + 6, `400 18px ${FONT}`, MUTED);
}

/** One run: its label (two panes), the headline as big as fits, the sentence, the key figures. */
function drawPanel(
  ctx: CanvasRenderingContext2D,
  panel: ResultPanel,
  x: number,
  top: number,
  width: number,
  bottom: number,
  pair: boolean,
): void {
  let y = top;
  if (panel.label) {
    y += 28;
    text(ctx, panel.label, x, y, `600 24px ${FONT}`, MUTED);
  }
  const size = fittedSize(ctx, panel.headline.text, width, pair ? 64 : 112);
  y += size * 0.95;
  text(ctx, panel.headline.text, x, y, `800 ${size}px ${FONT}`, panel.headline.good ? GOOD : BAD);

  // Figures along the bottom: one row of four for a run, two rows of two for each of a pair.
  const columns = pair ? 2 : 4;
  const rows = Math.ceil(panel.figures.length / columns);
  const gap = 12;
  const boxWidth = (width - gap * (columns - 1)) / columns;
  const boxHeight = pair ? 60 : 84;
  const figuresTop = bottom - rows * (boxHeight + gap) + gap;

  // The sentence gets the lines there is room for between the headline and the figures.
  const sentenceSize = pair ? 20 : 26;
  const lineHeight = sentenceSize * 1.3;
  ctx.font = `400 ${sentenceSize}px ${FONT}`;
  y += sentenceSize * 0.6;
  const room = Math.max(1, Math.floor((figuresTop - y - 8) / lineHeight));
  for (const line of wrapText(panel.sentence, width, (t) => ctx.measureText(t).width, Math.min(room, 3))) {
    y += lineHeight;
    text(ctx, line, x, y, ctx.font, INK);
  }

  panel.figures.forEach((figure, i) => {
    const bx = x + (i % columns) * (boxWidth + gap);
    const by = figuresTop + Math.floor(i / columns) * (boxHeight + gap);
    ctx.fillStyle = PANEL;
    ctx.beginPath();
    ctx.roundRect(bx, by, boxWidth, boxHeight, 12);
    ctx.fill();
    // A long label ("Main input delay p95") gets smaller type before it gets an ellipsis.
    const labelSize = fittedSize(ctx, figure.label, boxWidth - 24, pair ? 16 : 18, 14, 500);
    const labelFont = `500 ${labelSize}px ${FONT}`;
    ctx.font = labelFont;
    const label = wrapText(figure.label, boxWidth - 24, (t) => ctx.measureText(t).width, 1)[0] ?? '';
    text(ctx, label, bx + 12, by + (pair ? 22 : 28), labelFont, MUTED);
    text(ctx, figure.value, bx + 12, by + boxHeight - 14, `700 ${pair ? 24 : 34}px ${FONT}`, INK);
  });
}

/** The largest size from `max` down to `min` at which `value` fits `width` (in the headline's weight unless told). */
function fittedSize(
  ctx: CanvasRenderingContext2D,
  value: string,
  width: number,
  max: number,
  min = 24,
  weight = 800,
): number {
  let size = max;
  ctx.font = `${weight} ${size}px ${FONT}`;
  while (size > min && ctx.measureText(value).width > width) {
    size = Math.max(min, size - 2);
    ctx.font = `${weight} ${size}px ${FONT}`;
  }
  return size;
}

function text(ctx: CanvasRenderingContext2D, value: string, x: number, y: number, font: string, color: string): void {
  ctx.font = font;
  ctx.fillStyle = color;
  ctx.fillText(value, x, y);
}
