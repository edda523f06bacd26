// app.js - dyad's page over the JSON API of `dyad serve` (api/openapi.json).
//
// State lives in the URL hash (#a=USA&b=PRK&by=month&event=5), so a view
// can be bookmarked and sent.  Everything the page shows is built with DOM
// calls and textContent, never innerHTML, so no story text can become
// markup.  Errors (of scripts or of requests) are shown in #errors, where
// people and the headless browser test see them; when the first view is
// drawn, <body data-ready="1"> says so.
'use strict';

const $ = (sel) => document.querySelector(sel);
const SVG = 'http://www.w3.org/2000/svg';

function showError(msg) {
  const box = $('#errors');
  box.hidden = false;
  box.textContent += (box.textContent ? '\n' : '') + msg;
}
window.addEventListener('error', (e) => showError('script error: ' + e.message));
window.addEventListener('unhandledrejection', (e) => showError('error: ' + (e.reason && e.reason.message || e.reason)));

function el(tag, props, ...kids) {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (k === 'class') n.className = v;
    else if (k === 'text') n.textContent = v;
    else if (k.startsWith('on')) n.addEventListener(k.slice(2), v);
    else n.setAttribute(k, v);
  }
  for (const k of kids) if (k != null) n.append(k);
  return n;
}

function svg(tag, attrs, text) {
  const n = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) n.setAttribute(k, v);
  if (text != null) n.textContent = text;
  return n;
}

// GET api/PATH?params as JSON; a non-2xx answer throws its {error}.
async function api(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== '' && v != null) q.set(k, v);
  const url = 'api/' + path + (q.toString() ? '?' + q : '');
  const r = await fetch(url);
  let body = null;
  try { body = await r.json(); } catch (e) { /* not JSON: reported below */ }
  if (!r.ok) throw new Error(url + ': ' + (body && body.error || r.status + ' ' + r.statusText));
  return body;
}

// A stored date is the first day of its period; shown as the period.
function shownDate(date, precision) {
  if (!date) return '';
  return precision === 'year' ? date.slice(0, 4) : precision === 'month' ? date.slice(0, 7) : date;
}

function hashState() {
  return Object.fromEntries(new URLSearchParams(location.hash.slice(1)));
}
function setHash(changes) {
  const s = Object.assign(hashState(), changes);
  for (const k of Object.keys(s)) if (s[k] === '' || s[k] == null) delete s[k];
  history.replaceState(null, '', '#' + new URLSearchParams(s));
}

// ------------------------------------------------------------------ the store

async function loadInfo() {
  const i = await api('info');
  const span = i.first_date ? `, ${i.first_date.slice(0, 4)} – ${i.last_date.slice(0, 4)}` : '';
  $('#info').textContent = `${i.documents} stories, ${i.events} events, ${i.quotes} quotes${span}`;
  const a = await api('actors', { limit: 300 });
  const dl = $('#actor-codes');
  for (const x of a.actors) dl.append(el('option', { value: x.code, label: (x.name || x.code) + ` (${x.events})` }));
}

// ------------------------------------------------------------------ timeline chart

async function showDyad(a, b, by) {
  const t = await api('timeline', { a, b, by, fill: 1 });
  drawChart(t);
  setHash({ a, b, by });
}

