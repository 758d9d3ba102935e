// The console's Reports tab shows what keeps plugin releases safe (issue 19): the brands'
// business budgets and the shadow versions running on live traffic, with their agreement and the
// turns they differ on. Driven through playwright-core with Debian's Chromium against the real
// host, which tests/tests/shadow.rs has set up (budgets set, a shadow version compared on a live
// conversation) and whose admin API it checks the page against.
//
//   AGENT_STORE_URL=… REP_NAME=… REP_PASSWORD=… BRAND=fashion SHADOW_PLUGIN=replay-seller \
//   MAX_DISCOUNT=15 COMPARED=4 AGREEMENT=50.0% DIFFERING=2 node --test release_safety.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const BASE = (process.env.AGENT_STORE_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
const env = (k) => {
  const v = process.env[k];
  if (v === undefined) throw new Error(`${k} is not set`);
  return v;
};
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR || '';
const UI_TIMEOUT = 15_000;

let context;
let userDataDir;

before(async () => {
  userDataDir = mkdtempSync(path.join(tmpdir(), 'agent-store-release-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 1200 },
  });
});

after(async () => {
  if (context) await context.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

test('the reports tab shows the business budgets and the shadow version', { timeout: 120_000 }, async () => {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/Failed to load resource/.test(msg.text())) problems.push(`console: ${msg.text()}`);
  });
  await page.goto(`${BASE}/console`);
  await page.waitForSelector('[data-testid="app"][data-ready="true"]', { timeout: UI_TIMEOUT });
  await page.fill('[data-testid="login-name"]', env('REP_NAME'));
  await page.fill('[data-testid="login-password"]', env('REP_PASSWORD'));
  await page.click('[data-testid="login-submit"]');
  await page.locator('[data-testid="whoami"]', { hasText: env('REP_NAME') }).waitFor({ timeout: UI_TIMEOUT });
  await page.click('[data-testid="tab-reports"]');

  // The brand's budgets, as the operator set them.
  const budget = page.locator(`[data-testid="budget-row"][data-brand="${env('BRAND')}"]`);
  await budget.waitFor({ timeout: UI_TIMEOUT });
  const budgetCells = await budget.locator('td').allTextContents();
  assert.equal(budgetCells[0], env('BRAND'));
  assert.equal(budgetCells[3], `${env('MAX_DISCOUNT')}%`, `max discount: ${budgetCells}`);

  // The shadow version: turns compared, agreement, differing turns listed.
  const row = page.locator(`[data-testid="shadow-row"][data-plugin="${env('SHADOW_PLUGIN')}"]`);
  await row.waitFor({ timeout: UI_TIMEOUT });
  const cells = await row.locator('td').allTextContents();
  assert.equal(cells[0], env('SHADOW_PLUGIN'));
  assert.equal(cells[1], env('BRAND'));
  assert.equal(cells[4], env('COMPARED'), `compared: ${cells}`);
  assert.equal(cells[5], env('AGREEMENT'), `agreement: ${cells}`);
  assert.equal(cells[6], env('DIFFERING'), `differing: ${cells}`);
  const turns = page.locator(`[data-testid="shadow-turn"][data-plugin="${env('SHADOW_PLUGIN')}"]`);
  assert.equal(await turns.count(), Number(env('DIFFERING')));
  const listed = (await turns.allTextContents()).join('\n');
  assert.match(listed, /order: active place order; shadow none/, listed);
  if (SCREENSHOT_DIR) await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'console-release-safety.png'), fullPage: true });
  assert.deepEqual(problems, [], 'no console page errors');
  await page.close();
});
