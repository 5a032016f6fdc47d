// Electronegativity (Doyensec's scanner for Electron security misconfigurations) over the code
// that ships, as part of `npm run lint`. It fails on every finding that is not reviewed and
// accepted, with its reason, in electronegativity-accepted.json, on every accepted entry that no
// longer matches a finding, and on any file the scanner could not parse (a file it did not check).
// The scanner's CLI always exits 0 and drops parse errors from its reports, hence this wrapper
// around its programmatic API. It runs offline: see stayOffline().
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

/** What ships: main process, preload, worker entries, the page and its code; package.json names Electron's version. */
const SCANNED = ['electron', 'renderer/index.html', 'renderer/src', 'package.json'];
/** Not shipped, so not scanned: tests, their fixtures, and dev tools (this file included). */
const NOT_SHIPPED = /(\.test\.tsx?$)|(^|\/)(fixtures|dev)(\/|$)/;
/** Electronegativity's only check that needs the network (Electron's release notes). */
const ONLINE_CHECKS = ['AvailableSecurityFixesGlobalCheck'];
const ACCEPTED_FILE = path.join(import.meta.dirname, 'electronegativity-accepted.json');

/**
 * Splits findings into those accepted and those that are new, and lists accepted entries that
 * matched nothing. Pure, for tests.
 * @param {readonly { id: string, file: string }[]} issues
 * @param {readonly { check: string, file: string, rationale: string }[]} accepted
 */
export function triage(issues, accepted) {
  const matches = (entry, issue) => entry.check === issue.id && entry.file === issue.file;
  return {
    fresh: issues.filter((issue) => !accepted.some((entry) => matches(entry, issue))),
    acknowledged: issues.filter((issue) => accepted.some((entry) => matches(entry, issue))),
    stale: accepted.filter((entry) => !issues.some((issue) => matches(entry, issue))),
  };
}

/**
 * The scanner fetches translations at start-up (and release notes in the excluded online check)
 * with `got`. A stand-in that fails at once, put in Node's module cache before the scanner loads,
 * keeps lint offline and quick; the scanner then uses its built-in English texts.
 */
function stayOffline(scannerMain) {
  const requireFromScanner = createRequire(scannerMain);
  const gotPath = requireFromScanner.resolve('got');
  const offline = () => Promise.reject(new Error('offline: lint makes no network requests'));
  offline.head = offline;
  requireFromScanner.cache[gotPath] = {
    id: gotPath,
    filename: gotPath,
    loaded: true,
    exports: offline,
    children: [],
    paths: [],
  };
}

/** Copies what ships into a scratch directory: the scanner takes one input and walks all of it. */
function stage() {
  const dir = mkdtempSync(path.join(tmpdir(), 'unfreeze-electronegativity-'));
  for (const entry of SCANNED) {
    cpSync(path.join(root, entry), path.join(dir, entry), {
      recursive: true,
      filter: (source) => !NOT_SHIPPED.test(path.relative(root, source).split(path.sep).join('/')),
    });
  }
  return dir;
}

async function scan() {
  const scannerMain = require.resolve('@doyensec/electronegativity');
  stayOffline(scannerMain);
  const run = require(scannerMain);
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const scannerVersion = JSON.parse(
    readFileSync(path.join(path.dirname(scannerMain), '../package.json'), 'utf8'),
  ).version;
  const input = stage();
  // The scanner reports its failed translation fetch on console.log; that line is noise here.
  const log = console.log;
  console.log = (...args) => {
    if (!String(args[0]).startsWith('Could not retrieve updated translations')) log(...args);
  };
  try {
    const result = await run({
      input,
      customScan: [],
      excludeFromScan: ONLINE_CHECKS,
      isRelative: true,
      isVerbose: true,
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    });
    return { ...result, input, electronVersion, scannerVersion };
  } finally {
    console.log = log;
    rmSync(input, { recursive: true, force: true });
  }
}

async function main() {
  const { issues, errors, input, electronVersion, scannerVersion } = await scan();
  const { accepted } = JSON.parse(readFileSync(ACCEPTED_FILE, 'utf8'));
  const found = issues.map((issue) => ({ ...issue, file: issue.file.split(path.sep).join('/') }));
  const { fresh, acknowledged, stale } = triage(found, accepted);
  const unparsed = errors.filter((error) => !error.tolerable);
  const where = (issue) => `${issue.file}:${issue.location.line}`;
  const relative = (file) => path.relative(input, file);

  console.log(
    `Electronegativity ${scannerVersion} (Electron ${electronVersion}, offline): ` +
      `${found.length} finding(s), ${acknowledged.length} accepted, ${fresh.length} new.`,
  );
  for (const issue of acknowledged) console.log(`  accepted  ${issue.id}  ${where(issue)}`);
  for (const error of errors.filter((e) => e.tolerable))
    console.log(`  note      ${relative(error.file)}: ${error.message}`);

  for (const issue of fresh) {
    console.error(`\n  NEW  ${issue.id}  ${where(issue)}  [${issue.severity.name}, ${issue.confidence.name}]`);
    if (issue.sample) console.error(`       ${issue.sample}`);
    console.error(`       ${issue.description}  ${issue.shortenedURL}`);
  }
  for (const error of unparsed) console.error(`\n  NOT SCANNED  ${relative(error.file)}: ${error.message}`);
  for (const entry of stale)
    console.error(
      `\n  STALE  ${entry.check} ${entry.file} is accepted in ${path.relative(root, ACCEPTED_FILE)} but no longer found: remove it.`,
    );

  if (fresh.length + unparsed.length + stale.length > 0) {
    console.error(`\nFix each NEW finding, or accept it with a rationale in ${path.relative(root, ACCEPTED_FILE)}.`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