// Bars of both directions side by side per period (left axis: events), the
// Goldstein mean as a line (right axis: -10 .. +10).
function drawChart(t) {
  const box = $('#chart-box');
  box.replaceChildren();
  const P = t.periods, key = t.by;
  const total = P.reduce((s, p) => s + p.events, 0);
  if (!P.length) {
    box.append(el('p', { class: 'muted', text: `No events between ${t.a} and ${t.b}.` }));
    $('#chart-summary').textContent = '';
    return;
  }
  // As wide as its box (text stays readable on a phone), within bounds.
  const W = Math.round(Math.min(900, Math.max(320, box.clientWidth || 760))), H = W < 520 ? 220 : 280;
  const L = 36, R = 40, T = 12, B = 40;
  const w = W - L - R, h = H - T - B;
  const max = Math.max(1, ...P.map((p) => Math.max(p.a_to_b, p.b_to_a)));
  const step = w / P.length, bw = Math.max(1, Math.min(18, step / 2 - 1));
  const y = (v) => T + h - (v / max) * h;
  const yg = (g) => T + h / 2 - (g / 10) * (h / 2);
  const s = svg('svg', { id: 'chart', viewBox: `0 0 ${W} ${H}`, role: 'img',
    'aria-label': `events between ${t.a} and ${t.b} per ${key}` });
  s.append(svg('line', { class: 'axis', x1: L, y1: T + h, x2: L + w, y2: T + h }));
  s.append(svg('line', { class: 'zero', x1: L, y1: yg(0), x2: L + w, y2: yg(0) }));
  for (const v of [0, Math.ceil(max / 2), max]) s.append(svg('text', { x: L - 6, y: y(v) + 4, 'text-anchor': 'end' }, v));
  for (const g of [-10, 0, 10]) s.append(svg('text', { x: L + w + 6, y: yg(g) + 4 }, (g > 0 ? '+' : '') + g));
  const labelEvery = Math.ceil(P.length / Math.max(3, Math.floor(W / 80)));
  const pts = [];
  P.forEach((p, i) => {
    const x0 = L + i * step + step / 2;
    const tip = `${p[key]}: ${t.a}→${t.b} ${p.a_to_b}, ${t.b}→${t.a} ${p.b_to_a}` +
      (p.goldstein_mean != null ? `, Goldstein mean ${p.goldstein_mean}` : '');
    for (const [cls, v, dx] of [['ab', p.a_to_b, -bw], ['ba', p.b_to_a, 0]]) {
      if (!v) continue;
      const r = svg('rect', { class: 'bar ' + cls, x: x0 + dx, y: y(v), width: bw, height: T + h - y(v), 'data-period': p[key] });
      r.append(svg('title', {}, tip));
      r.addEventListener('click', () => filterPeriod(t, p[key]));
      s.append(r);
    }
    if (p.goldstein_mean != null) pts.push([x0, yg(p.goldstein_mean), tip]);
    if (i % labelEvery === 0) s.append(svg('text', { x: x0, y: T + h + 16, 'text-anchor': 'middle' }, p[key]));
  });
  if (pts.length) {
    s.append(svg('path', { class: 'gold', d: pts.map(([x, yy], i) => (i ? 'L' : 'M') + x.toFixed(1) + ' ' + yy.toFixed(1)).join(' ') }));
    for (const [x, yy, tip] of pts) {
      const dot = svg('circle', { class: 'gold-dot', cx: x, cy: yy, r: 3 });
      dot.append(svg('title', {}, tip));
      s.append(dot);
    }
  }
  s.append(svg('text', { x: L, y: H - 6 }, 'events'));
  s.append(svg('text', { x: L + w + 6, y: H - 6, 'text-anchor': 'end' }, 'Goldstein'));
  const legend = el('div', { class: 'legend' },
    el('span', {}, el('i', { class: 'k-ab' }), `${t.a} → ${t.b}`),
    el('span', {}, el('i', { class: 'k-ba' }), `${t.b} → ${t.a}`),
    el('span', {}, el('i', { class: 'k-gold' }), 'Goldstein mean (right axis)'));
  box.append(legend, s);
  const ab = P.reduce((q, p) => q + p.a_to_b, 0);
  $('#chart-summary').textContent = `${total} events from ${P[0][key]} to ${P[P.length - 1][key]}: ` +
    `${ab} ${t.a}→${t.b}, ${total - ab} ${t.b}→${t.a}. Click a bar for that ${key}'s events.`;
}

function filterPeriod(t, period) {
  const f = $('#filters');
  f.actor.value = t.a; f.source.value = ''; f.target.value = '';
  f.from.value = period; f.to.value = t.by === 'week' ? '' : period;
  loadEvents(true);
}

// ------------------------------------------------------------------ events table

let cursor = null;

function eventFilters() {
  const f = $('#filters'), o = {};
  for (const k of ['actor', 'source', 'target', 'cameo', 'quad', 'from', 'to']) if (f[k].value.trim()) o[k] = f[k].value.trim();
  return o;
}

async function loadEvents(fresh) {
  const filters = eventFilters();
  const tbody = $('#event-table tbody');
  if (fresh) { tbody.replaceChildren(); cursor = null; }
  const page = await api('events', Object.assign({ limit: 50, cursor: fresh ? null : cursor }, filters));
  for (const e of page.events) tbody.append(eventRow(e));
  cursor = page.next;
  $('#more').hidden = !cursor;
  const n = tbody.children.length;
  $('#event-status').textContent = n ? `${n} events shown${cursor ? ' (more below)' : ''}` : 'No events match.';
  $('#export').href = 'api/export?' + new URLSearchParams(Object.assign({ format: 'csv' }, filters));
  drawMap([...tbody.children].map((r) => r.event));
  return page;
}

