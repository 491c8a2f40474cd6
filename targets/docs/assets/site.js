// detc documentation site: instant search and filters on the rule index, and the "covered only"
// switch and selection on the ATT&CK matrix. Plain script, no modules and no network, so that the
// site works from file:// as well as from a web server. Pages read fine without it.
(function () {
  'use strict';

  function initRuleIndex() {
    var form = document.getElementById('filters');
    var list = document.getElementById('rules-table');
    if (!form || !list) return;
    var search = document.getElementById('search');
    var shown = document.getElementById('shown-count');
    var empty = document.getElementById('no-results');
    var selects = Array.prototype.slice.call(form.querySelectorAll('select[data-filter]'));
    var rows = Array.prototype.slice.call(list.querySelectorAll('tbody tr'));

    // A row's values per filter; tactics are a space-separated list.
    function values(row, filter) {
      var attribute = row.getAttribute('data-' + filter) || '';
      return filter === 'tactic' ? attribute.split(' ') : [attribute];
    }

    function matchesSearch(row, words) {
      var text = row.getAttribute('data-search') || '';
      return words.every(function (word) {
        return text.indexOf(word) !== -1;
      });
    }

    // Whether a row passes every filter except `skip` (used for the counts shown in each menu).
    function matchesFilters(row, skip) {
      return selects.every(function (select) {
        var filter = select.getAttribute('data-filter');
        return filter === skip || select.value === '' || values(row, filter).indexOf(select.value) !== -1;
      });
    }

    function update() {
      var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
      var found = rows.filter(function (row) {
        return matchesSearch(row, words);
      });
      var count = 0;
      rows.forEach(function (row) {
        var visible = found.indexOf(row) !== -1 && matchesFilters(row, null);
        row.hidden = !visible;
        if (visible) count++;
      });
      shown.textContent = String(count);
      empty.hidden = count !== 0;
      // Each option says how many rules it would show given the search and the other filters.
      selects.forEach(function (select) {
        var filter = select.getAttribute('data-filter');
        var candidates = found.filter(function (row) {
          return matchesFilters(row, filter);
        });
        Array.prototype.forEach.call(select.options, function (option) {
          var n = option.value === ''
            ? candidates.length
            : candidates.filter(function (row) {
                return values(row, filter).indexOf(option.value) !== -1;
              }).length;
          option.textContent = option.getAttribute('data-label') + ' (' + n + ')';
        });
      });
    }

    form.addEventListener('input', update);
    form.addEventListener('change', update);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
    });
    form.addEventListener('reset', function () {
      setTimeout(update, 0);
    });
    update();
  }

  function initMatrix() {
    var toggle = document.getElementById('covered-only');
    if (!toggle) return;
    toggle.addEventListener('change', function () {
      document.body.classList.toggle('covered-only', toggle.checked);
    });
    // Mark the cell whose rules the panel shows, so the selection stays visible.
    function select() {
      Array.prototype.forEach.call(document.querySelectorAll('.matrix .selected'), function (cell) {
        cell.classList.remove('selected');
      });
      var id = location.hash.slice(1);
      if (!id) return;
      var link = document.querySelector('.matrix a[href="#' + id + '"]');
      if (link) link.classList.add('selected');
    }
    window.addEventListener('hashchange', select);
    select();
    // Opening or closing a panel is a jump to its fragment (so it works without script too); keep
    // the matrix where the reader left it instead of scrolling to the fixed panel.
    document.addEventListener('click', function (event) {
      var link = event.target.closest && event.target.closest('.matrix a.cell, .coverage-panel a.close');
      if (!link) return;
      var scroller = document.querySelector('.matrix-scroll');
      var x = window.scrollX;
      var y = window.scrollY;
      var left = scroller ? scroller.scrollLeft : 0;
      requestAnimationFrame(function () {
        window.scrollTo(x, y);
        if (scroller) scroller.scrollLeft = left;
      });
    });
  }

  initRuleIndex();
  initMatrix();
})();
