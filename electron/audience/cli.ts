/**
 * `npm run audience`: an audience session from plain Node, for a browser-only workshop (and the
 * tests). Prints the presenter's URL and the join URL, one line each, and stops on Ctrl+C,
 * telling every connected page. Serves out/web, built by `npm run build:web`.
 */
import { resolve } from 'node:path';
import { messageOf } from '../../shared/errors/message-of';
import { startAudienceServer } from './audience-server';
import { parseCliArgs, USAGE } from './cli-args';
import { lanAddress } from './lan-address';

const ROOT = resolve(import.meta.dirname, '../../out/web');

async function main(): Promise<void> {
  let options;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${messageOf(error)}\n${USAGE}`);
    process.exit(2);
  }
  let host = options.host;
  if (host === null) {
    const choice = lanAddress();
    if (choice.note) console.error(choice.note);
    host = choice.host;
  }
  const session = await startAudienceServer({ host, port: options.port, root: ROOT, runSeconds: options.runSeconds });
  console.log(`Presenter: ${session.presenterUrl}`);
  console.log(`Join: ${session.joinUrl}`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void session.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`The audience server could not start: ${messageOf(error)}`);
  process.exit(1);
});
