/* global document, window, EventSource */
// The dashboard page: renders each state snapshot the server streams. Every value is set as text,
// never as markup: goals and log lines can come from other players' chat.
'use strict';

const $ = (id) => document.getElementById(id);
let state = null;
let skew = 0;

function el(tag, text, attrs) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
  return e;
}

function secs(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

function renderPlan(steps) {
  const list = $('plan');
  list.replaceChildren(...steps.map((s) => {
    const li = el('li', undefined, { 'data-status': s.status, 'data-skill': s.skill });
    const body = el('span', s.text, { class: 'text' });
    if (s.elapsedMs !== undefined) body.append(el('span', `  ${secs(s.elapsedMs)}`, { class: 'muted' }));
    if (s.message) body.append(el('span', s.message, { class: 'why' }));
    li.append(el('span', s.status, { class: 'status' }), body);
    return li;
  }));
}

function renderBot(bot) {
  if (!bot) return;
  const p = bot.position;
  $('bot').textContent = `${bot.username} at ${p.x}, ${p.y}, ${p.z}`;
  $('bot').classList.remove('muted');
  $('health').value = bot.health;
  $('health-text').textContent = `${bot.health}/20`;
  $('food').value = bot.food;
  $('food-text').textContent = `${bot.food}/20`;
  const items = Object.entries(bot.inventory).sort(([a], [b]) => a.localeCompare(b));
  $('inventory').replaceChildren(...(items.length
    ? items.map(([name, count]) => el('li', `${name} × ${count}`, { 'data-item': name, 'data-count': count }))
    : [el('li', 'empty', { class: 'muted' })]));
  postPosition();
}

/** The 3D view keeps its camera on the bot from these messages. */
function postPosition() {
  const view = $('view');
  if (view.hidden || !view.contentWindow || !state || !state.bot) return;
  view.contentWindow.postMessage({ type: 'skillcraft:bot', pos: state.bot.position }, window.location.origin);
}

function renderRunning() {
  const r = state && state.running;
  const box = $('running');
  if (!r) {
    box.textContent = state && state.activity ? state.activity : 'idle';
    box.classList.add('muted');
    return;
  }
  box.textContent = `step ${r.step}: ${r.text} — ${secs(Date.now() + skew - r.startedAt)}`;
  box.classList.remove('muted');
}

function render(s) {
  state = s;
  skew = s.now - Date.now();
  if (s.view.enabled) {
    const view = $('view');
    if (view.hidden) {
      view.hidden = false;
      view.addEventListener('load', postPosition);
      view.src = s.view.path;
    }
  } else {
    $('view-off').hidden = false;
  }
  $('task').textContent = s.task ? `${s.task.text} → ${s.task.goal}` : 'no task yet';
  $('task').classList.toggle('muted', !s.task);
  const end = $('end');
  end.hidden = !s.end;
  if (s.end) {
    const e = s.end;
    end.textContent = e.success
      ? `done in ${e.wallSeconds} s — ${e.steps} steps, ${e.failures} failed (${e.failuresRecovered} recovered)`
      : `not done (${e.reason}${e.detail ? `: ${e.detail}` : ''}) — ${e.steps} steps, ${e.failures} failed`;
    end.className = e.success ? 'ok' : 'failed';
  }
  $('activity').hidden = !s.activity;
  $('activity').textContent = s.activity || '';
  renderRunning();
  renderPlan(s.steps);
  renderBot(s.bot);
  $('model-panel').hidden = !s.model;
  if (s.model) {
    const m = s.model;
    $('model').textContent = `${m.calls} calls, ${m.promptTokens + m.completionTokens} tokens (${m.promptTokens} prompt, ${m.completionTokens} completion)`;
  }
  $('log').replaceChildren(...s.logs.map((l) => el('li', `${new Date(l.time).toLocaleTimeString()} ${l.level}${l.component ? ` [${l.component}]` : ''} ${l.msg}`, { class: l.level })));
}

function connect() {
  const events = new EventSource('events');
  events.onopen = () => {
    $('connection').textContent = 'live';
    $('connection').classList.add('live');
  };
  events.onmessage = (m) => render(JSON.parse(m.data));
  events.onerror = () => {
    // EventSource reconnects by itself; the badge says the page may be stale meanwhile.
    $('connection').textContent = 'reconnecting…';
    $('connection').classList.remove('live');
  };
}

window.setInterval(renderRunning, 200);
connect();
