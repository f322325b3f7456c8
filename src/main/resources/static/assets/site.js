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

// Click-to-load embeds: the body holds a link and the player's URL; the player is
// framed only when the reader asks, so no request reaches the provider before.
(function () {
  'use strict';

  var allowed = ['https://www.youtube-nocookie.com/', 'https://player.vimeo.com/',
    'https://w.soundcloud.com/', 'https://datawrapper.dwcdn.net/'];

  document.querySelectorAll('.article-body').forEach(function (body) {
    var text = function (name, provider) {
      return (body.dataset[name] || '{0}').replace('{0}', provider);
    };
    body.querySelectorAll('figure.embed[data-embed-src]').forEach(function (figure) {
      var src = figure.dataset.embedSrc;
      var provider = figure.dataset.embedProvider || '';
      if (!allowed.some(function (origin) { return src.indexOf(origin) === 0; })) {
        return;
      }
      var facade = document.createElement('div');
      facade.className = 'embed-facade';
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'embed-load';
      button.textContent = text('embedLoad', provider);
      var notice = document.createElement('p');
      notice.className = 'embed-notice';
      notice.textContent = text('embedNotice', provider);
      facade.appendChild(button);
      facade.appendChild(notice);
      figure.insertBefore(facade, figure.firstChild);
      button.addEventListener('click', function () {
        var frame = document.createElement('iframe');
        frame.src = src;
        frame.title = text('embedTitle', provider);
        frame.className = 'embed-frame';
        frame.setAttribute('allow', 'autoplay; encrypted-media; fullscreen; picture-in-picture');
        frame.setAttribute('allowfullscreen', '');
        frame.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
        facade.replaceWith(frame);
        figure.classList.add('embed-loaded');
        frame.focus();
      });
    });
  });
})();

// Type-ahead for search boxes: titles from /search/suggest in a listbox under the box
// (WAI-ARIA 1.2 combobox pattern: arrows move, Enter opens, Escape closes). Without
// this the form simply submits to the search page.
(function () {
  'use strict';

  if (!window.fetch || !window.AbortController) {
    return;
  }
  var WAIT = 150; // ms after the last keystroke: one request a pause, not a key
  var MIN_LENGTH = 2;

  document.querySelectorAll('input[data-suggest]').forEach(function (input) {
    var form = input.form;
    var listbox = document.createElement('ul');
    var status = document.createElement('p');
    var cache = {};
    var items = [];
    var active = -1;
    var timer = null;
    var pending = null;

    listbox.id = input.id + '-suggestions';
    listbox.className = 'suggestions';
    listbox.setAttribute('role', 'listbox');
    listbox.setAttribute('aria-label', input.dataset.suggestLabel);
    listbox.hidden = true;
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    input.insertAdjacentElement('afterend', listbox);
    form.appendChild(status);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-controls', listbox.id);
    input.setAttribute('aria-expanded', 'false');

    function close() {
      listbox.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }

    function choose(index) {
      active = index;
      Array.prototype.forEach.call(listbox.children, function (option, i) {
        option.setAttribute('aria-selected', String(i === index));
      });
      if (index < 0) {
        input.removeAttribute('aria-activedescendant');
      } else {
        input.setAttribute('aria-activedescendant', listbox.children[index].id);
        listbox.children[index].scrollIntoView({ block: 'nearest' });
      }
    }

    function open(url) {
      // Only the site's own paths: never another origin.
      if (url.charAt(0) === '/' && url.charAt(1) !== '/') {
        window.location.assign(url);
      }
    }

    function show(suggestions) {
      items = suggestions;
      listbox.textContent = '';
      suggestions.forEach(function (suggestion, i) {
        var option = document.createElement('li');
        option.id = listbox.id + '-' + i;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        option.setAttribute('dir', 'auto');
        option.textContent = suggestion.title;
        option.addEventListener('mousedown', function (event) {
          event.preventDefault(); // keep the focus in the box
        });
        option.addEventListener('click', function () {
          open(suggestion.url);
        });
        listbox.appendChild(option);
      });
      active = -1;
      input.removeAttribute('aria-activedescendant');
      if (suggestions.length === 0) {
        close();
        status.textContent = '';
        return;
      }
      listbox.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      status.textContent = suggestions.length === 1 ? input.dataset.suggestOne
        : input.dataset.suggestMany.replace('{0}', suggestions.length.toLocaleString());
    }

    function ask() {
      var typed = input.value.trim();
      if (typed.length < MIN_LENGTH) {
        show([]);
        return;
      }
      if (cache[typed]) {
        show(cache[typed]);
        return;
      }
      if (pending) {
        pending.abort();
      }
      pending = new AbortController();
      fetch(input.dataset.suggest + '?q=' + encodeURIComponent(typed), {
        headers: { 'Accept': 'application/json' },
        signal: pending.signal
      }).then(function (response) {
        return response.ok ? response.json() : [];
      }).then(function (suggestions) {
        cache[typed] = suggestions;
        if (input.value.trim() === typed) {
          show(suggestions);
        }
      }).catch(function () {
        // Aborted by a newer keystroke, or offline: the form still works.
      });
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(ask, WAIT);
    });

    input.addEventListener('keydown', function (event) {
      var count = listbox.hidden ? 0 : listbox.children.length;
      if (event.key === 'ArrowDown') {
        if (count === 0) {
          ask();
          return;
        }
        event.preventDefault();
        choose(active + 1 >= count ? 0 : active + 1);
      } else if (event.key === 'ArrowUp' && count > 0) {
        event.preventDefault();
        choose(active <= 0 ? count - 1 : active - 1);
      } else if (event.key === 'Enter' && count > 0 && active >= 0) {
        event.preventDefault();
        open(items[active].url);
      } else if (event.key === 'Escape' && count > 0) {
        event.preventDefault();
        close();
      }
    });

    input.addEventListener('blur', function () {
      close();
    });
  });
})();
