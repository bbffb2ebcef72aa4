import { existsSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The Chromium binary to drive; under CI a missing browser is an error, never a skip. */
export function findChromium(): string | undefined {
  return CANDIDATES.find((path): path is string => !!path && existsSync(path));
}

/** Launches Debian's Chromium headless with a fresh profile and the flags this offline machine needs. */
export async function launchBrowser(options: { javaScriptEnabled?: boolean; locale?: string } = {}) {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found: install the Debian package `chromium`');
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'southbridge-chromium-')), {
    executablePath,
    headless: true,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    locale: options.locale ?? 'en-US',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const axeSource: string = createRequire(import.meta.url)('axe-core').source;

export type AxeViolation = { id: string; impact: string; help: string; nodes: Array<{ target: string[] }> };

/** Runs axe-core (WCAG 2.1 A and AA rules) in the page and returns its violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
}

export type { BrowserContext, Page };
