// Browser test for the WhatsApp sandbox page, driven through playwright-core with Debian's
// Chromium. It talks to whatever serves the sandbox at AGENT_STORE_URL: the full host
// (`agent-store demo`) or the stand-alone `sandbox_echo` example.
//
//   AGENT_STORE_URL=http://127.0.0.1:8080 SCREENSHOT=/tmp/sandbox.png npm test
//
// Waits poll the DOM with timeouts; there are no fixed sleeps.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const BASE = (process.env.AGENT_STORE_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
const SCREENSHOT = process.env.SCREENSHOT || '';
// A real seller may call an LLM: give replies time.
const REPLY_TIMEOUT = Number(process.env.REPLY_TIMEOUT_MS || 90_000);
const UI_TIMEOUT = 15_000;
// Consider a burst of replies finished after this long without a new bubble.
const QUIET_MS = Number(process.env.QUIET_MS || 2_500);

let context;
let userDataDir;

before(async () => {
  userDataDir = mkdtempSync(path.join(tmpdir(), 'agent-store-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
  });
});

after(async () => {
  if (context) await context.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

/** Opens the page as a brand-new customer, so earlier runs' history cannot interfere. */
async function openAsNewCustomer(name, query = '') {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/Failed to load resource/.test(msg.text())) problems.push(`console: ${msg.text()}`);
  });
  await page.goto(`${BASE}/sandbox${query}`);
  await page.waitForSelector('[data-testid="app"][data-ready="true"]', { timeout: UI_TIMEOUT });
  const waId = '4477' + String(Date.now()).slice(-7) + String(Math.floor(Math.random() * 10));
  await page.fill('[data-testid="new-customer-name"]', name);
  await page.fill('[data-testid="new-customer-number"]', waId);
  await page.click('[data-testid="new-customer-add"]');
  await page.waitForSelector(`[data-testid="customer"][data-wa-id="${waId}"].active`, { timeout: UI_TIMEOUT });
  return { page, waId, problems };
}

const count = (page, testid) => page.locator(`[data-testid="${testid}"]`).count();

/** Waits until there are more than `before` business bubbles, then until they stop arriving. */
async function waitForReplies(page, before) {
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="message-out"]').length > n,
    before,
    { timeout: REPLY_TIMEOUT, polling: 100 },
  );
  await page.waitForFunction(
    (quiet) => {
      const n = document.querySelectorAll('[data-testid="message-out"]').length;
      const w = window;
      if (w.__lastCount !== n) {
        w.__lastCount = n;
        w.__lastChange = performance.now();
      }
      return performance.now() - w.__lastChange >= quiet;
    },
    QUIET_MS,
    { timeout: REPLY_TIMEOUT, polling: 200 },
  );
  return count(page, 'message-out');
}

async function send(page, text) {
  await page.fill('[data-testid="composer"]', text);
  await page.click('[data-testid="send"]');
  const bubble = page.locator('[data-testid="message-in"]', { hasText: text }).last();
  await bubble.waitFor({ timeout: UI_TIMEOUT });
  return bubble;
}

