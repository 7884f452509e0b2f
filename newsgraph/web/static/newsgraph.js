/* newsgraph's page: the actor network, a timeline, the event table, the evidence of one event and the system.
   Article text is untrusted: the DOM is built with textContent and attributes only, never innerHTML. */
(function () {
  "use strict";

  const CATEGORIES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
  const SECTOR_COLOURS = {GOV: "#2563eb", MIL: "#1e3a8a", REB: "#ea580c", PTY: "#9333ea", COP: "#0f766e",
    JUD: "#6b7280", LEG: "#7c3aed", JRN: "#0891b2", CVL: "#65a30d", ELI: "#a16207", IGO: "#0d9488", NGO: "#16a34a"};
  const COOPERATION = "#16a34a", CONFLICT = "#dc2626";
  const BIG_GRAPH = 150; // more nodes than this: a concentric layout (force-directed would take too long)
  const PAGE = 100;
  const DAY = 24 * 3600 * 1000;

  const state = {cy: null, timeline: null, selection: null, nextOffset: null, records: new Map(), rows: new Map()};
  const $ = (id) => document.getElementById(id);
  const page = window.newsgraph = {state: state, marks: {}};

  /* --- small helpers ------------------------------------------------------------------------------------- */

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === null || value === undefined) continue;
      if (key === "className") node.className = value;
      else if (key === "onclick") node.addEventListener("click", value);
      else node.setAttribute(key, String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
    }
    return node;
  }

  function replace(parent, ...children) {
    parent.replaceChildren(...children.flat().filter((c) => c));
    return parent;
  }

  function status(message) { $("status").textContent = message || ""; }

  async function api(path, params) {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params || {})) {
      if (Array.isArray(value)) value.forEach((v) => query.append(key, v));
      else if (value !== null && value !== undefined && value !== "" && value !== false) query.append(key, value);
    }
    const url = query.toString() ? `${path}?${query}` : path;
    const response = await fetch(url, {headers: {Accept: "application/json"}});
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      const error = new Error(`${body.error || response.statusText} [${body.code || response.status}]`);
      error.status = response.status;
      throw error;
    }
    return body;
  }

  function filters() {
    return {
      since: $("since").value || null,
      until: $("until").value || null,
      type: $("category").value || null,
      min_confidence: Number($("min-confidence").value) > 0 ? $("min-confidence").value : null,
      include_hypothetical: $("hypothetical").checked ? "true" : null,
    };
  }

  function names(actors) {
    return (actors || []).map((a) => a.name || a.text).join("; ") || "–";
  }

  function isCooperation(quad) { return quad === 1 || quad === 2; }

  /* --- the network ------------------------------------------------------------------------------------- */

  function colourOf(node) {
    if (SECTOR_COLOURS[node.sector]) return SECTOR_COLOURS[node.sector];
    let hash = 0;
    for (const char of node.country || node.id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
    return `hsl(${hash % 360}, 45%, 50%)`;
  }

  /* The API's edges are by pair, period and category: one edge per ordered pair here, green when most of its
     events are cooperation, red when most are conflict, wider with more events. */
  function elements(network) {
    const pairs = new Map();
    for (const edge of network.edges) {
      const id = `${edge.source}\u2192${edge.target}`;
      const pair = pairs.get(id) || {id: id, source: edge.source, target: edge.target, count: 0, coop: 0, conflict: 0,
        categories: new Set()};
      pair.count += edge.count;
      if (isCooperation(edge.quad)) pair.coop += edge.count; else pair.conflict += edge.count;
      pair.categories.add(edge.event);
      pairs.set(id, pair);
    }
    const nodes = network.nodes.map((n) => ({group: "nodes", data: {id: n.id, label: n.label || n.id,
      country: n.country, sector: n.sector, count: n.count, colour: colourOf(n),
      size: Math.min(60, 14 + 6 * Math.log2(1 + n.count))}}));
    const edges = [...pairs.values()].map((p) => ({group: "edges", data: {id: p.id, source: p.source,
      target: p.target, count: p.count, coop: p.coop, conflict: p.conflict, categories: [...p.categories].join(" "),
      colour: p.coop >= p.conflict ? COOPERATION : CONFLICT, width: Math.min(14, 1.5 + 2 * Math.log2(p.count))}}));
    return nodes.concat(edges);
  }

  const STYLE = [
    {selector: "node", style: {"background-color": "data(colour)", label: "data(label)", width: "data(size)",
      height: "data(size)", "font-size": 11, "text-valign": "bottom", "text-margin-y": 3, "min-zoomed-font-size": 7}},
    {selector: "edge", style: {"line-color": "data(colour)", "target-arrow-color": "data(colour)",
      "target-arrow-shape": "triangle", "curve-style": "bezier", width: "data(width)", opacity: 0.75}},
    {selector: ":selected", style: {"border-width": 3, "border-color": "#111", "line-style": "dashed", opacity: 1}},
  ];

  // a big graph draws its edges as straight "haystack" lines without arrows: each frame then takes a fraction of
  // the time, so that a click is answered while the graph redraws
  const BIG_STYLE = [{selector: "edge", style: {"curve-style": "haystack", "haystack-radius": 0, "target-arrow-shape": "none"}}];

  async function loadNetwork() {
    const f = filters();
    const network = await api("/api/network", {since: f.since, until: f.until, by: "year",
      category: f.type ? [f.type] : null});
    const items = elements(network);
    const big = network.nodes.length > BIG_GRAPH;
    if (state.cy) state.cy.destroy();
    state.cy = cytoscape({
      container: $("network"), elements: items, style: big ? STYLE.concat(BIG_STYLE) : STYLE, maxZoom: 2.5, minZoom: 0.05,
      textureOnViewport: big, hideEdgesOnViewport: big, pixelRatio: big ? 1 : "auto", autoungrabify: big,
      autounselectify: big, boxSelectionEnabled: false, // a big graph is not redrawn to show a selection
      layout: big ? {name: "concentric", concentric: (n) => n.data("count"), levelWidth: () => 4, animate: false}
                  : {name: "cose", animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 90},
    });
    if (state.cy.zoom() > 1.5) { state.cy.zoom(1.5); state.cy.center(); } // a few nodes: keep labels at their size
    page.cy = state.cy;
    // a big graph answers the press itself (its nodes cannot be dragged): the events are asked for at once
    const press = big ? "tapstart" : "tap";
    state.cy.on(press, "edge", (event) => selectEdge(event.target.data("source"), event.target.data("target")));
    state.cy.on(press, "node", (event) => selectActor(event.target.id(), event.target.data("label")));
    state.cy.on("mouseover", "edge", (event) => prefetch(edgeQueries(event.target.data("source"), event.target.data("target"))));
    state.cy.on("mouseover", "node", (event) => prefetch(actorQueries(event.target.id())));
    const pairs = items.filter((i) => i.group === "edges").length;
    $("network-summary").textContent = `${network.nodes.length} actors, ${pairs} pairs` +
      (network.truncated ? " (the busiest edges only: narrow the dates)" : "");
    state.cy.one("render", () => { page.marks.networkRendered = performance.now(); });
    state.cy.forceRender();
  }

  /* --- selection: an edge or an actor --------------------------------------------------------------- */

  function edgeQueries(source, target) { return [{actor: source, recipient: target}]; }
  function actorQueries(id) { return [{actor: id}, {recipient: id}]; }

  async function selectEdge(source, target) {
    page.marks.selected = performance.now();
    state.selection = {label: `${labelOf(source)} → ${labelOf(target)}`, queries: edgeQueries(source, target)};
    await showSelection(true);
  }

  async function selectActor(id, label) {
    page.marks.selected = performance.now();
    state.selection = {label: label || id, queries: actorQueries(id)};
    await showSelection(true);
  }

  // The first page of an element's events is asked for when the pointer comes over it, so that a click finds
  // it there (one request per element and filter setting; forgotten when the filters change).
  const prefetched = new Map();
  function firstPage(query) {
    const params = Object.assign({}, filters(), query, {limit: PAGE, offset: 0});
    const key = JSON.stringify(params);
    if (!prefetched.has(key)) {
      const request = api("/api/events", params);
      request.catch(() => prefetched.delete(key));
      prefetched.set(key, request);
    }
    return prefetched.get(key);
  }
  function prefetch(queries) { queries.forEach((q) => firstPage(q).catch(() => {})); }

  function labelOf(id) {
    const node = state.cy && state.cy.getElementById(id);
    return node && node.length ? node.data("label") : id;
  }

  async function showSelection(first) {
    const selection = state.selection;
    if (!selection) return;
    $("selection").textContent = selection.label;
    try {
      const offset = first ? 0 : state.nextOffset;
      const pages = await Promise.all(selection.queries.map((q) => first ? firstPage(q) : api("/api/events",
        Object.assign({}, filters(), q, {limit: PAGE, offset: offset}))));
      const seen = new Map();
      pages.forEach((p) => p.items.forEach((r) => seen.set(r.id, r)));
      const records = [...seen.values()].sort((a, b) => String(a.date || "9999").localeCompare(String(b.date || "9999")));
      state.nextOffset = pages.some((p) => p.next_offset !== null) ? offset + PAGE : null;
      if (!first) { renderTable(records, true); return; }
      if (records.length) showEvidence(bestOf(records));
      else replace($("provenance-body"), "No event for this selection with these filters.");
      // the evidence is painted first; the table and the timeline follow in the next frame
      requestAnimationFrame(() => setTimeout(() => {
        renderTable(records, false);
        renderTimeline(records);
        const row = state.rows.get($("provenance-body").dataset.event);
        if (row) row.classList.add("selected");
      }));
      status("");
    } catch (error) {
      status(error.message);
    }
  }

  function bestOf(records) {
    return records.reduce((best, r) => (r.confidence > best.confidence ? r : best), records[0]);
  }

  /* --- table and timeline ---------------------------------------------------------------------------- */

  function renderTable(records, append) {
    const body = $("events").tBodies[0];
    if (!append) { body.replaceChildren(); state.rows.clear(); }
    for (const r of records) {
      state.records.set(r.id, r);
      const row = el("tr", {"data-id": r.id, onclick: () => showEvidence(r)},
        el("td", {}, r.date || ""),
        el("td", {}, r.event + (r.mode ? ` (${r.mode})` : "")),
        el("td", {}, `${names(r.actor)} → ${names(r.recipient)}`),
        el("td", {}, (r.modality || []).map((m) => el("span", {className: "tag hedged"}, m))),
        el("td", {}, (r.confidence ?? 0).toFixed(2)),
        el("td", {title: "mentions / articles / sources"}, `${r.num_mentions ?? ""}/${r.num_articles ?? ""}/${r.num_sources ?? ""}`),
        el("td", {}, r.sentence.length > 140 ? r.sentence.slice(0, 140) + "…" : r.sentence));
      state.rows.set(r.id, row);
      body.appendChild(row);
    }
    $("events-summary").textContent = `${body.rows.length} shown`;
    $("more").hidden = state.nextOffset === null;
  }

  function renderTimeline(records) {
    const items = records.filter((r) => r.date).map((r) => ({
      id: r.id, start: r.date.length === 4 ? `${r.date}-01-01` : r.date.length === 7 ? `${r.date}-01` : r.date,
      content: el("span", {}, `${r.event}: ${names(r.actor)} → ${names(r.recipient)}`),
      className: isCooperation(r.quad) ? "coop" : "conflict",
    }));
    if (!state.timeline) {
      state.timeline = new vis.Timeline($("timeline"), new vis.DataSet(items), {height: "160px", stack: true,
        zoomKey: "ctrlKey", zoomMin: DAY * 20, xss: {disabled: false}});
      state.timeline.on("select", (props) => {
        const record = state.records.get(props.items[0]);
        if (record) showEvidence(record);
      });
    } else {
      state.timeline.setItems(new vis.DataSet(items));
    }
    if (!items.length) return;
    const times = items.map((i) => Date.parse(i.start));
    const first = Math.min(...times), last = Math.max(...times), margin = Math.max(DAY * 10, (last - first) / 10);
    state.timeline.setWindow(first - margin, last + margin, {animation: false});
  }

  /* --- the evidence of one event ---------------------------------------------------------------------- */

  /* The sentence with the trigger, actors, recipients and attribution marked: record offsets are into the
     article, so inside the sentence they are offset - sentence_start. Overlapping spans keep the first. */
  function highlighted(record) {
    const text = record.sentence || "";
    const base = record.sentence_start || 0;
    const spans = [];
    const add = (part, role) => {
      if (!part || part.start === null || part.start === undefined) return;
      const start = part.start - base, end = part.end - base;
      if (start >= 0 && end <= text.length && end > start) spans.push({start, end, role, text: part.text});
    };
    add(record.trigger, "trigger");
    (record.actor || []).forEach((a) => add(a, "actor"));
    (record.recipient || []).forEach((a) => add(a, "recipient"));
    add(record.attribution, "attribution");
    spans.sort((a, b) => a.start - b.start);
    const out = [];
    let at = 0;
    for (const span of spans) {
      if (span.start < at) continue;
      if (span.start > at) out.push(document.createTextNode(text.slice(at, span.start)));
      out.push(el("mark", {className: span.role, title: span.role}, text.slice(span.start, span.end)));
      at = span.end;
    }
    if (at < text.length) out.push(document.createTextNode(text.slice(at)));
    return el("p", {className: "sentence", "data-event": record.id}, out);
  }

  function field(name, value) {
    if (value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length)) return [];
    return [el("dt", {}, name), el("dd", {}, Array.isArray(value) ? value.join(", ") : String(value))];
  }

  function party(actor) {
    if (!actor) return null;
    const code = [actor.country, actor.sector].filter(Boolean).join(" ");
    return `${actor.text}${actor.name && actor.name !== actor.text ? ` = ${actor.name}` : ""}${code ? ` (${code})` : ""}`;
  }

  function safeLink(url) {
    return /^https?:\/\//i.test(url || "") ? el("a", {href: url, rel: "noopener noreferrer", target: "_blank"}, url) : url;
  }

  function showEvidence(record) {
    for (const row of state.rows.values()) row.classList.remove("selected");
    const row = state.rows.get(record.id);
    if (row) row.classList.add("selected");
    renderEvidence(record, null);
    page.marks.evidenceShown = performance.now();
    requestAnimationFrame(() => { page.marks.evidencePainted = performance.now(); });
    api(`/api/events/${encodeURIComponent(record.id)}`).then((found) => {
      if ($("provenance-body").dataset.event === record.id) renderEvidence(found.event, found);
    }).catch((error) => status(error.message));
  }

  function renderEvidence(record, found) {
    const body = $("provenance-body");
    body.className = "";
    body.dataset.event = record.id;
    const article = found && found.article;
    const cluster = found && found.cluster;
    const date = record.date ? `${record.date} (${record.date_precision || "?"}, from ${record.date_source || "?"}` +
      `${record.date_raw ? `: “${record.date_raw}”` : ""})` : null;
    replace(body,
      el("div", {}, el("strong", {}, record.event), record.mode ? ` (${record.mode})` : "", ` · quad ${record.quad}` +
        ` · intensity ${record.intensity} · confidence ${(record.confidence ?? 0).toFixed(2)}`),
      highlighted(record),
      el("div", {className: "legend"}, ["trigger", "actor", "recipient", "attribution"].map((r) => el("mark", {className: r}, r))),
      el("dl", {},
        field("actor", (record.actor || []).map(party)),
        field("recipient", (record.recipient || []).map(party)),
        field("modality", record.modality),
        field("said by", party(record.attribution)),
        field("date", date),
        field("place", record.location && (record.location.name || record.location.text)),
        field("CAMEO", record.cameo),
        field("context", record.context),
        field("rule", record.rule),
        field("coder", [record.coder, record.ontology].filter(Boolean)),
        field("offsets", `sentence ${record.sentence_start}–${record.sentence_end}, trigger ` +
          `${record.trigger && record.trigger.start}–${record.trigger && record.trigger.end}`),
        field("event id", record.id)),
      article ? el("dl", {},
        field("article", article.title || article.doc_id),
        field("publisher", article.publisher),
        field("published", article.published),
        article.url ? [el("dt", {}, "url"), el("dd", {}, safeLink(article.url))] : [],
        field("source", article.source)) : null,
      cluster ? el("div", {className: "reports"},
        el("div", {}, `Same real event: ${cluster.num_mentions} mentions in ${cluster.num_articles} articles from ` +
          `${cluster.num_sources} sources`),
        el("ul", {}, cluster.reports.map((r) => el("li", {}, `${r.date || "undated"} · ${r.publisher || r.title || r.doc_id}: `,
          el("q", {}, r.sentence || ""))))) : null);
  }

  /* --- search ---------------------------------------------------------------------------------------------- */

  async function search(query) {
    try {
      const found = await api("/api/search", {q: query, limit: 50});
      const body = replace($("provenance-body"), el("div", {}, `${found.items.length} sentences for “${query}”`));
      body.className = "";
      delete body.dataset.event;
      for (const hit of found.items) {
        const events = hit.events.map((r) => el("div", {className: "hit", onclick: () => showEvidence(r)},
          el("span", {className: "tag"}, r.event), `${names(r.actor)} → ${names(r.recipient)}`));
        body.appendChild(el("div", {}, el("p", {className: "sentence"}, hit.snippet), events));
        hit.events.forEach((r) => state.records.set(r.id, r));
      }
      status("");
    } catch (error) {
      status(error.message);
    }
  }

  /* --- the system (#5) ------------------------------------------------------------------------------------ */

  function describe(item) {
    if (item === null || typeof item !== "object") return String(item);
    const who = (value) => (value && typeof value === "object" ? value.name || value.key || value.id || JSON.stringify(value) : value);
    const a = who(item.a ?? item.source ?? item.actor ?? item.name ?? item.key);
    const b = who(item.b ?? item.target ?? item.recipient);
    const kind = item.relation ?? item.type ?? item.kind ?? item.role ?? item.roles;
    const rest = ["status", "since", "until", "score", "count"].filter((k) => item[k] !== undefined && item[k] !== null)
      .map((k) => `${k} ${Array.isArray(item[k]) ? item[k].join(", ") : item[k]}`);
    const head = [a, Array.isArray(kind) ? kind.join(", ") : kind, b].filter((x) => x !== undefined && x !== null).join(" · ");
    return head ? `${head}${rest.length ? ` (${rest.join("; ")})` : ""}` : JSON.stringify(item);
  }

  function listOf(value) {
    if (Array.isArray(value)) return value;
    if (value && typeof value === "object") return Object.entries(value).map(([key, v]) =>
      (v && typeof v === "object" && !Array.isArray(v) ? Object.assign({key: key}, v) : {key: key, roles: v}));
    return [];
  }

  async function loadSystem() {
    const body = $("system-body");
    try {
      const found = await api("/api/state", {as_of: $("until").value || null});
      $("system-as-of").textContent = found.as_of ? `as of ${found.as_of}` : "";
      const actors = listOf(found.actors), relations = listOf(found.relations);
      body.className = "";
      replace(body,
        el("div", {}, el("strong", {}, "Roles")),
        actors.length ? el("ul", {className: "relations"}, actors.map((a) => el("li", {}, describe(a)))) : el("div", {className: "empty"}, "none"),
        el("div", {}, el("strong", {}, "Relations")),
        relations.length ? el("ul", {className: "relations"}, relations.map((r) => el("li", {}, describe(r)))) : el("div", {className: "empty"}, "none"));
    } catch (error) {
      body.className = "empty";
      body.textContent = error.status === 501 ? "This newsgraph has no system of relations yet." : error.message;
    }
  }

  async function rankMediators(a, b) {
    const body = $("mediators-body");
    try {
      const found = await api("/api/mediators", {a: a, b: b, as_of: $("until").value || null});
      replace(body, found.candidates.length
        ? el("ol", {}, found.candidates.map((c) => el("li", {}, describe(c))))
        : el("div", {className: "empty"}, "No candidate."));
    } catch (error) {
      body.textContent = error.message;
    }
  }

  /* --- start ----------------------------------------------------------------------------------------------- */

  async function refresh() {
    status("");
    prefetched.clear();
    try {
      await loadNetwork();
      if (state.selection) await showSelection(true);
    } catch (error) {
      status(error.message);
    }
    loadSystem();
  }

  function start() {
    replace($("category"), el("option", {value: ""}, "all"), CATEGORIES.map((c) => el("option", {value: c}, c)));
    $("filters").addEventListener("submit", (event) => { event.preventDefault(); refresh(); });
    $("search-form").addEventListener("submit", (event) => {
      event.preventDefault();
      if ($("search").value.trim()) search($("search").value.trim());
    });
    $("mediators-form").addEventListener("submit", (event) => {
      event.preventDefault();
      rankMediators($("mediator-a").value.trim(), $("mediator-b").value.trim());
    });
    $("more").addEventListener("click", () => showSelection(false));
    document.addEventListener("mousedown", () => { page.marks.mousedown = performance.now(); }, true);
    page.selectEdge = selectEdge;
    page.ready = refresh().then(() => { page.marks.ready = performance.now(); });
  }

  document.addEventListener("DOMContentLoaded", start);
})();
