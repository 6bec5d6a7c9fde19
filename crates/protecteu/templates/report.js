// The report page's filters (inlined). No request, no storage: the state lives in the URL
// fragment, e.g. #actor=europol&status=proposed&q=roadmap.
(function () {
  'use strict';
  var KEYS = ['section', 'theme', 'threat', 'actor', 'status', 'q'];
  // Card attribute holding the ids a filter key matches against (space-separated).
  var LISTS = { section: 'sections', theme: 'themes', threat: 'threats', actor: 'actors' };
  var form = document.getElementById('filters');
  var result = document.getElementById('result');
  var cards = Array.prototype.slice.call(document.querySelectorAll('[data-action-id]'));
  var groups = Array.prototype.slice.call(document.querySelectorAll('.group'));
  if (!form || !result) { return; }

  // The library's search tokens: lower case, diacritics stripped (NFD, marks removed), runs
  // of letters and digits (Rust's char::is_alphanumeric is Alphabetic or Numeric).
  function tokens(text) {
    return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
      .split(/[^\p{Alphabetic}\p{N}]+/u).filter(function (t) { return t.length > 0; });
  }

  // Like the action filter's text without stemming or thesaurus: every word must start one of
  // the words the library indexed for the action (embedded by the generator in data-terms).
  function textMatches(card, words) {
    var terms = card.getAttribute('data-terms').split(' ');
    return words.every(function (w) {
      return terms.some(function (t) { return t.lastIndexOf(w, 0) === 0; });
    });
  }

  function matches(card, f, words) {
    for (var k in LISTS) {
      if (f[k] && card.getAttribute('data-' + LISTS[k]).split(' ').indexOf(f[k]) < 0) { return false; }
    }
    if (f.status && card.getAttribute('data-status') !== f.status &&
        card.getAttribute('data-progress') !== f.status) { return false; }
    if (words !== null && !textMatches(card, words)) { return false; }
    return true;
  }

  function read() {
    var hash = location.hash.slice(1);
    var f = {};
    if (hash.indexOf('=') < 0) { return null; } // a plain anchor such as #figures
    var p = new URLSearchParams(hash);
    KEYS.forEach(function (k) { var v = p.get(k); if (v) { f[k] = v; } });
    return f;
  }

  function fromForm() {
    var f = {};
    KEYS.forEach(function (k) { var v = form.elements[k].value; if (v.trim()) { f[k] = v; } });
    return f;
  }

  function apply(f) {
    var unknown = [];
    KEYS.forEach(function (k) {
      var el = form.elements[k];
      var v = f[k] || '';
      if (el.tagName === 'SELECT' && v && !el.querySelector('option[value="' + CSS.escape(v) + '"]')) {
        unknown.push(k + ' \u201c' + v + '\u201d');
        el.value = '';
      } else if (el.value !== v) {
        el.value = v;
      }
    });
    var q = (f.q || '').trim();
    var words = q ? tokens(q) : null;
    var shown = 0;
    cards.forEach(function (c) {
      var ok = matches(c, f, words);
      if (ok) { c.removeAttribute('hidden'); shown += 1; } else { c.setAttribute('hidden', ''); }
    });
    groups.forEach(function (g) {
      if (g.querySelector('[data-action-id]:not([hidden])')) { g.removeAttribute('hidden'); } else { g.setAttribute('hidden', ''); }
    });
    var text = shown + ' of ' + cards.length + ' actions shown.';
    if (unknown.length) { text += ' Not in the data: ' + unknown.join(', ') + '.'; }
    result.textContent = text;
  }

  function write(f) {
    var p = new URLSearchParams();
    KEYS.forEach(function (k) { if (f[k]) { p.set(k, f[k]); } });
    var h = p.toString();
    history.replaceState(null, '', h ? '#' + h : location.pathname + location.search);
  }

  function onInput() { var f = fromForm(); write(f); apply(f); }
  form.addEventListener('change', onInput);
  form.addEventListener('input', onInput);
  form.addEventListener('submit', function (e) { e.preventDefault(); onInput(); });
  form.addEventListener('reset', function () { setTimeout(onInput, 0); });
  window.addEventListener('hashchange', function () { var f = read(); if (f) { apply(f); } });
  // Printing shows every card's history and sources.
  window.addEventListener('beforeprint', function () {
    Array.prototype.forEach.call(document.querySelectorAll('details'), function (d) { d.open = true; });
  });
  apply(read() || {});
}());
