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