function eventRow(e) {
  const g = e.goldstein;
  const tr = el('tr', { 'data-id': e.id, tabindex: 0 },
    el('td', { text: shownDate(e.date, e.date_precision) || '—' }),
    el('td', { title: e.source_name || '', text: e.source || '—' }),
    el('td', { title: e.target_name || '', text: e.target || '—' }),
    el('td', { text: e.cameo }),
    el('td', { class: 'opt', text: e.plover || '' }),
    el('td', { class: 'num ' + (g < 0 ? 'neg' : g > 0 ? 'pos' : ''), text: g == null ? '' : g.toFixed(1) }),
    el('td', { class: 'num opt', text: e.reports }),
    el('td', { class: 'evidence-col' }, el('div', { class: 'clamp', text: (e.negated ? '[negated] ' : '') + (e.evidence || '') })));
  tr.event = e;
  const open = () => report(openEvent(e.id, true));
  tr.addEventListener('click', open);
  tr.addEventListener('keydown', (k) => { if (k.key === 'Enter') open(); });
  return tr;
}

// ------------------------------------------------------------------ evidence

// The sentence with the source, verb and target marked; spans are byte
// offsets into the story (UTF-8), the sentence starts at sentence_off.
function markedSentence(r) {
  const bytes = new TextEncoder().encode(r.text || '');
  const dec = new TextDecoder();
  const spans = [];
  const add = (sp, cls, words) => {
    if (sp && r.sentence_off != null) {
      const a = sp.off - r.sentence_off, b = a + sp.len;
      if (a >= 0 && b <= bytes.length) { spans.push([a, b, cls]); return; }
    }
    if (words) {     // no offsets: the first place the words occur
      const i = (r.text || '').indexOf(words);
      if (i >= 0) {
        const a = new TextEncoder().encode(r.text.slice(0, i)).length;
        spans.push([a, a + new TextEncoder().encode(words).length, cls]);
      }
    }
  };
  add(r.source_span, 'src', r.source_text);
  add(r.verb, 'verb', r.verb && r.verb.text);
  add(r.target_span, 'tgt', r.target_text);
  spans.sort((x, y) => x[0] - y[0]);
  const p = el('p', { class: 'sentence' });
  let at = 0;
  for (const [a, b, cls] of spans) {
    if (a < at) continue;                     // overlaps the one before: keep the first
    p.append(dec.decode(bytes.slice(at, a)));
    p.append(el('mark', { class: cls, title: { src: 'source', tgt: 'target', verb: 'verb' }[cls], text: dec.decode(bytes.slice(a, b)) }));
    at = b;
  }
  p.append(dec.decode(bytes.slice(at)));
  return p;
}

async function openEvent(id, fromClick) {
  const e = await api('events/' + encodeURIComponent(id));
  for (const tr of document.querySelectorAll('#event-table tr.open')) tr.classList.remove('open');
  const row = document.querySelector(`#event-table tr[data-id="${Number(id)}"]`);
  if (row) row.classList.add('open');
  const box = $('#evidence');
  box.replaceChildren(el('h2', { text: `Event ${e.id}` }));
  const who = (x) => (x.code || '—') + (x.name ? ` (${x.name})` : '');
  box.append(el('dl', { class: 'facts' },
    el('dt', { text: 'date' }), el('dd', { text: shownDate(e.date, e.date_precision) || 'unknown' }),
    el('dt', { text: 'source' }), el('dd', { text: who(e.source) }),
    el('dt', { text: 'target' }), el('dd', { text: who(e.target) }),
    el('dt', { text: 'CAMEO' }), el('dd', { text: `${e.cameo}${e.negated ? ' (negated)' : ''}` }),
    el('dt', { text: 'PLOVER' }), el('dd', { text: [e.plover.type, e.plover.mode].filter(Boolean).join(' / ') || '—' }),
    el('dt', { text: 'Goldstein' }), el('dd', { text: e.goldstein == null ? '—' : String(e.goldstein) }),
    el('dt', { text: 'reports' }), el('dd', { text: `${e.n_reports} in ${e.n_articles} stories from ${e.n_sources} sources` })));
  for (const r of e.reports) {
    const title = r.url ? el('a', { href: r.url, target: '_blank', rel: 'noopener noreferrer', text: r.title || r.url })
                        : el('span', { text: r.title || r.doc });
    box.append(el('div', { class: 'report' },
      el('div', {}, el('strong', {}, title), el('span', { class: 'muted', text: ` · ${shownDate(r.date, r.date_precision) || 'undated'}${r.source ? ' · ' + r.source : ''}${r.url ? '' : ' · no URL'}` })),
      markedSentence(r),
      el('div', { class: 'muted', text: `sentence ${r.sentence + 1} · rule ${r.rule || '?'} · confidence ${r.confidence}` +
        (r.flags.length ? ' · ' + r.flags.join(', ') : '') })));
  }
  box.append(el('div', { class: 'legend' }, el('mark', { class: 'src', text: 'source' }), el('mark', { class: 'verb', text: 'verb' }),
    el('mark', { class: 'tgt', text: 'target' })));
  setHash({ event: e.id });
  if (fromClick && window.matchMedia('(max-width: 820px)').matches) box.scrollIntoView();
  return e;
}

