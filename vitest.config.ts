import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// The browser tests need Debian's Chromium. On a developer machine without it they are left out,
// and the run says so once; under CI (`CI` set, as .ci/run does) a missing Chromium fails them, so
// CI never silently skips them. DETC_CHROMIUM names another Chromium binary.
const chromiumPath = process.env.DETC_CHROMIUM ?? '/usr/bin/chromium';
const skipBrowserTests = !existsSync(chromiumPath) && !process.env.CI;
if (skipBrowserTests) {
  process.stderr.write(
    `note: ${chromiumPath} not found, so the browser tests (test/browser/) do not run; install Debian's chromium package to run them (CI requires it).\n`,
  );
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['**/node_modules/**', ...(skipBrowserTests ? ['test/browser/**'] : [])],
    globalSetup: ['test/support/build-lib.global.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
