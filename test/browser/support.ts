// What the browser tests need: the built site on disk (formatted like `detc build` writes it), a
// static file server on 127.0.0.1, and Debian's Chromium driven by playwright-core.

import { existsSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { formatOutputFile } from '../../driver/format-output.ts';
import type { OutputFile } from '../../targets/target.ts';

/** Debian's Chromium, or the binary DETC_CHROMIUM names (vitest.config.ts reads the same). */
export const chromiumPath = process.env.DETC_CHROMIUM ?? '/usr/bin/chromium';

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/** Writes target output files under a fresh temporary folder, formatted as the build writes them (remove it with `removeOutput`). */
export async function writeOutput(files: readonly OutputFile[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'detc-site-'));
  for (const file of files) {
    const formatted = await formatOutputFile(file);
    const path = join(dir, ...formatted.path.split('/'));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, formatted.contents);
  }
  return dir;
}

export function removeOutput(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.md': 'text/markdown; charset=utf-8',
};

/** Serves `root` on 127.0.0.1 at a port the system picks. */
export async function serveStatic(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root + sep)) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => response.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => response.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const profiles = new WeakMap<BrowserContext, string>();

/** Closes Chromium and removes its profile (Chromium may write to it for a moment after closing). */
export async function closeChromium(context: BrowserContext | undefined): Promise<void> {
  if (!context) return;
  await context.close();
  const profile = profiles.get(context);
  for (let attempt = 0; profile && attempt < 10 && existsSync(profile); attempt++) {
    rmSync(profile, { recursive: true, force: true });
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Chromium with a fresh profile. Fails, rather than skips, when the browser is not installed. */
export async function launchChromium(): Promise<BrowserContext> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: install Debian's chromium package (apt-get install -y chromium) to run the browser tests.`);
  }
  const profile = await mkdtemp(join(tmpdir(), 'detc-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    headless: true,
    viewport: { width: 1280, height: 900 },
  });
  profiles.set(context, profile);
  return context;
}

/** Everything that went wrong on a page: console errors, uncaught exceptions, failed or 4xx/5xx requests. */
export function recordProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}

export const screenshotDir = new URL('../.screenshots/', import.meta.url);
