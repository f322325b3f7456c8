// The newsletter panel's live figures: polls the send's JSON every 2 s while it is going.
(function () {
  var box = document.querySelector('[data-progress]');
  if (!box || box.getAttribute('data-active') !== 'true') {
    return;
  }
  function poll() {
    fetch(box.getAttribute('data-progress'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (figures) {
        if (!figures) {
          return;
        }
        ['sent', 'failed', 'remaining', 'skipped'].forEach(function (name) {
          var field = box.querySelector('[data-field="' + name + '"]');
          if (field) {
            field.textContent = String(figures[name]);
          }
        });
        if (figures.status === 'queued' || figures.status === 'sending') {
          setTimeout(poll, 2000);
        } else {
          location.reload();
        }
      });
  }
  setTimeout(poll, 2000);
})();
