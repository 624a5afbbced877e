/* global document, window, EventSource */
// The dashboard page: renders each state snapshot the server streams. Every value is set as text,
// never as markup: goals and log lines can come from other players' chat.
'use strict';

const $ = (id) => document.getElementById(id);
let state = null;
let skew = 0;
/** On a team run: the member whose plan, status and 3D view this page shows (the first until one is picked). */
let selected = null;

function el(tag, text, attrs) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
  return e;
}

function secs(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** What the plan, now and bot panels show: the run, or on a team run the picked member's. */
function focused() {
  if (!state) return null;
  if (!state.team) return state;
  return state.team.members.find((m) => m.name === selected) || state.team.members[0] || null;
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
  if (!bot) {
    // A team member not seen yet: clear what the member picked before showed.
    if (state && state.team) {
      $('bot').textContent = 'not spawned';
      $('bot').classList.add('muted');
      $('inventory').replaceChildren();
    }
    return;
  }
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

/** The build's rev last posted to the 3D view: its ghost is redrawn when a cell changed, not on every snapshot. */
let postedBuild = -1;

/** The 3D view draws the build as a ghost (ghost.js) from these messages; `again` after the view (re)loaded. */
function postBuild(again) {
  const view = $('view');
  const b = state && state.build;
  if (view.hidden || !view.contentWindow || !b || (!again && b.rev === postedBuild)) return;
  postedBuild = b.rev;
  view.contentWindow.postMessage({ type: 'skillcraft:build', build: { name: b.name, origin: b.origin, size: b.size, cells: b.cells } }, window.location.origin);
}

/** "hut (5×4×5) at 10, 64, -3" and the terminal's "12 / 40 placed, wrong: 0". */
function renderBuild(b) {
  $('build-panel').hidden = !b;
  if (!b) return;
  const [x, y, z] = b.size;
  $('build-name').textContent = `${b.name} (${x}×${y}×${z}) at ${b.origin.join(', ')}`;
  const line = $('build-progress');
  line.textContent = b.line;
  line.className = b.wrong ? 'failed' : b.placed === b.total ? 'ok' : '';
  $('build-meter').max = Math.max(1, b.total);
  $('build-meter').value = b.placed;
  postBuild(false);
}

function onViewLoad() {
  postPosition();
  postBuild(true);
}

/** The 3D view keeps its camera on the bot (the picked member) from these messages. */
function postPosition() {
  const view = $('view');
  const f = focused();
  if (view.hidden || !view.contentWindow || !f || !f.bot) return;
  view.contentWindow.postMessage({ type: 'skillcraft:bot', pos: f.bot.position, who: state.team ? f.name : null }, window.location.origin);
}

function renderRunning() {
  const f = focused();
  const r = f && f.running;
  const box = $('running');
  if (!r) {
    const idle = state && (state.team ? f && f.note : state.activity);
    box.textContent = idle || 'idle';
    box.classList.add('muted');
    return;
  }
  box.textContent = `${state.team ? `${f.name} ` : ''}step ${r.step}: ${r.text} — ${secs(Date.now() + skew - r.startedAt)}`;
  box.classList.remove('muted');
}

/** `cobblestone 5 · oak_log 3 · +2 more`: the biggest stacks first. */
function inventoryLine(bot) {
  if (!bot) return 'not spawned';
  const items = Object.entries(bot.inventory).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  if (!items.length) return 'empty inventory';
  const shown = items.slice(0, 5).map(([name, n]) => `${name} ${n}`);
  if (items.length > 5) shown.push(`+${items.length - 5} more`);
  return shown.join(' · ');
}

function memberRow(m) {
  const li = el('li', undefined, { role: 'option', tabindex: 0, 'data-who': m.name, 'data-state': m.state, 'aria-selected': m.name === selected });
  const vitals = m.bot ? `health ${m.bot.health} · food ${m.bot.food}` : '';
  const head = el('div', undefined, { class: 'head' });
  head.append(el('span', m.name, { class: 'name' }), el('span', m.state, { class: 'state' }), el('span', vitals, { class: 'vitals' }));
  // A run without a sub-goal is the assembler making the goal itself.
  const goal = m.subGoal ? `sub-goal #${m.subGoal.id} ${m.subGoal.count} ${m.subGoal.item}` : m.task && !m.end ? `goal ${m.task.goal}` : 'no sub-goal';
  const done = m.done.length ? ` · done ${m.done.map((id) => `#${id}`).join(' ')}` : '';
  const failed = m.failed.length ? ` · failed ${m.failed.map((id) => `#${id}`).join(' ')}` : '';
  const between = m.task && !m.end && m.state === 'working' ? 'planning the next step' : 'idle';
  const now = m.running ? m.running.text : m.note || between;
  li.append(
    head,
    el('div', `${goal}${done}${failed}`, { class: 'goal' }),
    el('div', now, { class: m.running ? 'now' : 'now muted', 'data-skill': m.running ? m.running.skill : '' }),
    el('div', inventoryLine(m.bot), { class: 'items' }),
  );
  return li;
}

function renderTeam(team) {
  $('team-panel').hidden = !team;
  if (!team) return;
  if (!team.members.some((m) => m.name === selected)) selected = team.members.length ? team.members[0].name : null;
  const h = team.handovers;
  const parts = [
    team.goal ? `${team.goal}, assembled by ${team.assembler}` : 'no plan yet',
    team.estimate ? `estimate ${Math.round(team.estimate.team)} s (alone ${Math.round(team.estimate.alone)} s)` : '',
    `${h.ok} hand-over${h.ok === 1 ? '' : 's'}${h.failed ? `, ${h.failed} failed` : ''}`,
    team.reassigned ? `${team.reassigned} reassigned` : '',
  ];
  $('team-summary').textContent = parts.filter(Boolean).join(' — ');
  // Rows are rebuilt on each snapshot: keep the keyboard where it was.
  const active = document.activeElement && document.activeElement.getAttribute('data-who');
  const list = $('team');
  list.replaceChildren(...team.members.map(memberRow));
  if (active) {
    const row = [...list.children].find((li) => li.getAttribute('data-who') === active);
    if (row) row.focus();
  }
}

function pick(name) {
  if (!state || !state.team || name === selected) return;
  selected = name;
  render(state);
}

function renderView(s) {
  if (!s.view.enabled) {
    $('view-off').hidden = false;
    return;
  }
  const view = $('view');
  if (view.hidden) {
    view.hidden = false;
    view.addEventListener('load', onViewLoad);
  }
  // Each member has its own stream of the world: another member is another page of the view.
  const src = s.team && selected !== null ? `${s.view.path}?who=${encodeURIComponent(selected)}` : s.view.path;
  if (view.getAttribute('src') !== src) {
    view.src = src;
    view.title = s.team ? `3D view following ${selected}` : '3D view of the bot';
  }
}

function endText(e, team) {
  const extra = team ? `, ${team.handovers} hand-overs (${team.itemsLost} items lost), ${team.reassigned} reassigned` : '';
  return e.success
    ? `done in ${e.wallSeconds} s — ${e.steps} steps, ${e.failures} failed (${e.failuresRecovered} recovered)${extra}`
    : `not done (${e.reason}${e.detail ? `: ${e.detail}` : ''}) — ${e.steps} steps, ${e.failures} failed${extra}`;
}

function render(s) {
  state = s;
  skew = s.now - Date.now();
  renderTeam(s.team);
  renderView(s);
  const f = focused();
  $('task').textContent = !s.task ? 'no task yet' : s.team ? `${s.task.goal} (a team of ${s.team.members.length})` : `${s.task.text} → ${s.task.goal}`;
  $('task').classList.toggle('muted', !s.task);
  const end = $('end');
  end.hidden = !s.end;
  if (s.end) {
    end.textContent = endText(s.end, s.team && s.team.end);
    end.className = s.end.success ? 'ok' : 'failed';
  }
  $('activity').hidden = !s.activity;
  $('activity').textContent = s.activity || '';
  renderBuild(s.build);
  renderRunning();
  renderPlan(f ? f.steps : []);
  renderBot(f && f.bot);
  $('model-panel').hidden = !s.model;
  if (s.model) {
    const m = s.model;
    $('model').textContent = `${m.calls} calls, ${m.promptTokens + m.completionTokens} tokens (${m.promptTokens} prompt, ${m.completionTokens} completion)`;
  }
  $('log').replaceChildren(...s.logs.map((l) => el('li', `${new Date(l.time).toLocaleTimeString()} ${l.level}${l.who ? ` ${l.who}` : ''}${l.component ? ` [${l.component}]` : ''} ${l.msg}`, { class: l.level })));
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

function onTeamInput(e) {
  if (e.type === 'keydown' && e.key !== 'Enter' && e.key !== ' ') return;
  const row = e.target.closest && e.target.closest('li[data-who]');
  if (!row) return;
  if (e.type === 'keydown') e.preventDefault();
  pick(row.getAttribute('data-who'));
}

$('team').addEventListener('click', onTeamInput);
$('team').addEventListener('keydown', onTeamInput);
window.setInterval(renderRunning, 200);
connect();
