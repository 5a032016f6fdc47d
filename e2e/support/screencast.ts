import type { Browser, Page } from 'playwright-core';

/** One frame of a Chromium screencast: the picture as the compositor drew it, and when it reached us. */
export interface ScreencastFrame {
  readonly jpegBase64: string;
  readonly receivedAt: number;
  /** When the compositor drew it, in epoch milliseconds (the page's `timeOrigin + now()` clock). */
  readonly drawnAt: number;
}

export interface Screencast {
  readonly frames: readonly ScreencastFrame[];
  stop(): Promise<void>;
}

/**
 * Records what Chromium's compositor draws for `page` (CDP `Page.startScreencast`), frame by
 * frame. A blocked main thread does not stop it: the compositor keeps producing frames, which is
 * exactly what a test of a compositor-driven cue needs. Frames are scaled to `width`.
 */
export async function startScreencast(page: Page, width: number): Promise<Screencast> {
  const cdp = await page.context().newCDPSession(page);
  const frames: ScreencastFrame[] = [];
  cdp.on('Page.screencastFrame', (frame) => {
    const receivedAt = Date.now();
    const swap = frame.metadata.timestamp;
    frames.push({ jpegBase64: frame.data, receivedAt, drawnAt: swap === undefined ? receivedAt : swap * 1000 });
    // Unacknowledged frames stop the stream; the ack may race the session's end.
    cdp.send('Page.screencastFrameAck', { sessionId: frame.sessionId }).catch(() => undefined);
  });
  await cdp.send('Page.startScreencast', { format: 'jpeg', quality: 70, maxWidth: width, maxHeight: width });
  return {
    frames,
    async stop() {
      await cdp.send('Page.stopScreencast');
      await cdp.detach();
    },
  };
}

/** A rectangle in the page's CSS pixels. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * For each frame, the share of pixels inside `box` (shrunk by a tenth on each side) whose colour
 * is within `tolerance` of `rgb` on every channel. Decoded in a page of its own browser context
 * (its own renderer process), so decoding never loads the page under test.
 */
export async function colourShares(
  browser: Browser,
  frames: readonly ScreencastFrame[],
  box: Box,
  viewportWidth: number,
  rgb: readonly [number, number, number],
  tolerance: number,
): Promise<number[]> {
  const decoder = await browser.newPage();
  try {
    return await decoder.evaluate(
      async ({ images, box, viewportWidth, rgb, tolerance }) => {
        const shares: number[] = [];
        for (const data of images) {
          const img = new Image();
          img.src = `data:image/jpeg;base64,${data}`;
          await img.decode();
          const scale = img.naturalWidth / viewportWidth;
          const canvas = document.createElement('canvas');
          canvas.width = img.naturalWidth;
          canvas.height = img.naturalHeight;
          const ctx = canvas.getContext('2d');
          if (ctx === null) throw new Error('no 2D canvas in the decoder page');
          ctx.drawImage(img, 0, 0);
          const x = Math.round((box.x + box.width / 10) * scale);
          const y = Math.round((box.y + box.height / 10) * scale);
          const w = Math.max(1, Math.round(((box.width * 8) / 10) * scale));
          const h = Math.max(1, Math.round(((box.height * 8) / 10) * scale));
          const pixels = ctx.getImageData(x, y, w, h).data;
          let near = 0;
          for (let i = 0; i < pixels.length; i += 4) {
            const close =
              Math.abs((pixels[i] ?? 0) - rgb[0]) <= tolerance &&
              Math.abs((pixels[i + 1] ?? 0) - rgb[1]) <= tolerance &&
              Math.abs((pixels[i + 2] ?? 0) - rgb[2]) <= tolerance;
            if (close) near += 1;
          }
          shares.push(near / (pixels.length / 4));
        }
        return shares;
      },
      { images: frames.map((f) => f.jpegBase64), box, viewportWidth, rgb, tolerance },
    );
  } finally {
    await decoder.close();
  }
}
