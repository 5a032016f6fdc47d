import { app, contentTracing } from 'electron';
import { createChromiumRecorder, type ChromiumRecorder } from '../trace/chromium-recording';

/** "Record with Chromium's tracer" over Electron's contentTracing; the file goes to the Downloads folder. */
export function electronChromiumRecorder(): ChromiumRecorder {
  return createChromiumRecorder({
    tracing: {
      startRecording: (config) =>
        contentTracing.startRecording({ ...config, included_categories: [...config.included_categories] }),
      stopRecording: (filePath) => contentTracing.stopRecording(filePath),
    },
    folder: app.getPath('downloads'),
  });
}