// ------------------------------------------------------------------ quotes, search

async function loadQuotes(who) {
  const list = $('#quote-list');
  list.replaceChildren();
  if (!who) return;
  // A code (all capitals) is the speaker's code prefix; else words of the name.
  const q = await api('quotes', /^[A-Z]{3,}$/.test(who) ? { actor: who, limit: 50 } : { speaker: who, limit: 50 });
  if (!q.quotes.length) list.append(el('li', { class: 'muted', text: `No quotes of ${who}.` }));
  for (const x of q.quotes)
    list.append(el('li', {}, el('blockquote', { text: x.quote }),
      el('div', { class: 'muted', text: `${x.speaker || x.code || 'unknown'} · ${x.cue || x.kind} · ${shownDate(x.date, x.date_precision) || 'undated'} · ${x.title || x.doc}` })));
}

async function search(q) {
  const r = await api('search', { q, limit: 30 });
  const sec = $('#results'), list = $('#result-list');
  sec.hidden = false;
  list.replaceChildren();
  if (!r.results.length) list.append(el('li', { class: 'muted', text: `Nothing found for “${q}”.` }));
  for (const x of r.results)
    list.append(el('li', {}, el('div', { text: x.snippet }),
      el('div', { class: 'muted', text: `${x.kind}${x.speaker ? ' by ' + x.speaker : ''} · ${x.date || 'undated'} · ${x.title || x.doc}` })));
}

// ------------------------------------------------------------------ map

