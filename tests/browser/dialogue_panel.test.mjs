// Browser test: a rep who takes a conversation over sees what the AI knew — the cart and the
// dialogue state (language, constraints, the products offered in order) — in the sales console.
// Driven through playwright-core with Debian's Chromium against the real host with the real
// plugins, its WhatsApp sandbox as the customer's phone.
//
//   AGENT_STORE_URL=http://127.0.0.1:8080 REP_NAME=ana REP_PASSWORD=... node --test dialogue_panel.test.mjs
//
// Waits poll the DOM with timeouts; there are no fixed sleeps.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const BASE = (process.env.AGENT_STORE_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
const REP_NAME = process.env.REP_NAME || 'admin';
const REP_PASSWORD = process.env.REP_PASSWORD || '';
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR || '';
const REPLY_TIMEOUT = Number(process.env.REPLY_TIMEOUT_MS || 90_000);
const UI_TIMEOUT = 15_000;
const QUIET_MS = Number(process.env.QUIET_MS || 1_500);

let context;
let userDataDir;

before(async () => {
  userDataDir = mkdtempSync(path.join(tmpdir(), 'agent-store-dialogue-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 900 },
  });
});

after(async () => {
  if (context) await context.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

function watchProblems(page) {
  const problems = [];
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/Failed to load resource/.test(msg.text())) problems.push(`console: ${msg.text()}`);
  });
  return problems;
}

async function shot(page, name) {
  if (SCREENSHOT_DIR) await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

async function openPhone(name) {
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${BASE}/sandbox`);
  await page.waitForSelector('[data-testid="app"][data-ready="true"]', { timeout: UI_TIMEOUT });
  const waId = '5521' + String(Date.now()).slice(-7) + String(Math.floor(Math.random() * 10));
  await page.fill('[data-testid="new-customer-name"]', name);
  await page.fill('[data-testid="new-customer-number"]', waId);
  await page.click('[data-testid="new-customer-add"]');
  await page.waitForSelector(`[data-testid="customer"][data-wa-id="${waId}"].active`, { timeout: UI_TIMEOUT });
  return { page, waId, problems };
}

const outCount = (page) => page.locator('[data-testid="message-out"]').count();

async function waitForReplies(page, before) {
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="message-out"]').length > n,
    before, { timeout: REPLY_TIMEOUT, polling: 100 });
  await page.waitForFunction((quiet) => {
    const n = document.querySelectorAll('[data-testid="message-out"]').length;
    const w = window;
    if (w.__lastCount !== n) { w.__lastCount = n; w.__lastChange = performance.now(); }
    return performance.now() - w.__lastChange >= quiet;
  }, QUIET_MS, { timeout: REPLY_TIMEOUT, polling: 200 });
  return outCount(page);
}

async function say(page, text) {
  await page.fill('[data-testid="composer"]', text);
  await page.click('[data-testid="send"]');
  await page.locator('[data-testid="message-in"]', { hasText: text }).last().waitFor({ timeout: UI_TIMEOUT });
}

test('a rep who takes over sees the cart and the dialogue state', { timeout: REPLY_TIMEOUT * 6 }, async () => {
  const rep = await context.newPage();
  const repProblems = watchProblems(rep);
  await rep.goto(`${BASE}/console`);
  await rep.waitForSelector('[data-testid="app"][data-ready="true"]', { timeout: UI_TIMEOUT });
  await rep.fill('[data-testid="login-name"]', REP_NAME);
  await rep.fill('[data-testid="login-password"]', REP_PASSWORD);
  await rep.click('[data-testid="login-submit"]');
  await rep.locator('[data-testid="whoami"]', { hasText: REP_NAME }).waitFor({ timeout: UI_TIMEOUT });
  await rep.waitForSelector('[data-testid="live"][data-state="open"]', { timeout: UI_TIMEOUT });

  // The customer shops in Portuguese: a list with a size, one item into the cart, then a person.
  const { page: phone, waId, problems: phoneProblems } = await openPhone('Cliente Carrinho');
  await say(phone, 'oi! quero um vestido tamanho M');
  let outbound = await waitForReplies(phone, 0);
  await say(phone, 'quero o primeiro');
  outbound = await waitForReplies(phone, outbound);
  await phone.locator('[data-testid="message-out"]', { hasText: 'carrinho' }).first().waitFor({ timeout: UI_TIMEOUT });
  await say(phone, 'quero falar com um atendente');
  await waitForReplies(phone, outbound);

  // The rep takes it over.
  const item = rep.locator(`[data-testid="escalation"][data-wa-id="${waId}"]`);
  await item.waitFor({ timeout: UI_TIMEOUT });
  await item.click();
  await rep.locator('[data-testid="message"][data-speaker="customer"]', { hasText: 'quero falar com um atendente' }).waitFor({ timeout: UI_TIMEOUT });
  await rep.click('[data-testid="accept"]');
  await rep.waitForSelector('[data-testid="reply"]:not([disabled])', { timeout: UI_TIMEOUT });

  // The panel: the cart line, the language and size the customer gave, the offered list in order.
  const panel = rep.locator('[data-testid="dialogue-panel"]');
  await panel.locator('[data-testid="cart-lines"] li').first().waitFor({ timeout: UI_TIMEOUT });
  const cart = await panel.locator('[data-testid="cart-lines"] li').allTextContents();
  assert.equal(cart.length, 1, `one cart line: ${cart}`);
  assert.match(cart[0], /^1 × .+ \/ M \(FSH-\d{4}\)$/);
  const facts = await panel.locator('[data-testid="dialogue-facts"]').textContent();
  assert.match(facts, /language pt/);
  assert.match(facts, /size M/);
  const offered = await panel.locator('[data-testid="offered"] li').allTextContents();
  assert.ok(offered.length >= 1, 'the offered list is shown');
  // The first offered product is the one in the cart, and it is marked as the focus.
  const cartTitle = cart[0].replace(/^1 × /, '').replace(/ \(FSH-\d{4}\)$/, '');
  assert.ok(offered[0].startsWith(cartTitle), `${offered[0]} is ${cartTitle}`);
  assert.ok(offered[0].endsWith('◀'), `focus marked: ${offered[0]}`);
  for (const o of offered) assert.match(o, / — \d+\.\d\d USD/);
  await shot(rep, 'console-dialogue-panel');

  assert.deepEqual(repProblems, [], 'no console page errors');
  assert.deepEqual(phoneProblems, [], 'no sandbox page errors');
  await phone.close();
  await rep.close();
});
