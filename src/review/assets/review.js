// casescrub review page. Everything is local: no network, no external code.
(function () {
  'use strict';
  var errBox = document.getElementById('errors');
  function report(msg) {
    errBox.hidden = false;
    errBox.textContent += msg + '\n';
    errBox.setAttribute('data-count', String((+errBox.getAttribute('data-count') || 0) + 1));
  }
  window.addEventListener('error', function (e) { report('error: ' + (e.message || e)); });
  window.addEventListener('unhandledrejection', function (e) { report('rejection: ' + e.reason); });

  var meta = JSON.parse(document.getElementById('meta').textContent);
  var CHUNK = 100;        // lines per lazily rendered chunk
  var LIST_ROW = 22;      // px per findings-list row
  var files = [];
  var cur = null;         // {f: file index, i: finding index}

  function esc(s) {
    return s.replace(/[&<>"]/g, function (c) {
      return c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;';
    });
  }

  // First index in [0, n) for which pred is true (pred monotone).
  function lowerBound(n, pred) {
    var lo = 0, hi = n;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (pred(mid)) hi = mid; else lo = mid + 1; }
    return lo;
  }

  function setup(section) {
    var fi = +section.getAttribute('data-file');
    var data = JSON.parse(document.getElementById('data-' + fi).textContent);
    var text = data.text;
    var starts = [0];
    for (var p = text.indexOf('\n'); p !== -1 && p + 1 < text.length; p = text.indexOf('\n', p + 1)) starts.push(p + 1);
    var file = {
      index: fi, section: section, name: data.name, text: text, starts: starts, f: data.f,
      rows: section.querySelector('.rows'), list: section.querySelector('.list'),
      spacer: section.querySelector('.list .spacer'), chunks: [], rendered: {},
      eager: starts.length <= meta.eager_lines
    };
    file.lineEnd = function (l) {
      var e = l + 1 < starts.length ? starts[l + 1] : text.length;
      if (e > starts[l] && text.charCodeAt(e - 1) === 10) e--;
      if (e > starts[l] && text.charCodeAt(e - 1) === 13) e--;
      return e;
    };
    file.lineOf = function (off) { return lowerBound(starts.length, function (k) { return starts[k] > off; }) - 1; };
    buildChunks(file);
    buildList(file);
    files.push(file);
    return file;
  }

  function buildChunks(file) {
    var n = file.starts.length;
    var width = file.rows.clientWidth || 900;
    var perRow = Math.max(20, Math.floor((width - 70) / 2 / 7.6));
    var frag = document.createDocumentFragment();
    for (var c = 0; c * CHUNK < n; c++) {
      var el = document.createElement('div');
      el.className = 'chunk';
      el.setAttribute('data-chunk', String(c));
      var rows = 0;
      for (var l = c * CHUNK; l < Math.min(n, (c + 1) * CHUNK); l++) {
        var len = file.lineEnd(l) - file.starts[l];
        rows += Math.max(1, Math.ceil(len / perRow));
      }
      el.style.height = (rows * 18.2) + 'px';
      file.chunks.push(el);
      frag.appendChild(el);
    }
    file.rows.appendChild(frag);
    if (file.eager) {
      for (var k = 0; k < file.chunks.length; k++) renderChunk(file, k);
    } else {
      var io = new IntersectionObserver(function (entries) {
        entries.forEach(function (e) {
          var k = +e.target.getAttribute('data-chunk');
          if (e.isIntersecting) renderChunk(file, k); else unrenderChunk(file, k);
        });
      }, { rootMargin: '1500px 0px' });
      file.chunks.forEach(function (el) { io.observe(el); });
    }
  }

  function title(file, i) {
    var x = file.f[i];
    var what = x[9] === 'reject' ? 'REJECTED (kept as is)' : x[9] === 'add' ? 'added by reviewer' : '';
    return meta.kinds[x[2]] + ' · ' + meta.rules[x[3]] + ' → ' + x[4] + ' · line ' + x[5] + ':' + x[6] +
      (what ? ' · ' + what : '');
  }

  function markHtml(file, i, body) {
    var x = file.f[i];
    var cls = 'k-' + meta.kinds[x[2]] + (x[9] !== 'pending' ? ' ' + x[9] : '') +
      (cur && cur.f === file.index && cur.i === i ? ' current' : '');
    return '<mark class="' + cls + '" data-i="' + i + '" data-kind="' + meta.kinds[x[2]] +
      '" data-rule="' + esc(meta.rules[x[3]]) + '" data-placeholder="' + esc(x[4]) +
      '" title="' + esc(title(file, i)) + '">' + body + '</mark>';
  }

  function rowHtml(file, l) {
    var text = file.text, s = file.starts[l], e = file.lineEnd(l), f = file.f;
    var i = lowerBound(f.length, function (k) { return f[k][1] > s; });
    var o = '', r = '', pos = s, changed = false;
    for (; i < f.length && f[i][0] < e; i++) {
      var a = Math.max(f[i][0], s), b = Math.min(f[i][1], e);
      if (a < pos) continue;
      changed = true;
      var same = esc(text.slice(pos, a));
      o += same; r += same;
      var orig = esc(text.slice(a, b));
      o += markHtml(file, i, orig);
      if (f[i][0] >= s) {
        // The redacted side shows the replacement where the finding starts; a rejected
        // finding keeps its original text.
        r += markHtml(file, i, f[i][9] === 'reject' ? esc(text.slice(f[i][0], f[i][1])) : esc(f[i][4]));
      }
      pos = b;
    }
    var rest = esc(text.slice(pos, e));
    o += rest; r += rest;
    return '<div class="row' + (changed ? ' changed' : '') + '" data-line="' + (l + 1) + '"><div class="ln">' +
      (l + 1) + '</div><div class="o">' + o + '</div><div class="r">' + r + '</div></div>';
  }

  function renderChunk(file, c) {
    if (file.rendered[c]) return;
    var html = '';
    for (var l = c * CHUNK; l < Math.min(file.starts.length, (c + 1) * CHUNK); l++) html += rowHtml(file, l);
    var el = file.chunks[c];
    el.innerHTML = html;
    el.style.height = '';
    file.rendered[c] = true;
  }

  function unrenderChunk(file, c) {
    if (!file.rendered[c] || file.eager) return;
    var el = file.chunks[c];
    el.style.height = el.offsetHeight + 'px';
    el.innerHTML = '';
    delete file.rendered[c];
  }

  // Findings list: fixed-height rows, only the visible ones are in the DOM.
  function buildList(file) {
    file.spacer.style.height = (file.f.length * LIST_ROW) + 'px';
    file.list.addEventListener('scroll', function () { drawList(file); });
    file.list.addEventListener('click', function (e) {
      var t = e.target.closest('.fi');
      if (t) go(file.index, +t.getAttribute('data-i'));
    });
    drawList(file);
  }

  function drawList(file) {
    var top = file.list.scrollTop, h = file.list.clientHeight || 600;
    var first = Math.max(0, Math.floor(top / LIST_ROW) - 10);
    var last = Math.min(file.f.length, Math.ceil((top + h) / LIST_ROW) + 10);
    var html = '';
    for (var i = first; i < last; i++) {
      var x = file.f[i];
      var orig = file.text.slice(x[0], x[1]);
      html += '<div class="fi' + (cur && cur.f === file.index && cur.i === i ? ' current' : '') +
        '" data-i="' + i + '" style="top:' + (i * LIST_ROW) + 'px" title="' + esc(title(file, i)) + '">' +
        '<span class="sw k-' + meta.kinds[x[2]] + '"></span>' + x[5] + ':' + x[6] + ' ' + meta.kinds[x[2]] +
        ' ' + esc(orig) + ' → ' + esc(x[9] === 'reject' ? '(kept)' : x[4]) + '</div>';
    }
    file.spacer.innerHTML = html;
  }

  function marksOf(file, i) { return file.rows.querySelectorAll('mark[data-i="' + i + '"]'); }

  function go(fi, i) {
    if (cur) {
      var old = files[cur.f];
      marksOf(old, cur.i).forEach(function (m) { m.classList.remove('current'); });
    }
    cur = { f: fi, i: i };
    var file = files[fi], x = file.f[i];
    var line = file.lineOf(x[0]);
    renderChunk(file, Math.floor(line / CHUNK));
    var ms = marksOf(file, i);
    ms.forEach(function (m) { m.classList.add('current'); });
    if (ms.length) ms[0].scrollIntoView({ block: 'center' });
    var want = i * LIST_ROW;
    if (want < file.list.scrollTop || want > file.list.scrollTop + file.list.clientHeight - LIST_ROW) {
      file.list.scrollTop = Math.max(0, want - file.list.clientHeight / 2);
    }
    files.forEach(drawList);
    var before = 0;
    for (var k = 0; k < fi; k++) before += files[k].f.length;
    document.getElementById('status').textContent = 'Finding ' + (before + i + 1) + ' of ' + total() +
      ' — ' + file.name + ' line ' + x[5] + ':' + x[6] + ' — ' + title(file, i);
  }

  function total() { var n = 0; files.forEach(function (f) { n += f.f.length; }); return n; }

  function step(dir) {
    if (!total()) return;
    var fi = cur ? cur.f : (dir > 0 ? files.length - 1 : 0);
    var i = cur ? cur.i : (dir > 0 ? files[fi].f.length - 1 : 0);
    for (var guard = 0; guard <= files.length; guard++) {
      i += dir;
      if (i >= 0 && i < files[fi].f.length) return go(fi, i);
      fi = (fi + dir + files.length) % files.length;
      i = dir > 0 ? -1 : files[fi].f.length;
    }
  }

  // Reviewer decisions: click a highlight to cycle pending → reject → accept → pending.
  function cycle(file, i) {
    var x = file.f[i];
    if (x[9] === 'add') { x[9] = 'removed'; }
    else x[9] = x[9] === 'pending' ? 'reject' : x[9] === 'reject' ? 'accept' : 'pending';
    var c = Math.floor(file.lineOf(x[0]) / CHUNK);
    delete file.rendered[c];
    renderChunk(file, c);
    drawList(file);
  }

  function addSelection() {
    var sel = window.getSelection();
    if (!sel || sel.isCollapsed) return;
    var cell = sel.anchorNode && (sel.anchorNode.nodeType === 1 ? sel.anchorNode : sel.anchorNode.parentNode).closest('.o');
    if (!cell) return;
    var section = cell.closest('section.file');
    var file = files[+section.getAttribute('data-file')];
    var text = sel.toString().trim();
    if (!text) return;
    var kind = window.prompt('Kind of "' + text + '" (' + meta.kinds.join(', ') + ')', 'PERSON');
    if (!kind) return;
    kind = kind.trim().toUpperCase();
    if (meta.kinds.indexOf(kind) < 0) { window.alert('Unknown kind ' + kind); return; }
    file.added = file.added || [];
    file.added.push({ text: text, kind: kind });
    document.getElementById('status').textContent = 'Added "' + text + '" as ' + kind +
      ' (applies to every occurrence). Download the decisions to keep it.';
  }

  function decisions() {
    var out = { schema: 'casescrub.decisions/1', decisions: [] };
    var enc = new TextEncoder();
    files.forEach(function (file) {
      file.f.forEach(function (x) {
        if (x[9] === 'reject' || x[9] === 'accept') {
          out.decisions.push({ file: file.name, action: x[9], start: x[7], end: x[8],
            text: file.text.slice(x[0], x[1]), rule: meta.rules[x[3]], kind: meta.kinds[x[2]] });
        } else if (x[9] === 'add') {
          out.decisions.push({ file: file.name, action: 'add', start: x[7], end: x[8],
            text: file.text.slice(x[0], x[1]), kind: meta.kinds[x[2]] });
        }
      });
      (file.added || []).forEach(function (a) {
        out.decisions.push({ file: file.name, action: 'add', text: a.text, kind: a.kind });
      });
    });
    void enc;
    return out;
  }

  function download() {
    var blob = new Blob([JSON.stringify(decisions(), null, 2) + '\n'], { type: 'application/json' });
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'decisions.json';
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  }

  document.addEventListener('keydown', function (e) {
    var t = e.target;
    if (e.ctrlKey || e.metaKey || e.altKey || (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA'))) return;
    if (e.key === 'n') { e.preventDefault(); step(1); }
    else if (e.key === 'p') { e.preventDefault(); step(-1); }
    else if (e.key === 'a') { addSelection(); }
  });
  document.addEventListener('click', function (e) {
    var m = e.target.closest && e.target.closest('.rows mark');
    if (!m || (window.getSelection() && !window.getSelection().isCollapsed)) return;
    var file = files[+m.closest('section.file').getAttribute('data-file')];
    var i = +m.getAttribute('data-i');
    go(file.index, i);
    cycle(file, i);
  });
  document.getElementById('dl').addEventListener('click', download);

  document.querySelectorAll('section.file').forEach(setup);
  document.body.setAttribute('data-ready', String(total()));
  document.body.setAttribute('data-ready-ms', String(Math.round(performance.now())));

  // `#selftest`: drive the keyboard navigation in a real browser and record the result.
  if (location.hash === '#selftest') {
    var problems = [];
    var press = function (key) { document.dispatchEvent(new KeyboardEvent('keydown', { key: key, bubbles: true })); };
    var check = function (fi, i, what) {
      if (!cur || cur.f !== fi || cur.i !== i) { problems.push(what + ': at ' + JSON.stringify(cur)); return; }
      var ms = marksOf(files[fi], i);
      if (ms.length < 1) problems.push(what + ': finding not rendered');
      ms.forEach(function (m) {
        if (!m.classList.contains('current')) problems.push(what + ': not marked current');
        if (m.title.indexOf(meta.rules[files[fi].f[i][3]]) < 0 || m.title.indexOf(files[fi].f[i][4]) < 0) problems.push(what + ': hover lacks rule or placeholder');
      });
      if (document.querySelectorAll('mark.current').length !== ms.length) problems.push(what + ': stale current marks');
    };
    var nonEmpty = files.filter(function (f) { return f.f.length; });
    if (nonEmpty.length) {
      var a = nonEmpty[0], z = nonEmpty[nonEmpty.length - 1];
      press('n'); check(a.index, 0, 'first n');
      if (a.f.length > 1) { press('n'); check(a.index, 1, 'second n'); press('p'); check(a.index, 0, 'p back'); }
      press('p'); check(z.index, z.f.length - 1, 'p wraps to the last');
      press('n'); check(a.index, 0, 'n wraps to the first');
      var rect = marksOf(a, 0)[0].getBoundingClientRect();
      if (rect.bottom < 0 || rect.top > window.innerHeight) problems.push('first finding not scrolled into view');
    }
    var out = document.createElement('pre');
    out.id = 'selftest';
    out.setAttribute('data-result', problems.length ? 'fail' : 'pass');
    out.textContent = problems.join('\n');
    document.body.appendChild(out);
  }
})();
