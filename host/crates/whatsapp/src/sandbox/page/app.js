// Agent Store WhatsApp sandbox page.
//
// You act as a customer. Every message you send is a real WhatsApp Cloud API webhook envelope,
// signed with HMAC-SHA256 over the exact body bytes (X-Hub-Signature-256) and POSTed to the
// host's webhook. The business's replies reach the host's Graph stand-in, which pushes them here
// over Server-Sent Events (/sandbox/events) together with their delivery statuses.
//
// Test ids (data-testid): composer, send, message-in (customer -> business, right),
// message-out (business -> customer, left), tick, reply-button, list-open, list-row,
// product-card, product-buy, error-bubble, customer, typing, reaction.
'use strict';

(() => {
  // ------------------------------------------------------------------ state
  const PRESETS = [
    { name: 'Ana Souza', wa_id: '5511987650001' },
    { name: 'James Carter', wa_id: '15551230002' },
    { name: 'Priya Sharma', wa_id: '919876500003' },
  ];
  const STORE_CUSTOMERS = 'agent-store-sandbox.customers';
  const STORE_INBOUND = 'agent-store-sandbox.inbound.';
  const params = new URLSearchParams(location.search);

  const state = {
    config: null,
    customers: [],
    active: null,             // wa_id of the customer you act as
    chats: new Map(),         // wa_id -> [item]; item = {dir:'in'|'out', id, ts (ms), ...}
    items: new Map(),         // message id -> item (both directions)
    rows: new Map(),          // message id -> rendered row element
    unread: new Map(),        // wa_id -> count of business messages not yet seen
    seen: new Set(),          // wamids reported read
    typingTimer: null,
    forceJsHmac: params.get('hmac') === 'js',
  };

  const $ = (id) => document.getElementById(id);
  // UI icons as inline SVG: emoji fonts are not guaranteed on the demo machine.
  const ICONS = {
    image: '<svg viewBox="0 0 24 24" width="34" height="34"><path fill="currentColor" d="M21 19V5a2 2 0 0 0-2-2H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2zM8.5 13.5l2.5 3 3.5-4.5 4.5 6H5l3.5-4.5z"/></svg>',
    bag: '<svg viewBox="0 0 24 24" width="28" height="28"><path fill="currentColor" d="M18 6h-2a4 4 0 0 0-8 0H6a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8a2 2 0 0 0-2-2zm-6-2a2 2 0 0 1 2 2h-4a2 2 0 0 1 2-2zm6 16H6V8h2v2h2V8h4v2h2V8h2v12z"/></svg>',
    clock: '<svg viewBox="0 0 16 15" width="14" height="13"><path fill="currentColor" d="M9.75 7.71H8.1V5.45a.4.4 0 0 0-.4-.4h-.1a.4.4 0 0 0-.4.4v2.86c0 .22.18.4.4.4h2.15a.4.4 0 0 0 .4-.4v-.2a.4.4 0 0 0-.4-.4zM8 1.5a6 6 0 1 0 0 12 6 6 0 0 0 0-12zm0 10.8a4.8 4.8 0 1 1 0-9.6 4.8 4.8 0 0 1 0 9.6z"/></svg>',
    lock: '<svg viewBox="0 0 10 12" width="10" height="12"><path fill="currentColor" d="M5 .5A3 3 0 0 0 2 3.5v1.3H1.3a.8.8 0 0 0-.8.8v5.1c0 .5.4.8.8.8h7.4c.5 0 .8-.4.8-.8V5.6a.8.8 0 0 0-.8-.8H8V3.5a3 3 0 0 0-3-3zm0 1.3c1 0 1.7.8 1.7 1.7v1.3H3.3V3.5c0-1 .8-1.7 1.7-1.7z"/></svg>',
  };
  const icon = (name, cls = 'icon') => el('span', { class: cls, html: ICONS[name] });
  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key === 'testid') node.dataset.testid = value;
      else if (key === 'text') node.textContent = value;
      else if (key === 'html') node.innerHTML = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  };

  // ------------------------------------------------------------ crypto
  // Pure-JS SHA-256 and HMAC for when crypto.subtle is missing (it only exists on secure
  // contexts: https, http://localhost and http://127.0.0.1).
  const K256 = new Uint32Array([
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
  ]);
  const ror = (x, n) => (x >>> n) | (x << (32 - n));

  function sha256(bytes) {
    const H = new Uint32Array([
      0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ]);
    const length = bytes.length;
    const padded = ((length + 9 + 63) >> 6) << 6;
    const buf = new Uint8Array(padded);
    buf.set(bytes);
    buf[length] = 0x80;
    const view = new DataView(buf.buffer);
    const bits = length * 8;
    view.setUint32(padded - 4, bits >>> 0);
    view.setUint32(padded - 8, Math.floor(bits / 0x100000000));
    const W = new Uint32Array(64);
    for (let off = 0; off < padded; off += 64) {
      for (let i = 0; i < 16; i++) W[i] = view.getUint32(off + i * 4);
      for (let i = 16; i < 64; i++) {
        const a = W[i - 15];
        const b = W[i - 2];
        const s0 = ror(a, 7) ^ ror(a, 18) ^ (a >>> 3);
        const s1 = ror(b, 17) ^ ror(b, 19) ^ (b >>> 10);
        W[i] = (W[i - 16] + s0 + W[i - 7] + s1) | 0;
      }
      let [a, b, c, d, e, f, g, h] = H;
      for (let i = 0; i < 64; i++) {
        const t1 = (h + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) + ((e & f) ^ (~e & g)) + K256[i] + W[i]) | 0;
        const t2 = ((ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
        h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
      }
      H[0] += a; H[1] += b; H[2] += c; H[3] += d; H[4] += e; H[5] += f; H[6] += g; H[7] += h;
    }
    const out = new Uint8Array(32);
    const outView = new DataView(out.buffer);
    H.forEach((word, i) => outView.setUint32(i * 4, word));
    return out;
  }

  function hmacSha256Js(keyBytes, message) {
    let key = keyBytes.length > 64 ? sha256(keyBytes) : keyBytes;
    const block = new Uint8Array(64);
    block.set(key);
    const inner = new Uint8Array(64 + message.length);
    const outer = new Uint8Array(64 + 32);
    for (let i = 0; i < 64; i++) {
      inner[i] = block[i] ^ 0x36;
      outer[i] = block[i] ^ 0x5c;
    }
    inner.set(message, 64);
    outer.set(sha256(inner), 64);
    key = null;
    return sha256(outer);
  }

  const toHex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

  async function hmacHex(secret, bodyBytes) {
    const keyBytes = new TextEncoder().encode(secret);
    const subtle = globalThis.crypto && globalThis.crypto.subtle;
    if (subtle && !state.forceJsHmac) {
      const key = await subtle.importKey('raw', keyBytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
      return toHex(new Uint8Array(await subtle.sign('HMAC', key, bodyBytes)));
    }
    return toHex(hmacSha256Js(keyBytes, bodyBytes));
  }

  function randomBase64(n) {
    const bytes = new Uint8Array(n);
    if (globalThis.crypto && crypto.getRandomValues) crypto.getRandomValues(bytes);
    else for (let i = 0; i < n; i++) bytes[i] = Math.floor(Math.random() * 256);
    return btoa(String.fromCharCode(...bytes));
  }

  // A wamid shaped like Meta's: base64 of a small record holding the sender's number.
  function newWamid(waId) {
    const hex = Array.from({ length: 10 }, () => Math.floor(Math.random() * 16).toString(16).toUpperCase()).join('');
    return 'wamid.' + btoa('\x1c\x18\x0b' + waId + '\x15\x02\x00\x12\x18\x14' + hex + randomBase64(6) + '\x00');
  }

  // ------------------------------------------------------------ formatting
  const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

  // WhatsApp markup: *bold*, _italic_, ~strike~, ```mono```, plus links.
  function formatWa(text) {
    let s = escapeHtml(text || '');
    s = s.replace(/```([\s\S]+?)```/g, '<code>$1</code>');
    const wrap = (mark, tag) => {
      const m = mark.replace(/[*~]/g, '\\$&');
      const re = new RegExp(`(^|[\\s([{>])${m}(?=\\S)([^\\n]*?\\S)${m}(?=$|[\\s.,!?:;)\\]}<])`, 'g');
      s = s.replace(re, `$1<${tag}>$2</${tag}>`);
    };
    wrap('*', 'strong');
    wrap('_', 'em');
    wrap('~', 'del');
    s = s.replace(/(^|[\s(>])(https?:\/\/[^\s<]+)/g, (_, pre, url) => `${pre}<a href="${url}" target="_blank" rel="noopener noreferrer">${url}</a>`);
    return s;
  }

  const timeOf = (ms) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  const initials = (name) => (name || '?').split(/\s+/).filter(Boolean).slice(0, 2).map((w) => w[0].toUpperCase()).join('');
  const digits = (s) => String(s || '').replace(/\D/g, '');

  // ------------------------------------------------------------ customers
  function loadCustomers() {
    let extra = [];
    try { extra = JSON.parse(localStorage.getItem(STORE_CUSTOMERS) || '[]'); } catch (_) { extra = []; }
    state.customers = [...PRESETS, ...extra.filter((c) => c && c.wa_id && !PRESETS.some((p) => p.wa_id === c.wa_id))];
    for (const c of state.customers) if (!state.chats.has(c.wa_id)) state.chats.set(c.wa_id, []);
  }

  function saveCustomers() {
    const extra = state.customers.filter((c) => !PRESETS.some((p) => p.wa_id === c.wa_id));
    try { localStorage.setItem(STORE_CUSTOMERS, JSON.stringify(extra)); } catch (_) { /* private mode */ }
  }

  function customerOf(waId) {
    let c = state.customers.find((x) => x.wa_id === waId);
    if (!c) {
      c = { name: '+' + waId, wa_id: waId };
      state.customers.push(c);
      state.chats.set(waId, []);
    }
    return c;
  }

  function lastPreview(waId) {
    const chat = state.chats.get(waId) || [];
    const last = [...chat].reverse().find((item) => item.kind !== 'reaction');
    if (!last) return 'Tap to chat';
    return (last.dir === 'in' ? 'You: ' : '') + previewText(last);
  }

  function renderCustomers() {
    const list = $('customers');
    list.replaceChildren(...state.customers.map((c) => {
      const unread = state.unread.get(c.wa_id) || 0;
      return el('li', {
        class: 'customer' + (c.wa_id === state.active ? ' active' : ''),
        testid: 'customer', 'data-wa-id': c.wa_id, title: '+' + c.wa_id,
        onclick: () => selectCustomer(c.wa_id),
      },
      el('div', { class: 'avatar', style: `background:${colorOf(c.wa_id)}`, text: initials(c.name) }),
      el('div', { class: 'customer-text' },
        el('div', { class: 'customer-name', text: c.name }),
        el('div', { class: 'customer-last', text: lastPreview(c.wa_id) })),
      unread ? el('span', { class: 'badge', testid: 'unread', text: unread }) : null);
    }));
  }

  function colorOf(waId) {
    const colors = ['#6b7c85', '#d3396d', '#7f66ff', '#1fa855', '#e26b2f', '#3b88c4', '#a05d39'];
    let h = 0;
    for (const ch of waId) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
    return colors[h % colors.length];
  }

  function selectCustomer(waId) {
    state.active = waId;
    const c = customerOf(waId);
    $('acting-as').textContent = `You are ${c.name} · +${waId}`;
    state.unread.set(waId, 0);
    renderCustomers();
    renderChat();
    markChatSeen();
    $('composer').focus();
  }

  // ------------------------------------------------------------ items
  function loadInbound(waId) {
    try { return JSON.parse(localStorage.getItem(STORE_INBOUND + waId) || '[]'); } catch (_) { return []; }
  }

  function saveInbound(waId) {
    const inbound = (state.chats.get(waId) || []).filter((i) => i.dir === 'in' || i.dir === 'error');
    try { localStorage.setItem(STORE_INBOUND + waId, JSON.stringify(inbound.slice(-200))); } catch (_) { /* full */ }
  }

  function addItem(waId, item) {
    if (item.id && state.items.has(item.id)) return state.items.get(item.id);
    customerOf(waId);
    const chat = state.chats.get(waId);
    chat.push(item);
    chat.sort((a, b) => a.ts - b.ts);
    if (item.id) state.items.set(item.id, item);
    if (waId === state.active) {
      const index = chat.indexOf(item);
      if (index === chat.length - 1) appendRow(item, chat[index - 1]);
      else renderChat();
    }
    if (item.dir === 'in' || item.dir === 'error') saveInbound(waId);
    return item;
  }

  function outboundItem(message) {
    const ts = message.timestamp_ms || message.timestamp * 1000 + 999;
    return { dir: 'out', id: message.id, ts, kind: message.type, payload: message.payload, status: message.status, to: message.to };
  }

  function previewText(item) {
    const p = item.payload || {};
    if (item.dir === 'error') return 'Not delivered: the webhook failed';
    switch (item.kind) {
      case 'text': return p.text ? p.text.body : '';
      case 'image': return 'Photo' + (p.image && p.image.caption ? ': ' + p.image.caption : '');
      case 'interactive': {
        const i = p.interactive || {};
        if (i.type === 'button_reply') return i.button_reply.title;
        if (i.type === 'list_reply') return i.list_reply.title;
        return (i.body && i.body.text) || (i.header && i.header.text) || 'Products';
      }
      case 'button': return p.button ? p.button.text : '';
      case 'order': return 'Order: ' + ((p.order && p.order.product_items) || []).map((x) => `${x.quantity} × ${x.product_retailer_id}`).join(', ');
      case 'template': return 'Template: ' + (p.template ? p.template.name : '');
      case 'reaction': return 'Reacted ' + (p.reaction ? p.reaction.emoji : '');
      default: return item.kind;
    }
  }

  // ------------------------------------------------------------ rendering
  function renderChat() {
    const box = $('messages');
    state.rows.clear();
    box.replaceChildren(
      el('div', { class: 'system-chip encryption' }, icon('lock', 'lock'),
        ' Sandbox chat. Messages go to the Agent Store host as signed WhatsApp webhooks.'),
    );
    const chat = state.chats.get(state.active) || [];
    let prev;
    for (const item of chat) {
      appendRow(item, prev, false);
      prev = item;
    }
    for (const item of chat) if (item.kind === 'reaction' && item.dir === 'out') applyReaction(item);
    scrollDown();
  }

  function scrollDown() {
    const box = $('messages');
    box.scrollTop = box.scrollHeight;
    state.pinned = true;
  }

  // Keep the view at the bottom while late content (product data, image placeholders) grows
  // it, unless the user scrolled up to read.
  function stickToBottom() {
    const box = $('messages');
    state.pinned = true;
    box.addEventListener('scroll', () => {
      state.pinned = box.scrollHeight - box.scrollTop - box.clientHeight < 60;
    }, { passive: true });
    const observer = new ResizeObserver(() => { if (state.pinned) box.scrollTop = box.scrollHeight; });
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n instanceof Element) observer.observe(n);
    }).observe(box, { childList: true });
  }

  function dayLabel(ms) {
    const d = new Date(ms);
    const today = new Date();
    if (d.toDateString() === today.toDateString()) return 'TODAY';
    return d.toLocaleDateString([], { day: 'numeric', month: 'long', year: 'numeric' }).toUpperCase();
  }

  function appendRow(item, prev, scroll = true) {
    const box = $('messages');
    if (!prev || new Date(prev.ts).toDateString() !== new Date(item.ts).toDateString()) {
      box.append(el('div', { class: 'day-chip', text: dayLabel(item.ts) }));
    }
    if (item.dir === 'error') {
      box.append(el('div', { class: 'error-bubble', testid: 'error-bubble', role: 'alert', html: item.html }));
      if (scroll) scrollDown();
      return;
    }
    if (item.kind === 'reaction' && item.dir === 'out') {
      applyReaction(item);
      return;
    }
    const continued = prev && prev.dir === item.dir && item.ts - prev.ts < 60000;
    const row = el('div', {
      class: `row ${item.dir}${continued ? ' continued' : ''}`,
      testid: item.dir === 'out' ? 'message-out' : 'message-in',
      'data-id': item.id,
      'data-kind': item.kind,
    });
    const bubble = el('div', { class: 'bubble clearfix' });
    row.append(bubble);
    const extra = item.dir === 'out' ? renderOutbound(item, bubble) : renderInbound(item, bubble);
    bubble.append(meta(item));
    if (extra) row.append(extra);
    box.append(row);
    if (item.id) state.rows.set(item.id, row);
    if (scroll) scrollDown();
    if (item.dir === 'out') maybeMarkSeen(item);
  }

  function meta(item) {
    return el('span', { class: 'meta' },
      el('span', { class: 'time', text: timeOf(item.ts) }),
      tickFor(item));
  }

  // Ticks: business messages follow the statuses the Graph stand-in reports (sent ✓,
  // delivered ✓✓, read blue ✓✓); the customer's own messages show ✓✓ once the webhook
  // answered 2xx and blue once the business marked them read.
  function tickFor(item) {
    const status = item.status || 'accepted';
    const node = el('span', { class: 'tick', testid: 'tick', 'data-status': status, title: status });
    if (status === 'pending' || status === 'accepted') node.innerHTML = ICONS.clock;
    else node.textContent = { sent: '✓', delivered: '✓✓', read: '✓✓', error: '!' }[status] || '';
    return node;
  }

  function updateTick(id, status) {
    const item = state.items.get(id);
    if (!item) return;
    const order = ['pending', 'accepted', 'sent', 'delivered', 'read'];
    if (order.indexOf(status) <= order.indexOf(item.status) && status !== 'error') return;
    item.status = status;
    const row = state.rows.get(id);
    const tick = row && row.querySelector('[data-testid="tick"]');
    if (tick) tick.replaceWith(tickFor(item));
    if (item.dir === 'in') saveInbound(item.from);
  }

  function quoteFor(contextId) {
    if (!contextId) return null;
    const target = state.items.get(contextId);
    const who = target ? (target.dir === 'in' ? 'You' : (state.config.business_name || 'Business')) : 'Message';
    return el('div', { class: 'quote', testid: 'quote' },
      el('div', { class: 'quote-who', text: who }),
      el('div', { text: target ? previewText(target) : contextId }));
  }

  function renderInbound(item, bubble) {
    const p = item.payload;
    const quote = p.context && quoteFor(p.context.id);
    if (quote) bubble.append(quote);
    bubble.append(el('span', { class: 'text', html: formatWa(previewText(item)) }));
    return null;
  }

  function renderOutbound(item, bubble) {
    const p = item.payload || {};
    if (p.context && p.context.message_id) {
      const quote = quoteFor(p.context.message_id);
      if (quote) bubble.append(quote);
    }
    switch (item.kind) {
      case 'text':
        bubble.append(el('span', { class: 'text', testid: 'text', html: formatWa(p.text.body) }));
        return null;
      case 'image':
        bubble.append(mediaBox(p.image.link, p.image.id));
        if (p.image.caption) bubble.append(el('div', { class: 'text', html: formatWa(p.image.caption) }));
        return null;
      case 'template':
        return renderTemplate(item, bubble);
      case 'interactive':
        return renderInteractive(item, bubble);
      default:
        bubble.append(el('span', { class: 'text', text: `[${item.kind}]` }));
        return null;
    }
  }

  function mediaBox(link, mediaId, compact = false) {
    const box = el('a', { class: 'media', testid: 'image', href: link || undefined, target: '_blank', rel: 'noopener noreferrer' });
    const placeholder = () => el('div', { class: 'placeholder', testid: 'image-placeholder' },
      icon(compact ? 'bag' : 'image'),
      compact ? null : el('span', { text: link ? 'Image unavailable offline' : `Media ${mediaId || ''}` }),
      link && !compact ? el('span', { class: 'product-id', text: link }) : null);
    if (!link) {
      box.append(placeholder());
      return box;
    }
    const img = el('img', { src: link, alt: '', loading: 'lazy', referrerpolicy: 'no-referrer' });
    img.addEventListener('error', () => img.replaceWith(placeholder()), { once: true });
    box.append(img);
    return box;
  }

  function headerOf(interactive, bubble) {
    const h = interactive.header;
    if (!h) return;
    if (h.type === 'text') bubble.append(el('div', { class: 'header-text', testid: 'header', html: formatWa(h.text) }));
    else if (h[h.type]) bubble.append(mediaBox(h[h.type].link, h[h.type].id));
  }

  function bodyAndFooter(interactive, bubble) {
    if (interactive.body && interactive.body.text) bubble.append(el('div', { class: 'text', html: formatWa(interactive.body.text) }));
    if (interactive.footer && interactive.footer.text) bubble.append(el('div', { class: 'footer-text', text: interactive.footer.text }));
  }

  function renderInteractive(item, bubble) {
    const i = item.payload.interactive;
    const action = i.action || {};
    headerOf(i, bubble);
    switch (i.type) {
      case 'button': {
        bodyAndFooter(i, bubble);
        return el('div', { class: 'buttons' }, action.buttons.map((b) => el('button', {
          class: 'reply-button', type: 'button', testid: 'reply-button', 'data-reply-id': b.reply.id, text: b.reply.title,
          onclick: () => sendReply(item, { type: 'button_reply', button_reply: { id: b.reply.id, title: b.reply.title } }, b.reply.title),
        })));
      }
      case 'list': {
        bodyAndFooter(i, bubble);
        return el('div', { class: 'buttons' }, el('button', {
          class: 'list-open', type: 'button', testid: 'list-open', text: action.button,
          onclick: () => openList(item),
        }));
      }
      case 'product': {
        bubble.append(productCards([action.product_retailer_id], action.catalog_id, true));
        bodyAndFooter(i, bubble);
        return null;
      }
      case 'product_list': {
        if (i.body && i.body.text) bubble.append(el('div', { class: 'text', html: formatWa(i.body.text) }));
        for (const section of action.sections) {
          if (section.title) bubble.append(el('div', { class: 'section-title', text: section.title }));
          bubble.append(productCards(section.product_items.map((p) => p.product_retailer_id), action.catalog_id, false));
        }
        if (i.footer && i.footer.text) bubble.append(el('div', { class: 'footer-text', text: i.footer.text }));
        return null;
      }
      case 'cta_url': {
        bodyAndFooter(i, bubble);
        return el('div', { class: 'buttons' }, el('a', {
          class: 'cta', testid: 'cta-url', href: action.parameters.url, target: '_blank', rel: 'noopener noreferrer',
          text: '↗ ' + action.parameters.display_text,
        }));
      }
      default:
        bodyAndFooter(i, bubble);
        return null;
    }
  }

  function renderTemplate(item, bubble) {
    const t = item.payload.template;
    const components = t.components || [];
    const texts = (kind) => components.filter((c) => c.type === kind)
      .flatMap((c) => (c.parameters || []).map(paramText)).filter(Boolean);
    bubble.append(el('div', { class: 'kind-label', testid: 'template', text: `Template · ${t.name} · ${t.language.code}` }));
    const header = texts('header');
    if (header.length) bubble.append(el('div', { class: 'header-text', text: header.join(' ') }));
    const body = texts('body');
    bubble.append(el('div', { class: 'text', html: formatWa(body.length ? body.join('\n') : t.name.replace(/_/g, ' ')) }));
    const buttons = components.filter((c) => c.type === 'button');
    if (!buttons.length) return null;
    return el('div', { class: 'buttons' }, buttons.map((b) => {
      const payload = ((b.parameters || []).find((x) => x.type === 'payload') || {}).payload || `button ${b.index}`;
      if (b.sub_type === 'url') {
        return el('a', { class: 'cta', href: '#', text: '↗ ' + payload });
      }
      return el('button', {
        class: 'reply-button', type: 'button', testid: 'reply-button', 'data-reply-id': payload, text: payload,
        onclick: () => sendTemplateButton(item, payload),
      });
    }));
  }

  function paramText(param) {
    switch (param.type) {
      case 'text': return param.text;
      case 'currency': return param.currency ? param.currency.fallback_value : '';
      case 'date_time': return param.date_time ? param.date_time.fallback_value : '';
      case 'image': return '[image]';
      default: return param[param.type] && typeof param[param.type] === 'string' ? param[param.type] : '';
    }
  }

  // ------------------------------------------------------------ products
  const productCache = new Map();
  function fetchProduct(id) {
    if (!productCache.has(id)) {
      productCache.set(id, fetch('/sandbox/products/' + encodeURIComponent(id))
        .then((r) => (r.ok ? r.json() : null))
        .catch(() => null));
    }
    return productCache.get(id);
  }

  function productCards(ids, catalogId, single) {
    const box = el('div', { class: 'product-cards' });
    for (const id of ids) {
      const card = el('div', { class: 'product-card' + (single ? ' single' : ''), testid: 'product-card', 'data-product-id': id });
      const media = el('div', { class: 'media' }, el('div', { class: 'placeholder' }, icon('bag')));
      const title = el('div', { class: 'product-title', testid: 'product-title', text: id });
      const price = el('div', { class: 'product-price', testid: 'product-price', text: '…' });
      const buy = el('button', { class: 'product-buy', type: 'button', testid: 'product-buy', text: 'Buy', disabled: true });
      card.append(media, el('div', { class: 'product-info' }, title, price, el('div', { class: 'product-id', text: id })), buy);
      box.append(card);
      fetchProduct(id).then((product) => {
        if (!product) {
          title.textContent = 'Unknown product';
          price.textContent = `No product ${id} in the catalog`;
          return;
        }
        title.textContent = product.title || product.name || id;
        price.replaceChildren(...priceNodes(product));
        const image = product.image_url || product.image_link || product.image;
        if (image) media.replaceChildren(mediaBox(image, null, !single).firstChild || el('span'));
        buy.disabled = false;
        buy.onclick = () => sendOrder(product, catalogId);
      });
    }
    return box;
  }

  function priceNodes(product) {
    const fmt = (v) => (v === undefined || v === null || v === '' ? '' : typeof v === 'number' ? `${v.toFixed(2)} ${product.currency || ''}`.trim() : String(v));
    const price = fmt(product.price);
    const sale = fmt(product.sale_price);
    if (sale) return [el('span', { class: 'sale', text: sale }), el('span', { class: 'was', text: price })];
    return [document.createTextNode(price)];
  }

  function parsePrice(product) {
    const value = product.sale_price || product.price;
    if (typeof value === 'number') return { amount: value, currency: product.currency || 'USD' };
    const m = /([\d.,]+)\s*([A-Z]{3})?/.exec(String(value || ''));
    return { amount: m ? parseFloat(m[1].replace(/,/g, '')) : 0, currency: (m && m[2]) || product.currency || 'USD' };
  }

  // ------------------------------------------------------------ list sheet
  function openList(item) {
    const i = item.payload.interactive;
    $('sheet-title').textContent = i.action.button;
    const body = $('sheet-body');
    body.replaceChildren();
    for (const section of i.action.sections) {
      if (section.title) body.append(el('div', { class: 'sheet-section', text: section.title }));
      for (const row of section.rows) {
        body.append(el('button', {
          class: 'list-row', type: 'button', testid: 'list-row', 'data-row-id': row.id,
          onclick: () => {
            closeList();
            const reply = { id: row.id, title: row.title };
            if (row.description) reply.description = row.description;
            sendReply(item, { type: 'list_reply', list_reply: reply }, row.title);
          },
        },
        el('span', { class: 'list-row-text' },
          el('div', { class: 'list-row-title', text: row.title }),
          row.description ? el('div', { class: 'list-row-desc', text: row.description }) : null),
        el('span', { class: 'radio' })));
      }
    }
    $('sheet').classList.remove('hidden');
  }

  function closeList() { $('sheet').classList.add('hidden'); }

  // ------------------------------------------------------------ reactions
  function applyReaction(item) {
    const r = item.payload.reaction;
    const row = state.rows.get(r.message_id);
    if (!row) return;
    const bubble = row.querySelector('.bubble');
    const old = bubble.querySelector('.reaction');
    if (old) old.remove();
    row.classList.toggle('has-reaction', !!r.emoji);
    if (r.emoji) bubble.append(el('span', { class: 'reaction', testid: 'reaction', text: r.emoji }));
  }

  // ------------------------------------------------------------ sending webhooks
  function envelope(customer, message) {
    const cfg = state.config;
    return {
      object: 'whatsapp_business_account',
      entry: [{
        id: cfg.waba_id,
        changes: [{
          field: 'messages',
          value: {
            messaging_product: 'whatsapp',
            metadata: { display_phone_number: digits(cfg.display_phone_number), phone_number_id: cfg.phone_number_id },
            contacts: [{ profile: { name: customer.name }, wa_id: customer.wa_id }],
            messages: [message],
          },
        }],
      }],
    };
  }

  async function deliverWebhook(customer, message) {
    const item = addItem(customer.wa_id, {
      dir: 'in', id: message.id, ts: Date.now(), kind: message.type, payload: message, status: 'pending', from: customer.wa_id,
    });
    renderCustomers();
    const body = JSON.stringify(envelope(customer, message));
    const bytes = new TextEncoder().encode(body);
    let failure = null;
    try {
      const signature = 'sha256=' + await hmacHex(state.config.app_secret, bytes);
      const response = await fetch(state.config.webhook_path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': signature },
        body: bytes,
      });
      if (!response.ok) {
        const text = (await response.text().catch(() => '')).slice(0, 300);
        failure = `${response.status} ${response.statusText}${text ? ' — ' + text : ''}`;
      }
    } catch (err) {
      failure = `network error — ${err && err.message ? err.message : err}`;
    }
    if (failure) {
      updateTick(item.id, 'error');
      addItem(customer.wa_id, {
        dir: 'error', id: 'error.' + message.id, ts: Date.now(),
        html: `<strong>Webhook failed.</strong> POST ${escapeHtml(state.config.webhook_path)} answered ${escapeHtml(failure)}`,
      });
    } else {
      updateTick(item.id, 'delivered');
    }
    renderCustomers();
  }

  function baseMessage(customer, type) {
    return { from: customer.wa_id, id: newWamid(customer.wa_id), timestamp: String(Math.floor(Date.now() / 1000)), type };
  }

  function sendText(text) {
    const customer = customerOf(state.active);
    const message = baseMessage(customer, 'text');
    message.text = { body: text };
    return deliverWebhook(customer, message);
  }

  function contextOf(item) {
    return { from: digits(state.config.display_phone_number), id: item.id };
  }

  function sendReply(item, interactive) {
    const customer = customerOf(item.to || state.active);
    const message = baseMessage(customer, 'interactive');
    message.context = contextOf(item);
    message.interactive = interactive;
    return deliverWebhook(customer, message);
  }

  function sendTemplateButton(item, payload) {
    const customer = customerOf(item.to || state.active);
    const message = baseMessage(customer, 'button');
    message.context = contextOf(item);
    message.button = { payload, text: payload };
    return deliverWebhook(customer, message);
  }

  function sendOrder(product, catalogId) {
    const customer = customerOf(state.active);
    const price = parsePrice(product);
    const message = baseMessage(customer, 'order');
    message.order = {
      catalog_id: catalogId || '',
      text: '',
      product_items: [{ product_retailer_id: product.id, quantity: 1, item_price: price.amount, currency: price.currency }],
    };
    return deliverWebhook(customer, message);
  }

  // ------------------------------------------------------------ seen / read
  function maybeMarkSeen(item) {
    if (item.dir !== 'out' || state.seen.has(item.id)) return;
    if (item.status === 'read') { state.seen.add(item.id); return; } // seen elsewhere already
    if (item.to !== state.active || document.visibilityState !== 'visible') {
      if (item.to !== state.active) state.unread.set(item.to, (state.unread.get(item.to) || 0) + 1);
      return;
    }
    state.seen.add(item.id);
    fetch('/sandbox/read', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ wamid: item.id }),
    }).catch(() => state.seen.delete(item.id));
  }

  function markChatSeen() {
    for (const item of state.chats.get(state.active) || []) if (item.dir === 'out') maybeMarkSeen(item);
  }

  // ------------------------------------------------------------ server events
  function onEvent(event) {
    switch (event.kind) {
      case 'message': {
        const item = outboundItem(event.message);
        const isNew = !state.items.has(item.id);
        addItem(event.message.to, item);
        if (isNew && item.to !== state.active) maybeMarkSeen(item);
        if (isNew) stopTyping();
        renderCustomers();
        break;
      }
      case 'status':
        updateTick(event.id, event.status);
        break;
      case 'inbound_read':
        updateTick(event.message_id, 'read');
        if (event.typing) startTyping();
        break;
      default:
        break;
    }
  }

  function startTyping() {
    const sub = $('chat-sub');
    sub.textContent = 'typing…';
    sub.classList.add('typing');
    sub.dataset.testid = 'typing';
    clearTimeout(state.typingTimer);
    state.typingTimer = setTimeout(stopTyping, 25000); // WhatsApp drops the indicator after 25 s
  }

  function stopTyping() {
    const sub = $('chat-sub');
    clearTimeout(state.typingTimer);
    sub.textContent = `business account · ${state.config.display_phone_number}`;
    sub.classList.remove('typing');
    sub.dataset.testid = 'chat-sub';
  }

  async function syncOutbound() {
    try {
      const response = await fetch('/sandbox/messages');
      if (!response.ok) return;
      for (const message of await response.json()) {
        if (state.items.has(message.id)) updateTick(message.id, message.status);
        else onEvent({ kind: 'message', message });
      }
    } catch (_) { /* the SSE reconnect will retry */ }
  }

  function connectEvents() {
    const source = new EventSource('/sandbox/events');
    source.addEventListener('ready', () => syncOutbound());
    source.onmessage = (e) => {
      try { onEvent(JSON.parse(e.data)); } catch (err) { console.error('bad sandbox event', err); }
    };
  }

  // ------------------------------------------------------------ boot
  async function boot() {
    const response = await fetch('/sandbox/config');
    state.config = await response.json();
    $('business-name').textContent = state.config.business_name || 'Business';
    document.title = `${state.config.business_name} · WhatsApp sandbox`;
    $('sandbox-info').textContent = `Sandbox · business number ${state.config.display_phone_number} (id ${state.config.phone_number_id}). `
      + `Messages are signed webhooks to ${state.config.webhook_path}; replies come from the local Graph API stand-in.`;
    loadCustomers();
    for (const c of state.customers) {
      for (const item of loadInbound(c.wa_id)) {
        if (item.status === 'pending') item.status = 'error';
        addItem(c.wa_id, item);
      }
    }
    stopTyping();
    stickToBottom();
    const wanted = params.get('customer');
    selectCustomer(state.customers.some((c) => c.wa_id === wanted) ? wanted : state.customers[0].wa_id);
    await syncOutbound();
    connectEvents();

    $('composer-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const input = $('composer');
      const text = input.value.trim();
      if (!text) return;
      input.value = '';
      sendText(text);
    });
    $('new-customer').addEventListener('submit', (e) => {
      e.preventDefault();
      const name = $('new-customer-name').value.trim();
      const waId = digits($('new-customer-number').value);
      if (!name || waId.length < 5 || waId.length > 15) {
        $('new-customer-number').setCustomValidity('5 to 15 digits, country code first');
        $('new-customer-number').reportValidity();
        return;
      }
      $('new-customer-number').setCustomValidity('');
      const existing = state.customers.find((c) => c.wa_id === waId);
      if (existing) existing.name = name;
      else { state.customers.push({ name, wa_id: waId }); state.chats.set(waId, []); }
      saveCustomers();
      $('new-customer').reset();
      selectCustomer(waId);
    });
    $('new-customer-number').addEventListener('input', (e) => e.target.setCustomValidity(''));
    $('sheet-close').addEventListener('click', closeList);
    $('sheet').addEventListener('click', (e) => { if (e.target === $('sheet')) closeList(); });
    document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') markChatSeen(); });
    $('app').dataset.ready = 'true';
  }

  // Hooks for tests and curious developers.
  window.agentStoreSandbox = {
    state,
    sha256Hex: (text) => toHex(sha256(new TextEncoder().encode(text))),
    hmacHexJs: (secret, text) => toHex(hmacSha256Js(new TextEncoder().encode(secret), new TextEncoder().encode(text))),
    hmacHex: (secret, text) => hmacHex(secret, new TextEncoder().encode(text)),
    setSecret: (secret) => { state.config.app_secret = secret; },
    sendText,
  };

  boot().catch((err) => {
    console.error(err);
    document.body.prepend(el('div', { class: 'error-bubble', testid: 'error-bubble', text: 'Sandbox failed to start: ' + err }));
  });
})();
