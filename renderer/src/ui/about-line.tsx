import { useEffect, useState } from 'react';
import { messageOf } from '../../../shared/errors/message-of';

/** Versions of what runs this page: the desktop app asks its main process; a browser says so. */
export function AboutLine() {
  const [text, setText] = useState(
    window.unfreeze
      ? ''
      : 'Web edition: the three places inside this page. ' +
          'The desktop app adds Electron’s main process, worker threads and utility processes.',
  );
  useEffect(() => {
    window.unfreeze
      ?.getAppInfo()
      .then((i) =>
        setText(
          `Unfreeze ${i.appVersion} · Electron ${i.electron} · Chromium ${i.chrome} · Node.js ${i.node} · ${i.platform}`,
        ),
      )
      .catch((error: unknown) => setText(`Could not read the app’s versions: ${messageOf(error)}`));
  }, []);
  return (
    <footer
      className="mt-8 border-t border-slate-200 pt-4 text-sm text-slate-500 dark:border-slate-800 dark:text-slate-400"
      data-testid="about"
    >
      {text}
    </footer>
  );
}
