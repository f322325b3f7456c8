// The article form, enhanced (texts come from the page, which takes them from messages.properties): word count and reading time, live Markdown preview, autosave of
// drafts every 30 seconds. Without JavaScript the form works as it is.
(() => {
  const form = document.querySelector('form.article-form');
  const body = form && form.querySelector('#body');
  if (!body) {
    return;
  }
  const csrf = document.querySelector('meta[name="_csrf"]').content;
  const csrfHeader = document.querySelector('meta[name="_csrf_header"]').content;
  const counter = document.getElementById('word-count');
  const preview = document.getElementById('live-preview');
  const status = document.getElementById('autosave-status');
  const wordsPerMinute = 230;

  const countWords = () => {
    const words = (body.value.trim().match(/\S+/gu) || []).length;
    counter.textContent = counter.dataset.template.replace('{words}', words)
      .replace('{minutes}', Math.max(1, Math.ceil(words / wordsPerMinute)));
  };

  let previewTimer;
  const renderPreview = async () => {
    const response = await fetch('/newsroom/markdown', {
      method: 'POST',
      headers: { [csrfHeader]: csrf, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ markdown: body.value }),
    });
    if (response.ok) {
      // Rendered and sanitized by the server, exactly as readers will get it.
      preview.innerHTML = await response.text();
    }
  };

  body.addEventListener('input', () => {
    countWords();
    clearTimeout(previewTimer);
    previewTimer = setTimeout(renderPreview, 400);
  });

  let dirty = false;
  form.addEventListener('input', () => { dirty = true; });
  if (form.dataset.autosave === 'true') {
    setInterval(async () => {
      if (!dirty) {
        return;
      }
      dirty = false;
      // Not following redirects: a session that ended answers with one to the sign-in page.
      const response = await fetch(form.action + '/autosave', {
        method: 'POST',
        redirect: 'manual',
        headers: { [csrfHeader]: csrf },
        body: new URLSearchParams(new FormData(form)),
      });
      if (response.status === 204) {
        status.textContent = `${status.dataset.saved} ${new Date().toLocaleTimeString()}`;
      } else {
        dirty = true;
        status.textContent = response.type === 'opaqueredirect' ? '' : await response.text();
      }
    }, 30000);
  }

  countWords();
  renderPreview();
})();
