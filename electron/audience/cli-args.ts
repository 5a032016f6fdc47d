import { RUN_SECONDS } from '../../shared/audience/limits';

export interface CliOptions {
  /** null: the LAN address (electron/audience/lan-address.ts). */
  readonly host: string | null;
  readonly port: number;
  readonly runSeconds: number;
}

export const USAGE =
  'Usage: npm run audience -- [--host <address>] [--port <n>] [--seconds <s>]\n' +
  '  --host     the interface to listen on (default: this computer’s LAN address; 127.0.0.1 for this computer only)\n' +
  '  --port     0 to 65535 (default 8787; 0 picks a free one)\n' +
  `  --seconds  how long the test runs on each device, ${RUN_SECONDS.min} to ${RUN_SECONDS.max} (default ${RUN_SECONDS.default})`;

/** Reads `npm run audience`'s arguments; throws a sentence naming the bad one. */
export function parseCliArgs(args: readonly string[]): CliOptions {
  let host: string | null = null;
  let port = 8787;
  let runSeconds: number = RUN_SECONDS.default;
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i];
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value`);
    if (name === '--host') {
      if (!/^[0-9A-Za-z.:-]{1,253}$/.test(value))
        throw new Error(`--host must be an address or host name, not “${value}”`);
      host = value;
    } else if (name === '--port') {
      port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new Error('--port must be a whole number from 0 to 65535');
    } else if (name === '--seconds') {
      runSeconds = Number(value);
      if (!(runSeconds >= RUN_SECONDS.min && runSeconds <= RUN_SECONDS.max)) {
        throw new Error(`--seconds must be a number from ${RUN_SECONDS.min} to ${RUN_SECONDS.max}`);
      }
    } else throw new Error(`unknown option ${name}`);
  }
  return { host, port, runSeconds };
}
