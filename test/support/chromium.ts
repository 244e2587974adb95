// Test-only (neither built nor published): the browser the timeline tests (packages/cli) and the
// portal's tests (examples/portal) drive.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';

// The browser tests drive Debian's `chromium` package through playwright-core, which never
// downloads a browser of its own (this machine and CI reach no browser download host). Each
// package passes its own playwright-core (`chromium`): this folder has no dependencies.

/**
 * Flags for a closed network, as root: without the background-networking ones Chromium keeps
 * trying Google's hosts, and on this machine that makes it slow to start and flaky.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The Chromium to drive: CHROMIUM_PATH, else `chromium` on the PATH; undefined when none. */
export function chromiumExecutable(): string | undefined {
  const given = process.env.CHROMIUM_PATH;
  if (given) return fs.existsSync(given) ? given : undefined;
  try {
    const found = execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
    return found || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Why the browser tests cannot run here, or undefined when Chromium is installed. Under CI
 * (CI=true) a missing browser throws instead: CI must fail, never skip (.ci/run installs it).
 */
export function chromiumUnavailableReason(): string | undefined {
  if (chromiumExecutable() !== undefined) return undefined;
  const reason = process.env.CHROMIUM_PATH
    ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist`
    : 'no `chromium` on the PATH';
  if (process.env.CI === 'true') {
    throw new Error(
      `Chromium is required in CI but ${reason}. Install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  console.warn(`Browser tests skipped: ${reason} (apt-get install -y chromium)`);
  return reason;
}

/** What this helper needs of playwright-core's `chromium` (its BrowserType). */
export interface ChromiumLauncher<B> {
  launch(options: { executablePath: string; headless: boolean; args: string[] }): Promise<B>;
}

/**
 * Starts headless Chromium through the caller's playwright-core (`launchChromium(chromium)`),
 * each launch with a new empty profile (playwright's own temporary --user-data-dir).
 */
export async function launchChromium<B>(launcher: ChromiumLauncher<B>): Promise<B> {
  const executablePath = chromiumExecutable();
  if (executablePath === undefined)
    throw new Error('Chromium is not installed (apt-get install -y chromium)');
  return launcher.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS] });
}