test('a customer chats with the seller: text, reply buttons, list and products', { timeout: REPLY_TIMEOUT * 5 }, async () => {
  const { page, problems } = await openAsNewCustomer('Browser Test');

  const mine = await send(page, "hi, I'm looking for a new laptop");
  // The webhook answered 2xx: the customer's bubble shows ✓✓ (not the error mark).
  await mine.locator('[data-testid="tick"][data-status="delivered"], [data-testid="tick"][data-status="read"]')
    .waitFor({ timeout: UI_TIMEOUT });

  let outbound = await waitForReplies(page, 0);
  assert.ok(outbound >= 1, 'the seller replied');
  assert.equal(await count(page, 'error-bubble'), 0, 'no webhook error');

  // The business's messages get read receipts: the page reports them seen, the sink reports
  // "read" and the ticks turn blue.
  await page.locator('[data-testid="message-out"] [data-testid="tick"][data-status="read"]').first()
    .waitFor({ timeout: UI_TIMEOUT });

  // Tap a reply button when the seller offered some, and wait for the answer.
  const buttons = page.locator('[data-testid="message-out"] [data-testid="reply-button"]');
  if (await buttons.count() > 0) {
    const button = buttons.first();
    const title = (await button.textContent()).trim();
    await button.click();
    const reply = page.locator('[data-testid="message-in"][data-kind="interactive"]', { hasText: title }).last();
    await reply.waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await reply.locator('[data-testid="quote"]').count(), 1, 'the reply quotes the buttons message');
    outbound = await waitForReplies(page, outbound);
  }

  // Product cards resolve through /sandbox/products/{id}; offline images fall back to a placeholder.
  const cards = page.locator('[data-testid="product-card"]');
  if (await cards.count() > 0) {
    await page.waitForFunction(
      () => [...document.querySelectorAll('[data-testid="product-price"]')].every((p) => p.textContent !== '…'),
      null,
      { timeout: UI_TIMEOUT, polling: 100 },
    );
  }

  // Open a list when the seller sent one and choose its first row.
  const lists = page.locator('[data-testid="list-open"]');
  if (await lists.count() > 0) {
    await lists.last().click();
    const row = page.locator('[data-testid="list-row"]').first();
    await row.waitFor({ timeout: UI_TIMEOUT });
    const rowTitle = (await row.locator('.list-row-title').textContent()).trim();
    await row.click();
    await page.locator('[data-testid="message-in"]', { hasText: rowTitle }).last().waitFor({ timeout: UI_TIMEOUT });
    outbound = await waitForReplies(page, outbound);
  }

  assert.equal(await count(page, 'error-bubble'), 0, 'no webhook error');
  assert.deepEqual(problems, [], 'no page errors');
  if (SCREENSHOT) await page.screenshot({ path: SCREENSHOT });
  await page.close();
});

test('a wrong signature shows an error bubble', { timeout: UI_TIMEOUT * 3 }, async () => {
  const { page } = await openAsNewCustomer('Wrong Secret');
  await page.evaluate(() => window.agentStoreSandbox.setSecret('not-the-app-secret'));
  const mine = await send(page, 'this one is signed with the wrong secret');
  const error = page.locator('[data-testid="error-bubble"]').last();
  await error.waitFor({ timeout: UI_TIMEOUT });
  assert.match(await error.textContent(), /40[13]/, 'the webhook refused the signature');
  await mine.locator('[data-testid="tick"][data-status="error"]').waitFor({ timeout: UI_TIMEOUT });
  if (SCREENSHOT) await page.screenshot({ path: SCREENSHOT.replace(/(\.png)?$/, '-error.png') });
  await page.close();
});

test('the pure-JS HMAC fallback matches WebCrypto and the host accepts it', { timeout: UI_TIMEOUT * 3 }, async () => {
  const { page } = await openAsNewCustomer('JS HMAC', '?hmac=js');
  const result = await page.evaluate(async () => {
    const s = window.agentStoreSandbox;
    const text = 'héllo 👋 '.repeat(40);
    const longKey = 'k'.repeat(100);
    return {
      rfc4231: s.hmacHexJs('Jefe', 'what do ya want for nothing?'),
      empty: s.sha256Hex(''),
      js: s.hmacHexJs(longKey, text),
      subtle: await (async () => {
        const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(longKey), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
        const sig = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(text));
        return [...new Uint8Array(sig)].map((b) => b.toString(16).padStart(2, '0')).join('');
      })(),
    };
  });
  assert.equal(result.rfc4231, '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  assert.equal(result.empty, 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  assert.equal(result.js, result.subtle);

  // ?hmac=js signs with the fallback: the real webhook must accept it.
  const mine = await send(page, 'signed by the pure-JS fallback');
  await mine.locator('[data-testid="tick"][data-status="delivered"], [data-testid="tick"][data-status="read"]')
    .waitFor({ timeout: UI_TIMEOUT });
  assert.equal(await count(page, 'error-bubble'), 0);
  await page.close();
});
