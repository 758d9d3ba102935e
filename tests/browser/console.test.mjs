// Browser test of the sales console, driven through playwright-core with Debian's Chromium,
// against the real host with the real plugins and its WhatsApp sandbox as the customer's phone.
//
//   AGENT_STORE_URL=http://127.0.0.1:8080 REP_NAME=ana REP_PASSWORD=... node --test console.test.mjs
//
// A customer asks the fashion seller for a person; the escalation appears live in the rep's
// inbox; the rep takes it and replies; the customer's phone shows the reply; the rep hands back;
// the AI answers the next message. Waits poll the DOM with timeouts; there are no fixed sleeps.
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
  userDataDir = mkdtempSync(path.join(tmpdir(), 'agent-store-console-'));
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

/** The customer's phone: the sandbox chat as a brand-new customer. */
async function openPhone(name) {
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${BASE}/sandbox`);
  await page.waitForSelector('[data-testid="app"][data-ready="true"]', { timeout: UI_TIMEOUT });
  const waId = '5511' + String(Date.now()).slice(-7) + String(Math.floor(Math.random() * 10));
  await page.fill('[data-testid="new-customer-name"]', name);
  await page.fill('[data-testid="new-customer-number"]', waId);
  await page.click('[data-testid="new-customer-add"]');
  await page.waitForSelector(`[data-testid="customer"][data-wa-id="${waId}"].active`, { timeout: UI_TIMEOUT });
  return { page, waId, problems };
}

const outCount = (page) => page.locator('[data-testid="message-out"]').count();

/** Waits for more than `before` business bubbles, then for them to stop arriving. */
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

test('a rep takes an escalation over, replies, and hands it back to the AI', { timeout: REPLY_TIMEOUT * 6 }, async () => {
  // The rep signs in; the inbox is live before the customer writes.
  const rep = await context.newPage();
  const repProblems = watchProblems(rep);
  await rep.goto(`${BASE}/console`);
  await rep.waitForSelector('[data-testid="app"][data-ready="true"]', { timeout: UI_TIMEOUT });
  await rep.fill('[data-testid="login-name"]', REP_NAME);
  await rep.fill('[data-testid="login-password"]', 'not the password');
  await rep.click('[data-testid="login-submit"]');
  await rep.locator('[data-testid="login-error"]').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await rep.fill('[data-testid="login-password"]', REP_PASSWORD);
  await rep.click('[data-testid="login-submit"]');
  await rep.locator('[data-testid="whoami"]', { hasText: REP_NAME }).waitFor({ timeout: UI_TIMEOUT });
  await rep.waitForSelector('[data-testid="live"][data-state="open"]', { timeout: UI_TIMEOUT });

  // The customer reaches the fashion seller, then asks for a person.
  const { page: phone, waId, problems: phoneProblems } = await openPhone('Cliente Console');
  await say(phone, 'oi! quero um tênis de corrida preto');
  let outbound = await waitForReplies(phone, 0);
  await say(phone, 'quero falar com um atendente');
  outbound = await waitForReplies(phone, outbound);

  // The escalation appears in the inbox without a reload (server-sent events).
  const item = rep.locator(`[data-testid="escalation"][data-wa-id="${waId}"]`);
  await item.waitFor({ timeout: UI_TIMEOUT });
  assert.equal(await item.getAttribute('data-status'), 'pending');
  assert.equal(await item.getAttribute('data-brand'), 'fashion');
  await shot(rep, 'console-inbox');

  // Take it: the history, the summary and the assistant are there.
  await item.click();
  await rep.locator('[data-testid="message"][data-speaker="customer"]', { hasText: 'quero falar com um atendente' }).waitFor({ timeout: UI_TIMEOUT });
  await rep.click('[data-testid="accept"]');
  await rep.waitForSelector('[data-testid="reply"]:not([disabled])', { timeout: UI_TIMEOUT });
  await rep.locator('[data-testid="suggested-reply"]').first().waitFor({ timeout: UI_TIMEOUT });
  assert.match(await rep.locator('[data-testid="conv-window"]').textContent(), /24-hour window: 2\dh/);
  assert.match(await rep.locator('[data-testid="escalation-info"]').textContent(), /customer request/);

  // Keep the conversation as a regression case (and back, and again): the button says so.
  await rep.click('[data-testid="regression"]');
  await rep.waitForSelector('[data-testid="regression"][data-marked="true"]', { timeout: UI_TIMEOUT });
  await rep.click('[data-testid="regression"]');
  await rep.waitForSelector('[data-testid="regression"][data-marked="false"]', { timeout: UI_TIMEOUT });
  await rep.click('[data-testid="regression"]');
  await rep.waitForSelector('[data-testid="regression"][data-marked="true"]', { timeout: UI_TIMEOUT });

  // Reply: the console shows it sent, the customer's phone receives it.
  const text = 'Oi! Aqui é a Ana do time fashion, vou te ajudar agora.';
  await rep.fill('[data-testid="reply"]', text);
  await rep.click('[data-testid="send-reply"]');
  await rep.locator('[data-testid="message"][data-speaker="human_agent"]', { hasText: text }).waitFor({ timeout: UI_TIMEOUT });
  await phone.locator('[data-testid="message-out"]', { hasText: 'vou te ajudar agora' }).waitFor({ timeout: REPLY_TIMEOUT });
  await rep.waitForSelector('[data-testid="message"][data-speaker="human_agent"]:not([data-state="pending"])', { timeout: UI_TIMEOUT });
  outbound = await outCount(phone);
  await shot(rep, 'console-conversation');

  // Hand back: the AI answers the next message, on the phone and in the console.
  await rep.click('[data-testid="handback"]');
  await rep.waitForSelector('[data-testid="conv-status"][data-status="open"]', { timeout: UI_TIMEOUT });
  await rep.waitForSelector('[data-testid="reply"][disabled]', { timeout: UI_TIMEOUT });
  await say(phone, 'quero ver tênis de corrida');
  await waitForReplies(phone, outbound);
  await rep.waitForFunction(() => {
    const all = [...document.querySelectorAll('[data-testid="message"]')];
    const human = all.findIndex((m) => m.dataset.speaker === 'human_agent');
    return human >= 0 && all.slice(human + 1).some((m) => m.dataset.speaker === 'assistant');
  }, null, { timeout: REPLY_TIMEOUT, polling: 200 });

  // Reports show the day's escalation and the person who handled it.
  await rep.click('[data-testid="tab-reports"]');
  const row = rep.locator('[data-testid="report-row"][data-brand="fashion"]');
  await row.waitFor({ timeout: UI_TIMEOUT });
  await rep.locator('[data-testid="chart-daily-svg"] rect').first().waitFor({ timeout: UI_TIMEOUT });
  const csv = await rep.evaluate(async () => (await fetch(document.querySelector('[data-testid="report-csv"]').href)).text());
  assert.match(csv.split('\n')[0], /^date,brand,conversations,escalations/);
  assert.match(csv, /,fashion,/);
  await shot(rep, 'console-reports');

  assert.deepEqual(repProblems, [], 'no console page errors');
  assert.deepEqual(phoneProblems, [], 'no sandbox page errors');
  await phone.close();
  await rep.close();
});
