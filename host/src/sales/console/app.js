// The sales console: sign-in, the live escalation inbox (server-sent events), a conversation with
// its full history and reply box, the assistant panel, and reports. Plain JS, no dependencies.
'use strict';

(() => {
  const $ = (id) => document.getElementById(id);
  const el = (tag, attrs = {}, ...children) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c);
    return e;
  };

  const state = {
    csrf: '',
    user: null,
    escalations: [],
    current: null, // conversation id
    detail: null, // last /conversations/{id} answer
    events: null,
    poll: null,
  };

  function randomKey() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    const b = new Uint8Array(16);
    crypto.getRandomValues(b);
    return [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  }

  async function api(method, path, body) {
    const headers = { Accept: 'application/json' };
    if (method !== 'GET') {
      headers['Content-Type'] = 'application/json';
      if (state.csrf) headers['X-CSRF-Token'] = state.csrf;
    }
    const res = await fetch(`/console/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    let data = null;
    try { data = await res.json(); } catch (_) { /* not JSON */ }
    if (!res.ok) {
      const err = new Error((data && data.error) || `${res.status} ${res.statusText}`);
      err.status = res.status;
      throw err;
    }
    return data;
  }

  // ---- sign-in ------------------------------------------------------------------------------

  function showLogin() {
    $('main').hidden = true;
    $('login').hidden = false;
    if (state.events) { state.events.close(); state.events = null; }
    if (state.poll) { clearInterval(state.poll); state.poll = null; }
    $('login-name').focus();
  }

  async function signIn(ev) {
    ev.preventDefault();
    $('login-error').hidden = true;
    try {
      const r = await api('POST', '/login', { name: $('login-name').value.trim(), password: $('login-password').value });
      $('login-password').value = '';
      start(r);
    } catch (e) {
      $('login-error').textContent = e.message;
      $('login-error').hidden = false;
    }
  }

  async function signOut() {
    try { await api('POST', '/logout'); } catch (_) { /* signed out anyway */ }
    state.user = null;
    state.csrf = '';
    showLogin();
  }

  function start(me) {
    state.user = me.user;
    state.csrf = me.csrf;
    $('login').hidden = true;
    $('main').hidden = false;
    const brands = me.user.brands === '*' ? 'all brands' : me.user.brands.join(', ');
    $('whoami').textContent = `${me.user.name} · ${me.user.role} · ${brands}`;
    connect();
    loadEscalations();
    state.poll = setInterval(() => { if (state.current) loadConversation(state.current, true); }, 4000);
  }

  // ---- live updates -------------------------------------------------------------------------

  function connect() {
    if (state.events) state.events.close();
    const es = new EventSource('/console/api/events');
    state.events = es;
    es.addEventListener('ready', () => { $('live').dataset.state = 'open'; });
    es.onerror = () => { $('live').dataset.state = 'reconnecting'; };
    for (const kind of ['escalation', 'renotify', 'accepted', 'resolved']) {
      es.addEventListener(kind, (m) => {
        const n = JSON.parse(m.data);
        loadEscalations().then(() => {
          if (kind === 'renotify' || kind === 'escalation') flash(n.escalation_id);
        });
        if (n.conversation_id === state.current) loadConversation(state.current, true);
      });
    }
    es.addEventListener('message', (m) => {
      const n = JSON.parse(m.data);
      if (n.conversation_id === state.current) loadConversation(state.current, true);
    });
  }

  function flash(id) {
    const li = document.querySelector(`[data-testid="escalation"][data-id="${CSS.escape(id || '')}"]`);
    if (!li) return;
    li.classList.remove('flash');
    void li.offsetWidth;
    li.classList.add('flash');
  }

  // ---- inbox --------------------------------------------------------------------------------

  function ago(ms) {
    const s = Math.max(0, Math.round((Date.now() - ms) / 1000));
    if (s < 60) return `${s}s ago`;
    if (s < 3600) return `${Math.floor(s / 60)}m ago`;
    return `${Math.floor(s / 3600)}h ago`;
  }

  async function loadEscalations() {
    try {
      const r = await api('GET', `/escalations${$('show-closed').checked ? '?all=true' : ''}`);
      state.escalations = r.escalations;
      renderEscalations();
    } catch (e) {
      if (e.status === 401) showLogin();
    }
  }

  function renderEscalations() {
    const list = $('escalations');
    list.replaceChildren();
    const pending = state.escalations.filter((e) => e.status === 'pending').length;
    $('pending-count').textContent = String(pending);
    $('queue-empty').hidden = state.escalations.length > 0;
    for (const e of state.escalations) {
      const li = el('li', {
        class: `escalation${e.conversation_id === state.current ? ' selected' : ''}`,
        'data-testid': 'escalation',
        'data-id': e.id,
        'data-conversation': e.conversation_id,
        'data-status': e.status,
        'data-priority': e.priority,
        'data-brand': e.brand || '',
        'data-wa-id': e.customer_wa_id,
        onclick: () => openConversation(e.conversation_id),
      },
      el('div', { class: 'who', text: e.customer_name || `+${e.customer_wa_id}` }),
      el('div', { class: 'meta' },
        el('span', { class: `pill ${e.priority}`, text: e.priority }),
        el('span', { class: 'pill', text: (e.brand || 'no brand') }),
        el('span', { text: e.reason.replace(/_/g, ' ') }),
        e.cart_value_minor > 0 ? el('span', { text: `cart ${e.cart_value}` }) : null,
        el('span', { text: e.status === 'pending' ? ago(e.created_at) : `${e.status}${e.agent ? ` · ${e.agent}` : ''}` })));
      list.append(li);
    }
  }

  // ---- conversation -------------------------------------------------------------------------

  function windowText(w) {
    if (!w.open) return '24-hour window closed';
    const h = Math.floor(w.seconds_left / 3600);
    const m = Math.floor((w.seconds_left % 3600) / 60);
    return `24-hour window: ${h}h ${m}m left`;
  }

  async function openConversation(id) {
    state.current = id;
    $('conv-error').hidden = true;
    $('reply').value = '';
    renderEscalations();
    await loadConversation(id, false);
    loadAssist(id);
  }

  async function loadConversation(id, quiet) {
    let r;
    try {
      r = await api('GET', `/conversations/${encodeURIComponent(id)}`);
    } catch (e) {
      if (e.status === 401) return showLogin();
      if (!quiet) showError(e.message);
      return;
    }
    if (state.current !== id) return;
    state.detail = r;
    renderConversation(r);
  }

  function renderConversation(r) {
    const c = r.conversation;
    const esc = r.escalation;
    $('conversation').hidden = false;
    $('assist').hidden = false;
    $('conversation').dataset.conversation = c.id;
    $('conv-customer').textContent = `${c.customer_name || ''} +${c.customer_wa_id}`.trim();
    $('conv-brand').textContent = c.brand || 'no brand';
    $('conv-status').textContent = c.status;
    $('conv-status').dataset.status = c.status;
    $('conv-window').textContent = windowText(r.window);
    const open = esc && (esc.status === 'pending' || esc.status === 'accepted');
    const mine = esc && esc.status === 'accepted' && (esc.agent === state.user.name || state.user.role === 'admin');
    $('accept').hidden = !(esc && esc.status === 'pending');
    $('handback').hidden = !open;
    $('resolve').hidden = !open;
    $('regression').dataset.marked = r.regression ? 'true' : 'false';
    $('regression').textContent = r.regression ? 'Regression case ✓ (undo)' : 'Keep as regression case';
    $('reply').disabled = !mine || !r.window.open;
    $('send-reply').disabled = !mine || !r.window.open;
    $('reply').placeholder = mine ? 'Write to the customer…' : (open ? 'Take the escalation to write' : 'The AI has this conversation');
    $('escalation-info').textContent = esc
      ? `${esc.reason.replace(/_/g, ' ')} · ${esc.priority} · ${esc.status}${esc.agent ? ` (${esc.agent})` : ''}\n${esc.summary}`
      : '';
    $('escalation-info').dataset.status = esc ? esc.status : '';
    renderDialogue(r.cart, r.dialogue && r.dialogue.current);

    const list = $('messages');
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    list.replaceChildren();
    for (const m of r.messages) {
      const who = m.speaker === 'customer' ? (c.customer_name || 'Customer')
        : m.speaker === 'human_agent' ? (m.agent || 'Rep')
        : m.speaker === 'assistant' ? `AI${m.brand ? ` · ${m.brand}` : ''}` : 'Store';
      list.append(el('li', {
        class: `msg ${m.speaker}`,
        'data-testid': 'message',
        'data-speaker': m.speaker,
        'data-state': m.state,
        'data-id': m.id,
      },
      el('span', { class: 'by', text: who }),
      m.text || `[${m.kind}]`,
      m.direction === 'out' ? el('span', { class: 'state', text: m.state }) : null));
    }
    if (atBottom || list.dataset.conversation !== c.id) list.scrollTop = list.scrollHeight;
    list.dataset.conversation = c.id;
  }

  // What the AI knew when the rep takes over: the cart, the customer's
  // language, the stated constraints and the products offered, in order.
  function renderDialogue(cart, d) {
    const panel = $('dialogue-panel');
    panel.replaceChildren();
    const lines = (cart && cart.lines) || [];
    if (lines.length) {
      panel.append(el('h4', { text: 'Cart' }), el('ul', { 'data-testid': 'cart-lines' },
        ...lines.map((l) => el('li', { text: `${l.quantity} × ${l.title} (${l.product_id})` }))));
    }
    if (!d) return;
    const facts = [];
    if (d.language) facts.push(`language ${d.language}`);
    const c = d.constraints || {};
    if (c.category) facts.push(`looking for ${c.category}`);
    if (c.max_price_minor != null) facts.push(`budget ≤ ${(c.max_price_minor / 100).toFixed(2)}`);
    if (c.color) facts.push(`colour ${c.color}`);
    if (c.size) facts.push(`size ${c.size}`);
    if (facts.length) panel.append(el('div', { 'data-testid': 'dialogue-facts', text: facts.join(' · ') }));
    if ((d.offered || []).length) {
      panel.append(el('h4', { text: 'Offered' }), el('ol', { 'data-testid': 'offered' },
        ...d.offered.map((o) => el('li', {
          text: `${o.title} — ${(o.price_minor / 100).toFixed(2)} ${o.currency}${o.id === d.focus ? ' ◀' : ''}`,
        }))));
    }
  }

  function showError(message) {
    $('conv-error').textContent = message;
    $('conv-error').hidden = false;
  }

  async function act(kind) {
    const esc = state.detail && state.detail.escalation;
    if (!esc) return;
    $('conv-error').hidden = true;
    try {
      await api('POST', `/escalations/${encodeURIComponent(esc.id)}/${kind}`);
    } catch (e) {
      showError(e.message);
    }
    await loadEscalations();
    await loadConversation(state.current, false);
    loadAssist(state.current);
  }

  /** Mark or unmark the open conversation as a regression case. */
  async function toggleRegression() {
    const id = state.current;
    if (!id) return;
    $('conv-error').hidden = true;
    const marked = state.detail && state.detail.regression;
    try {
      await api(marked ? 'DELETE' : 'POST', `/conversations/${encodeURIComponent(id)}/regression`, marked ? undefined : { note: '' });
    } catch (e) {
      showError(e.message);
    }
    await loadConversation(id, false);
  }

  async function send(body) {
    $('conv-error').hidden = true;
    const id = state.current;
    try {
      await api('POST', `/conversations/${encodeURIComponent(id)}/messages`, { ...body, key: randomKey() });
      return true;
    } catch (e) {
      showError(e.message);
      return false;
    } finally {
      loadConversation(id, true);
    }
  }

  async function sendReply(ev) {
    ev.preventDefault();
    const text = $('reply').value.trim();
    if (!text) return;
    $('send-reply').disabled = true;
    if (await send({ text })) $('reply').value = '';
    $('send-reply').disabled = false;
  }

  // ---- assistant ----------------------------------------------------------------------------

  function productItem(p, testid) {
    const canSend = !$('send-reply').disabled;
    return el('li', { class: 'product', 'data-testid': testid, 'data-id': p.id },
      el('span', { text: p.title }),
      el('span', { class: 'muted', text: `${p.price}${p.availability !== 'in stock' ? ` · ${p.availability}` : ''}` }),
      p.explanation ? el('span', { class: 'why', text: `${(p.kind || '').replace('_', '-')}: ${p.explanation}` }) : null,
      el('button', { type: 'button', disabled: !canSend, 'data-testid': 'send-product', onclick: () => send({ product_id: p.id }) }, 'Send'));
  }

  async function loadAssist(id) {
    let a;
    try {
      a = await api('GET', `/conversations/${encodeURIComponent(id)}/assist`);
    } catch (_) {
      return;
    }
    if (state.current !== id) return;
    $('replies-by').textContent = a.replies_by === 'llm' ? '(AI)' : '(templates)';
    $('suggested-replies').replaceChildren(...a.replies.map((t) => el('li', {
      'data-testid': 'suggested-reply',
      onclick: () => { if (!$('reply').disabled) { $('reply').value = t; $('reply').focus(); } },
    }, t)));
    const cart = $('cart');
    cart.replaceChildren();
    if (a.cart.lines.length === 0) cart.append(el('p', { class: 'muted small', text: 'Empty cart.' }));
    for (const l of a.cart.lines) cart.append(el('div', { class: 'small', text: `${l.quantity} × ${l.title} — ${l.unit_price}` }));
    if (a.cart.lines.length) {
      cart.append(el('div', { class: 'small', text: `Subtotal ${a.cart.subtotal}` }));
      // One key per click: a retried request never places a second order.
      const key = `o-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
      cart.append(el('button', {
        type: 'button',
        disabled: $('send-reply').disabled,
        'data-testid': 'place-order',
        onclick: async () => {
          try {
            await api('POST', `/conversations/${encodeURIComponent(id)}/order`, { key });
            setTimeout(() => loadAssist(id), 1000);
          } catch (_) { /* the api helper shows the error */ }
        },
      }, 'Place order for the customer'));
    }
    $('suggestions').replaceChildren(...a.suggestions.map((p) => productItem(p, 'suggestion')));
    const orders = $('orders');
    orders.replaceChildren();
    if (a.orders.note) orders.append(el('p', { class: 'muted small', text: a.orders.note }));
    for (const o of a.orders.orders) orders.append(el('div', { class: 'small', text: `${o.id.slice(0, 8)} · ${o.status} · ${o.total}` }));
    $('conv-window').textContent = windowText(a.window);
  }

  let searchTimer = null;
  function searchProducts() {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(async () => {
      const q = $('product-search').value.trim();
      if (!q) { $('product-results').replaceChildren(); return; }
      const brand = state.detail && state.detail.conversation.brand ? state.detail.conversation.brand : '';
      try {
        const r = await api('GET', `/products?q=${encodeURIComponent(q)}&brand=${encodeURIComponent(brand)}`);
        $('product-results').replaceChildren(...r.products.map((p) => productItem(p, 'product-result')));
      } catch (_) { /* keep the old results */ }
    }, 250);
  }

  // ---- reports ------------------------------------------------------------------------------

  function isoDay(d) { return d.toISOString().slice(0, 10); }

  // Amounts come formatted by the host (its one money formatter knows each
  // currency's decimals: JPY has none, KWD three); '' means no orders.
  function money(formatted) {
    return formatted || '—';
  }

  function svgEl(tag, attrs) {
    const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    return e;
  }

  function dailyChart(days) {
    const byDate = new Map();
    for (const d of days) {
      const x = byDate.get(d.date) || { conversations: 0, escalations: 0, orders: 0 };
      x.conversations += d.conversations; x.escalations += d.escalations; x.orders += d.orders;
      byDate.set(d.date, x);
    }
    const dates = [...byDate.keys()].sort();
    const W = 520; const H = 180; const pad = 24;
    const max = Math.max(1, ...[...byDate.values()].flatMap((v) => [v.conversations, v.escalations, v.orders]));
    const svg = svgEl('svg', { viewBox: `0 0 ${W} ${H + 20}`, width: '100%', role: 'img', 'data-testid': 'chart-daily-svg' });
    const group = (W - pad) / Math.max(1, dates.length);
    const bw = Math.max(3, Math.min(18, group / 4));
    dates.forEach((date, i) => {
      const v = byDate.get(date);
      [['conversations', 'c1'], ['escalations', 'c2'], ['orders', 'c3']].forEach(([k, cls], j) => {
        const h = (v[k] / max) * (H - pad);
        const rect = svgEl('rect', { x: pad + i * group + j * (bw + 1), y: H - h, width: bw, height: h, class: cls });
        const title = svgEl('title', {}); title.textContent = `${date} ${k}: ${v[k]}`; rect.append(title);
        svg.append(rect);
      });
      const label = svgEl('text', { x: pad + i * group, y: H + 14, 'font-size': 10, fill: '#6b7884' });
      label.textContent = date.slice(5);
      svg.append(label);
    });
    svg.append(svgEl('line', { x1: pad, y1: H, x2: W, y2: H, stroke: '#dde3e8' }));
    const legend = el('div', { class: 'legend' },
      el('span', {}, el('i', { class: 'c1' }), 'conversations'),
      el('span', {}, el('i', { class: 'c2' }), 'escalations'),
      el('span', {}, el('i', { class: 'c3' }), 'orders'));
    $('chart-daily').replaceChildren(svg, legend);
  }

  function hbars(target, entries) {
    const max = Math.max(1, ...entries.map(([, n]) => n));
    target.replaceChildren(...entries.map(([label, n]) => {
      const fill = el('div', { class: 'fill' });
      fill.style.width = `${(n / max) * 100}%`;
      return el('div', { class: 'hbar', 'data-testid': 'hbar' }, el('span', { text: label }), el('div', { class: 'track' }, fill), el('span', { text: String(n) }));
    }));
    if (!entries.length) target.replaceChildren(el('p', { class: 'muted small', text: 'Nothing in this range.' }));
  }

  async function loadReport(ev) {
    if (ev) ev.preventDefault();
    const q = new URLSearchParams({ from: $('report-from').value, to: $('report-to').value, brand: $('report-brand').value.trim() });
    $('report-csv').href = `/console/api/reports.csv?${q}`;
    let r;
    try {
      r = await api('GET', `/reports?${q}`);
    } catch (e) {
      $('report-source').textContent = e.message;
      return;
    }
    const sum = (k) => r.days.reduce((a, d) => a + (d[k] || 0), 0);
    const orders = sum('orders');
    const conv = sum('conversations');
    const byCurrency = r.totals || [];
    const totals = [
      ['Conversations', conv], ['Escalations', sum('escalations')], ['Orders', orders],
      ['Revenue', byCurrency.length ? byCurrency.map((t) => t.revenue).join(' + ') : '—'],
      ['AOV', byCurrency.length ? byCurrency.map((t) => t.average_order_value).join(' / ') : '—'],
      ['Conversion', conv ? `${((orders / conv) * 100).toFixed(1)}%` : '—'],
    ];
    $('report-totals').replaceChildren(...totals.map(([k, v]) => el('div', { class: 'total', 'data-testid': 'total', 'data-name': k }, el('span', { class: 'muted small', text: k }), el('b', { text: String(v) }))));
    dailyChart(r.days);
    hbars($('chart-handled'), [['AI only', sum('ai_handled')], ['People', sum('human_handled')]]);
    const reasons = new Map();
    for (const d of r.days) for (const [k, n] of Object.entries(d.escalations_by_reason)) reasons.set(k, (reasons.get(k) || 0) + n);
    hbars($('chart-reasons'), [...reasons.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => [k.replace(/_/g, ' '), n]));
    $('report-rows').replaceChildren(...r.days.map((d) => el('tr', { 'data-testid': 'report-row', 'data-brand': d.brand, 'data-date': d.date },
      ...[d.date, d.brand, d.conversations, d.escalations, d.orders, money(d.revenue),
        money(d.average_order_value), `${(d.conversion_rate * 100).toFixed(1)}%`, d.ai_handled,
        d.human_handled, d.first_response_seconds == null ? '—' : `${d.first_response_seconds.toFixed(0)} s`]
        .map((v) => el('td', { text: String(v) })))));
    $('report-source').textContent = `Orders: ${r.orders_source}. Days in UTC.`;
    loadBudgets();
    loadShadows();
  }

  // Shadow versions on live traffic: agreement with the active version and the turns they differ on.
  async function loadShadows() {
    let r;
    try {
      r = await api('GET', '/shadows');
    } catch (e) {
      $('shadow-rows').replaceChildren(el('tr', {}, el('td', { text: e.message })));
      return;
    }
    if (!r.shadows.length) {
      $('shadow-rows').replaceChildren(el('tr', {}, el('td', { text: 'No shadow version running.' })));
      $('shadow-turns').replaceChildren();
      return;
    }
    const pct = (a) => (a == null ? '—' : `${(a * 100).toFixed(1)}%`);
    $('shadow-rows').replaceChildren(...r.shadows.map((s) => el('tr', { 'data-testid': 'shadow-row', 'data-plugin': s.plugin },
      ...[s.plugin, s.brand || '—', s.active_id || '—', s.shadow_id, s.compared, pct(s.agreement), s.differing, s.failed, s.dropped]
        .map((v) => el('td', { text: String(v) })))));
    const items = [];
    for (const s of r.shadows) {
      for (const t of s.turns) {
        const what = t.status === 'failed'
          ? `failed: ${t.error || ''}`
          : (t.differences || []).map((d) => `${d.aspect}: active ${d.recorded}; shadow ${d.candidate}`).join(' · ');
        items.push(el('li', { 'data-testid': 'shadow-turn', 'data-plugin': s.plugin }, el('b', { text: `${s.plugin} “${t.said}”` }), document.createTextNode(` — ${what}`)));
      }
    }
    $('shadow-turns').replaceChildren(...items);
  }

  // The brands' business budgets (set by the operator, held in the database).
  async function loadBudgets() {
    let r;
    try {
      r = await api('GET', '/budgets');
    } catch (e) {
      $('budget-rows').replaceChildren(el('tr', {}, el('td', { text: e.message })));
      return;
    }
    const cell = (v, unit) => (v == null ? 'no limit' : `${v}${unit || ''}`);
    $('budget-rows').replaceChildren(...r.brands.map((b) => el('tr', { 'data-testid': 'budget-row', 'data-brand': b.brand },
      ...[b.brand, cell(b.budgets.llm_tokens_per_day), b.today.llm_tokens, cell(b.budgets.max_discount_percent, '%'),
        cell(b.budgets.messages_per_customer_per_day), cell(b.budgets.order_value_needs_human_minor, ' (minor units)')]
        .map((v) => el('td', { text: String(v) })))));
  }

  function showTab(tab) {
    for (const b of document.querySelectorAll('.tab')) b.classList.toggle('active', b.dataset.tab === tab);
    $('inbox-view').hidden = tab !== 'inbox';
    $('reports-view').hidden = tab !== 'reports';
    if (tab === 'reports') loadReport();
  }

  // ---- boot ---------------------------------------------------------------------------------

  async function boot() {
    $('login-form').addEventListener('submit', signIn);
    $('logout').addEventListener('click', signOut);
    $('show-closed').addEventListener('change', loadEscalations);
    $('accept').addEventListener('click', () => act('accept'));
    $('handback').addEventListener('click', () => act('handback'));
    $('resolve').addEventListener('click', () => act('resolve'));
    $('regression').addEventListener('click', toggleRegression);
    $('composer').addEventListener('submit', sendReply);
    $('reply').addEventListener('keydown', (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) sendReply(e); });
    $('product-search').addEventListener('input', searchProducts);
    $('report-form').addEventListener('submit', loadReport);
    for (const b of document.querySelectorAll('.tab')) b.addEventListener('click', () => showTab(b.dataset.tab));
    const today = new Date();
    $('report-to').value = isoDay(today);
    $('report-from').value = isoDay(new Date(today.getTime() - 6 * 86400000));
    try {
      start(await api('GET', '/me'));
    } catch (_) {
      showLogin();
    }
    $('app').dataset.ready = 'true';
  }

  window.agentStoreConsole = { state, loadEscalations, openConversation };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
  else boot();
})();
