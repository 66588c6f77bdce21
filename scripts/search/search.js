/* Search that finds passages (scripts/search/, README "Search").

   Nothing is downloaded until the reader opens the search box: this script itself is loaded
   by edition.js when the box is focused (or a key opens it, or the address holds ?q=). Then search/manifest.js, and for
   each query only the key shards of its words (search/k/<n>.js) and the text chunks of the
   results shown (search/p/<n>.js). Every file is a script calling editionSearch(name, data),
   loaded with a <script> tag, so the offline copy searches from file:// as well.

   A query: every word must be in the passage (folded as the build folds: Lê Duẩn = Le Duan);
   passages where the words stand next to each other in the order typed rank first; a quoted
   phrase must stand together; the last word, while it is being typed, also matches as a
   prefix. Results are grouped by source (the indexes last), and each links to its anchor.
   Text from the sources is only ever inserted with textContent. */
(function () {
  "use strict";

  var root = document.querySelector("[data-edition-search]");
  var script = document.currentScript;
  if (!root || !script) { return; }
  var SITE = new URL("../../", script.src);
  var BASE = new URL("search/", SITE);
  var FORMAT = 1;
  var PER_GROUP = 3;      /* results shown per source before "show all" */
  var GROUPS_SHOWN = 8;   /* sources shown before "more sources" */
  var PREFIX_SHARDS = 2;  /* a prefix spanning more shards than this matches as a whole word */
  var RANK = [0, 0, 1, 2]; /* by kind: reading text, -, note, index entry */

  var form = root.querySelector("form");
  var input = form.querySelector("input[name=q]");
  var toggle = document.getElementById("__search");
  var meta = root.querySelector(".md-search-result__meta");
  var list = root.querySelector(".md-search-result__list");
  var sourceSelect = root.querySelector("select[name=source]");
  var kindBoxes = Array.prototype.slice.call(root.querySelectorAll("input[name=kind]"));

  /* ---- loading the index files -------------------------------------------------------- */

  var loaded = Object.create(null);
  var loading = Object.create(null);
  window.editionSearch = function (name, data) { loaded[name] = data; };

  function load(name) {
    if (loading[name]) { return loading[name]; }
    loading[name] = new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = new URL(name + ".js", BASE).href;
      tag.async = true;
      tag.onload = function () {
        tag.remove();
        if (name in loaded) { resolve(loaded[name]); } else { reject(new Error(name)); }
      };
      tag.onerror = function () {
        tag.remove();
        delete loading[name];
        reject(new Error("could not load the search index (" + name + ")"));
      };
      document.head.appendChild(tag);
    });
    return loading[name];
  }

  var manifest = null;
  function ready() {
    return load("manifest").then(function (data) {
      if (data.format !== FORMAT) { throw new Error("search index of another version"); }
      if (!manifest) {
        manifest = data;
        data.groups.forEach(function (group, number) {
          if (number === data.groups.length - 1) { return; } /* the indexes: a kind filter */
          var option = document.createElement("option");
          option.value = group[0];
          option.textContent = group[1];
          sourceSelect.appendChild(option);
        });
        if (wantedSource) { sourceSelect.value = wantedSource; }
      }
      return data;
    });
  }

  /* ---- folding and words, as scripts/search/tokens.py ---------------------------------- */

  function mapped(table, ch) {
    return Object.prototype.hasOwnProperty.call(table, ch) ? table[ch] : null;
  }

  /* The build's table first; else decompose, drop marks, map what is left through the table
     (Cyrillic ӑ → а → a), lower-case. */
  function foldChar(ch) {
    var table = manifest ? manifest.fold : {};
    var direct = mapped(table, ch);
    if (direct !== null) { return direct; }
    if (ch.charCodeAt(0) < 0x80) { return ch.toLowerCase(); }
    var out = "";
    for (var part of ch.normalize("NFKD").replace(/\p{Mn}/gu, "")) {
      var again = mapped(table, part);
      out += again !== null ? again : part.toLowerCase();
    }
    return out;
  }

  /* The folded text and, for each folded UTF-16 unit, the index of the original unit. */
  function foldMap(text) {
    var out = "";
    var origin = [];
    var index = 0;
    for (var ch of text) {
      var folded = foldChar(ch);
      for (var i = 0; i < folded.length; i++) { origin.push(index); }
      out += folded;
      index += ch.length;
    }
    origin.push(index);
    return { text: out, origin: origin };
  }

  var WORD = /[\p{L}\p{N}]+/gu;
  function words(text) { return foldMap(text).text.match(WORD) || []; }
  window.editionSearch.words = words; /* for the tests: the browser's words equal the build's */

  /* Runs of words: {words, phrase}; the last word is a prefix unless the query is finished. */
  function parse(query) {
    var runs = [];
    var pattern = /"([^"]*)("?)|([^"]+)/g;
    var match;
    var open = false;
    while ((match = pattern.exec(query)) !== null) {
      var phrase = match[1] !== undefined;
      var found = words(phrase ? match[1] : match[3]);
      open = phrase && match[2] === "";
      if (found.length) { runs.push({ words: found, phrase: phrase }); }
    }
    var finished = /[\s"]$/.test(query) && !open;
    return { runs: runs, prefix: runs.length > 0 && !finished };
  }

  /* ---- the key shards ------------------------------------------------------------------ */

  function shardOf(key) {
    var shards = manifest.shards;
    var low = 0;
    var high = shards.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (shards[middle] <= key) { low = middle; } else { high = middle - 1; }
    }
    return low;
  }

  function decode(encoded) {
    var ids = [];
    var previous = 0;
    var parts = encoded.split(",");
    for (var i = 0; i < parts.length; i++) {
      previous += parseInt(parts[i], 36);
      ids.push(previous);
    }
    return ids;
  }

  /* Ids of the passages holding `key`, or, for a prefix, any key beginning with it (none with
     a space when `pairs` is false). Resolves to null when the prefix is too wide to expand. */
  function lookup(key, prefix, pairs) {
    var first = shardOf(key);
    var last = prefix ? shardOf(key + "\uffff") : first;
    if (last - first + 1 > PREFIX_SHARDS) { return lookup(key, false, pairs); }
    var names = [];
    for (var n = first; n <= last; n++) { names.push("k/" + n); }
    return Promise.all(names.map(load)).then(function (shards) {
      if (!prefix) {
        var exact = shards[0][key];
        return exact ? decode(exact) : [];
      }
      var union = new Set();
      shards.forEach(function (shard) {
        for (var name in shard) {
          if (name.lastIndexOf(key, 0) === 0 && (pairs || name.indexOf(" ") < 0)) {
            decode(shard[name]).forEach(function (id) { union.add(id); });
          }
        }
      });
      return Array.from(union).sort(function (a, b) { return a - b; });
    });
  }

  /* ---- one search ---------------------------------------------------------------------- */

  function filters() {
    var kinds = kindBoxes.filter(function (box) { return box.checked; })
      .map(function (box) { return box.value; });
    return { source: sourceSelect.value, kinds: kinds };
  }

  var KIND_FILTER = { text: [0], notes: [2], indexes: [3] };

  function run(query, filter) {
    var parsed = parse(query);
    if (!parsed.runs.length) { return Promise.resolve(null); }
    var needed = []; /* {key, prefix, pairs, role: "word"|"pair", run} */
    parsed.runs.forEach(function (r, number) {
      var lastRun = number === parsed.runs.length - 1;
      r.words.forEach(function (word, i) {
        var prefix = parsed.prefix && lastRun && i === r.words.length - 1;
        needed.push({ key: word, prefix: prefix, pairs: false, pair: false, run: r });
        if (i > 0) {
          needed.push({ key: r.words[i - 1] + " " + word, prefix: prefix, pairs: true, pair: true, run: r });
        }
      });
    });
    return Promise.all(needed.map(function (n) { return lookup(n.key, n.prefix, n.pairs); }))
      .then(function (results) {
        var count = manifest.count;
        var hits = new Uint16Array(count);
        var wordsNeeded = 0;
        var pairScore = new Uint16Array(count);
        var phrasePairs = 0;
        var phraseHits = new Uint16Array(count);
        needed.forEach(function (n, i) {
          var ids = results[i];
          if (!n.pair) {
            wordsNeeded++;
            ids.forEach(function (id) { if (hits[id] === wordsNeeded - 1) { hits[id] = wordsNeeded; } });
          } else if (n.run.phrase) {
            phrasePairs++;
            ids.forEach(function (id) { if (phraseHits[id] === phrasePairs - 1) { phraseHits[id] = phrasePairs; } });
          } else {
            ids.forEach(function (id) { pairScore[id]++; });
          }
        });
        var allowed = [];
        filter.kinds.forEach(function (k) { (KIND_FILTER[k] || []).forEach(function (c) { allowed[c] = true; }); });
        var candidates = [];
        for (var id = 0; id < count; id++) {
          if (hits[id] === wordsNeeded && phraseHits[id] === phrasePairs) { candidates.push(id); }
        }
        return { parsed: parsed, ids: candidates, pairScore: pairScore, allowed: allowed, filter: filter };
      });
  }

  function chunkOf(id) { return "p/" + Math.floor(id / manifest.chunk); }

  function passage(id) {
    var row = loaded[chunkOf(id)][id % manifest.chunk];
    return { href: row[0], label: row[1], text: row[2] };
  }

  /* Passages are in reading order, source by source (text, then notes), then the index
     entries: the manifest gives where each group and its notes begin. */
  var kindOf = null;
  var groupOf = null;
  function layout() {
    if (kindOf) { return; }
    kindOf = new Uint8Array(manifest.count);
    groupOf = new Uint32Array(manifest.count);
    manifest.groups.forEach(function (group, number) {
      var end = number + 1 < manifest.groups.length ? manifest.groups[number + 1][2] : manifest.count;
      var last = number === manifest.groups.length - 1;
      for (var id = group[2]; id < end; id++) {
        groupOf[id] = number;
        kindOf[id] = last ? 3 : (id >= group[3] ? 2 : 0);
      }
    });
  }

  function rankAndGroup(found) {
    layout();
    var pairScore = found.pairScore;
    var indexGroup = manifest.groups.length - 1;
    var groups = Object.create(null);
    var order = [];
    found.ids.forEach(function (id) {
      var kind = kindOf[id];
      var group = groupOf[id];
      if (!found.allowed[kind]) { return; }
      if (found.filter.source && manifest.groups[group][0] !== found.filter.source) { return; }
      if (!groups[group]) { groups[group] = []; order.push(group); }
      groups[group].push({ id: id, kind: kind, score: pairScore[id] });
    });
    function better(a, b) { return b.score - a.score || RANK[a.kind] - RANK[b.kind] || a.id - b.id; }
    order.forEach(function (g) { groups[g].sort(better); });
    order.sort(function (a, b) {
      if ((a === indexGroup) !== (b === indexGroup)) { return a === indexGroup ? 1 : -1; }
      return better(groups[a][0], groups[b][0]);
    });
    return order.map(function (g) { return { group: g, items: groups[g] }; });
  }

  /* ---- showing the results ------------------------------------------------------------- */

  function link(href) {
    var url = new URL(href, SITE);
    if (url.protocol === "file:" && /\/$/.test(url.pathname)) { url.pathname += "index.html"; }
    return url.href;
  }

  /* Ranges [start, end) of the original text to mark, for the query's words. */
  function marks(text, parsed) {
    var map = foldMap(text);
    var exact = Object.create(null);
    var prefix = null;
    parsed.runs.forEach(function (r, number) {
      r.words.forEach(function (w, i) {
        if (parsed.prefix && number === parsed.runs.length - 1 && i === r.words.length - 1) {
          prefix = w;
        } else {
          exact[w] = true;
        }
      });
    });
    var ranges = [];
    var match;
    WORD.lastIndex = 0;
    while ((match = WORD.exec(map.text)) !== null) {
      var w = match[0];
      if (exact[w] || (prefix !== null && w.lastIndexOf(prefix, 0) === 0)) {
        ranges.push([map.origin[match.index], map.origin[match.index + w.length]]);
      }
    }
    return ranges;
  }

  var CONTEXT_BEFORE = 60;
  var CONTEXT_AFTER = 200;

  /* A paragraph with the text around the densest cluster of marks, marks as <mark>. */
  function snippet(text, ranges) {
    var best = 0;
    var bestCount = -1;
    ranges.forEach(function (range, i) {
      var n = 0;
      for (var j = i; j < ranges.length && ranges[j][0] - range[0] < 80; j++) { n++; }
      if (n > bestCount) { best = i; bestCount = n; }
    });
    var start = 0;
    var end = text.length;
    if (ranges.length) {
      start = Math.max(0, ranges[best][0] - CONTEXT_BEFORE);
      if (start > 0) {
        var space = text.indexOf(" ", start);
        start = space >= 0 && space < ranges[best][0] ? space + 1 : start;
      }
    }
    end = Math.min(text.length, start + CONTEXT_BEFORE + CONTEXT_AFTER);
    if (end < text.length) {
      var cut = text.lastIndexOf(" ", end);
      end = cut > start ? cut : end;
    }
    var p = document.createElement("p");
    if (start > 0) { p.appendChild(document.createTextNode("… ")); }
    var at = start;
    ranges.forEach(function (range) {
      if (range[0] < at || range[1] > end) { return; }
      p.appendChild(document.createTextNode(text.slice(at, range[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(range[0], range[1]);
      p.appendChild(mark);
      at = range[1];
    });
    p.appendChild(document.createTextNode(text.slice(at, end)));
    if (end < text.length) { p.appendChild(document.createTextNode(" …")); }
    return p;
  }

  function item(p, parsed) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var a = document.createElement("a");
    a.className = "md-search-result__link";
    a.href = link(p.href);
    a.addEventListener("click", close);
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset edition-search-passage";
    var label = document.createElement("p");
    label.className = "edition-search-passage__label";
    label.textContent = p.label;
    article.appendChild(label);
    article.appendChild(snippet(p.text, marks(p.text, parsed)));
    a.appendChild(article);
    li.appendChild(a);
    return li;
  }

  function button(text, action) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "edition-search-more md-typeset";
    b.textContent = text;
    b.addEventListener("click", action);
    return b;
  }

  function showGroup(container, group, parsed, all) {
    var items = all ? group.items : group.items.slice(0, PER_GROUP);
    var names = Array.from(new Set(items.map(function (hit) { return chunkOf(hit.id); })));
    return Promise.all(names.map(load)).then(function () {
      container.textContent = "";
      items.forEach(function (hit) { container.appendChild(item(passage(hit.id), parsed)); });
    });
  }

  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

  function render(groups, parsed) {
    list.textContent = "";
    var passages = groups.reduce(function (n, g) { return n + g.items.length; }, 0);
    meta.textContent = passages
      ? plural(passages, "passage", "passages") + " in " + plural(groups.length, "group", "groups")
      : "No passage contains all the words";
    function add(group) {
      var li = document.createElement("li");
      li.className = "edition-search-group";
      var title = document.createElement("div");
      title.className = "edition-search-group__title";
      title.textContent = manifest.groups[group.group][1] + " (" + group.items.length + ")";
      li.appendChild(title);
      var ol = document.createElement("ol");
      ol.className = "edition-search-group__list";
      li.appendChild(ol);
      list.appendChild(li);
      var shown = showGroup(ol, group, parsed, false);
      if (group.items.length > PER_GROUP) {
        var more = button("Show all " + group.items.length + " in " + manifest.groups[group.group][1],
          function () {
            more.remove();
            showGroup(ol, group, parsed, true);
          });
        li.appendChild(more);
      }
      return shown;
    }
    var waits = groups.slice(0, GROUPS_SHOWN).map(add);
    if (groups.length > GROUPS_SHOWN) {
      var rest = button("Show " + (groups.length - GROUPS_SHOWN) + " more groups", function () {
        rest.remove();
        groups.slice(GROUPS_SHOWN).forEach(add);
      });
      list.appendChild(rest);
    }
    return Promise.all(waits);
  }

  /* ---- wiring ---------------------------------------------------------------------------- */

  var generation = 0;

  function updateUrl(query, filter) {
    var url = new URL(location.href);
    ["q", "source", "kind"].forEach(function (name) { url.searchParams.delete(name); });
    if (query) {
      url.searchParams.set("q", query);
      if (filter.source) { url.searchParams.set("source", filter.source); }
      if (filter.kinds.length !== kindBoxes.length) { url.searchParams.set("kind", filter.kinds.join(",")); }
    }
    if (url.href !== location.href) { history.replaceState(history.state, "", url.href); }
  }

  function search() {
    var query = input.value;
    var filter = filters();
    var mine = ++generation;
    updateUrl(query.trim() ? query : "", filter);
    if (!query.trim()) {
      list.textContent = "";
      meta.textContent = "Type to search the texts, notes and indexes";
      return;
    }
    ready()
      .then(function () { return run(query, filter); })
      .then(function (found) {
        if (mine !== generation || !found) { return null; }
        return render(rankAndGroup(found), found.parsed).then(function () {
          if (mine !== generation) { return; }
          root.dispatchEvent(new CustomEvent("edition-search:results", {
            detail: { query: query, time: performance.now() }
          }));
        });
      })
      .catch(function (error) {
        if (mine === generation) { meta.textContent = String(error.message || error); }
      });
  }

  function open() {
    if (toggle && !toggle.checked) { toggle.checked = true; toggle.dispatchEvent(new Event("change")); }
  }

  function close() {
    if (toggle && toggle.checked) { toggle.checked = false; toggle.dispatchEvent(new Event("change")); }
    input.blur();
  }

  input.addEventListener("focus", function () { open(); ready().catch(function () {}); });
  input.addEventListener("input", search);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) { first.focus(); }
  });
  form.addEventListener("reset", function () { setTimeout(search, 0); });
  sourceSelect.addEventListener("change", search);
  kindBoxes.forEach(function (box) { box.addEventListener("change", search); });
  if (toggle) {
    toggle.addEventListener("change", function () {
      if (toggle.checked && document.activeElement !== input) { input.focus(); }
    });
  }
  root.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { close(); }
  });
  /* The keys that open the box (/, s, f) are edition.js's, which loads this script. */

  /* A shared search: ?q=...&source=...&kind=... opens the box with the same query and filters. */
  var params = new URLSearchParams(location.search);
  var wantedSource = params.get("source") || "";
  if (params.get("kind")) {
    var kinds = params.get("kind").split(",");
    kindBoxes.forEach(function (box) { box.checked = kinds.indexOf(box.value) >= 0; });
  }
  if (params.get("q")) {
    input.value = params.get("q");
    open();
    ready().then(function () { search(); }).catch(function () {});
  } else if (document.activeElement === input) {
    /* Loaded on demand (edition.js) when the reader focused the box: they may have typed. */
    open();
    ready().then(function () { if (input.value) { search(); } }).catch(function () {});
  }
})();