// The events shown, by place (lat/lon and place name from the API rows) as
// dots sized by their count on an equirectangular grid fitted to the
// places (10-degree lines; no coastlines: the page loads nothing from
// another origin); hidden while no event has a place.  A dot opens its
// place's first event.
function drawMap(events) {
  const groups = new Map();
  for (const e of events) {
    if (typeof e.lat !== 'number' || typeof e.lon !== 'number') continue;
    const k = `${e.lat},${e.lon}`;
    if (!groups.has(k)) groups.set(k, { lat: e.lat, lon: e.lon, name: e.place || '', country: e.place_country || '', events: [] });
    groups.get(k).events.push(e);
  }
  const pts = [...groups.values()];
  const sec = $('#map');
  sec.hidden = !pts.length;
  if (!pts.length) { $('#map-box').replaceChildren(); return; }
  // Across the Pacific when that is shorter (Washington to Seoul): the
  // western longitudes shifted by 360.
  const span = (f) => { const v = pts.map(f); return Math.max(...v) - Math.min(...v); };
  const shift = span((p) => (p.lon < 0 ? p.lon + 360 : p.lon)) < span((p) => p.lon);
  for (const p of pts) p.x = shift && p.lon < 0 ? p.lon + 360 : p.lon;
  // The extent: the places with a margin, at least 40 x 20 degrees, 2:1.
  let lo0 = Math.min(...pts.map((p) => p.x)), lo1 = Math.max(...pts.map((p) => p.x));
  let la0 = Math.min(...pts.map((p) => p.lat)), la1 = Math.max(...pts.map((p) => p.lat));
  let w = Math.max(40, lo1 - lo0 + 40, 2 * (la1 - la0 + 10));
  w = Math.min(w, 360);
  const h = w / 2, cx = (lo0 + lo1) / 2 + (w < 360 ? 8 : 0), cy = Math.max(-90 + h / 2, Math.min(90 - h / 2, (la0 + la1) / 2));
  const W = 720, H = 360, x = (lo) => (lo - (cx - w / 2)) / w * W, y = (la) => ((cy + h / 2) - la) / h * H;
  const s = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'map of the events shown' });
  const step = w > 120 ? 30 : 10;
  for (let lo = Math.ceil((cx - w / 2) / step) * step; lo <= cx + w / 2; lo += step)
    s.append(svg('line', { class: 'land', x1: x(lo), y1: 0, x2: x(lo), y2: H }));
  for (let la = Math.ceil((cy - h / 2) / step) * step; la <= cy + h / 2; la += step)
    s.append(svg('line', { class: 'land', x1: 0, y1: y(la), x2: W, y2: y(la) }));
  // The busiest places first; a label that would overlap one already
  // drawn is left to the dot's tooltip.
  pts.sort((a, b) => b.events.length - a.events.length);
  const boxes = [];
  for (const p of pts) {
    const n = p.events.length, r = 3 + 2 * Math.sqrt(n), px = x(p.x), py = y(p.lat), g = svg('g', { class: 'place' });
    const c = svg('circle', { class: 'pt', cx: px, cy: py, r });
    c.append(svg('title', {}, `${p.name} (${p.country}): ${n} event${n > 1 ? 's' : ''}`));
    c.addEventListener('click', () => report(openEvent(p.events[0].id, true)));
    g.append(c);
    const bx = [px + r + 3, py - 7, px + r + 3 + 6.5 * p.name.length, py + 5];
    if (!boxes.some((b) => bx[0] < b[2] && b[0] < bx[2] && bx[1] < b[3] && b[1] < bx[3])) {
      boxes.push(bx);
      g.append(svg('text', { class: 'pt-label', x: bx[0], y: py + 4 }, p.name));
    }
    s.append(g);
  }
  const placed = pts.reduce((k, p) => k + p.events.length, 0);
  $('#map-box').replaceChildren(s, el('p', { class: 'muted', id: 'map-summary',
    text: `${placed} of ${events.length} events shown placed, at ${pts.length} place${pts.length > 1 ? 's' : ''}` }));
}

// ------------------------------------------------------------------ wiring

const report = (p) => p.catch((e) => showError(e.message));

async function start() {
  const st = hashState();
  const pick = $('#picker');
  pick.a.value = st.a || 'USA';
  pick.b.value = st.b || 'PRK';
  pick.by.value = st.by || 'month';
  $('#filters').actor.value = pick.a.value;
  $('#quote-form').actor.value = pick.b.value;
  pick.addEventListener('submit', (e) => {
    e.preventDefault();
    $('#filters').actor.value = pick.a.value.trim();
    report(Promise.all([showDyad(pick.a.value.trim(), pick.b.value.trim(), pick.by.value), loadEvents(true)]));
  });
  $('#swap').addEventListener('click', () => { [pick.a.value, pick.b.value] = [pick.b.value, pick.a.value]; pick.requestSubmit(); });
  $('#filters').addEventListener('submit', (e) => { e.preventDefault(); report(loadEvents(true)); });
  $('#more').addEventListener('click', () => report(loadEvents(false)));
  $('#quote-form').addEventListener('submit', (e) => { e.preventDefault(); report(loadQuotes($('#quote-form').actor.value.trim())); });
  $('#search').addEventListener('submit', (e) => { e.preventDefault(); const q = $('#search').q.value.trim(); if (q) report(search(q)); });
  try {
    await Promise.all([loadInfo(), showDyad(pick.a.value, pick.b.value, pick.by.value), loadEvents(true),
      loadQuotes($('#quote-form').actor.value)]);
    // event=ID opens that event; event=first the first of the table.
    const first = document.querySelector('#event-table tbody tr');
    if (st.event === 'first' && first) await openEvent(first.event.id);
    else if (st.event) await openEvent(st.event);
  } catch (e) {
    showError(e.message);
  }
  document.body.dataset.ready = '1';
}

document.addEventListener('DOMContentLoaded', () => report(start()));
