// Progressive enhancements of readers' pages; everything works without them.
(function () {
  'use strict';

  // Like without leaving the page; the form still posts normally if this fails.
  document.querySelectorAll('form.like').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (!window.fetch) {
        return;
      }
      event.preventDefault();
      var button = form.querySelector('button');
      button.disabled = true;
      fetch(form.action, {
        method: 'POST',
        body: new FormData(form),
        headers: { 'Accept': 'application/json' },
        credentials: 'same-origin'
      }).then(function (response) {
        if (!response.ok) {
          throw new Error('like refused: ' + response.status);
        }
        return response.json();
      }).then(function (state) {
        form.querySelector('.like-count').textContent =
          state.count === 0 ? form.dataset.none : state.count === 1 ? form.dataset.one
            : form.dataset.many.replace('{0}', state.count.toLocaleString());
        button.setAttribute('aria-pressed', String(state.liked));
        button.textContent = state.liked ? form.dataset.liked : button.textContent;
        button.disabled = false;
      }).catch(function () {
        form.submit();
      });
    });
  });

  // Phones show the sections on one scrolling line: bring the current one into view.
  // (Only the list scrolls: the page stays where it is, at an anchor too.)
  var current = document.querySelector('.sections [aria-current]');
  var list = current && current.closest('ul');
  if (list && list.scrollWidth > list.clientWidth) {
    var link = current.getBoundingClientRect();
    var box = list.getBoundingClientRect();
    list.scrollLeft += (link.left + link.right) / 2 - (box.left + box.right) / 2;
  }

  // The device's own share sheet (Web Share API), where the browser has one.
  document.querySelectorAll('button.web-share').forEach(function (button) {
    if (!navigator.share) {
      return;
    }
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.share({ title: button.dataset.title, url: button.dataset.url }).catch(function () {
        // The reader closed the share sheet: nothing to do.
      });
    });
  });
})();
