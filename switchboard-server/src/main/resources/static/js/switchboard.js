// Shared by the feature scripts: CSRF headers, JSON (or FormData) API calls that throw problem details, and a
// small element builder that sets text only as textContent.
window.Switchboard = (() => {
  const csrf = () => {
    const token = document.querySelector('meta[name="_csrf"]');
    const header = document.querySelector('meta[name="_csrf_header"]');
    return token && header && token.content ? { [header.content]: token.content } : {};
  };
  // options.key: an Idempotency-Key, so the server answers a repeat of this request as it answered the first (ADR 0022).
  const api = async (method, path, body, options = {}) => {
    const json = body !== undefined && body !== null && !(body instanceof FormData);
    const response = await fetch(path, {
      method,
      headers: { Accept: 'application/json', ...(json ? { 'Content-Type': 'application/json' } : {}), ...csrf(),
        ...(options.key ? { 'Idempotency-Key': options.key } : {}) },
      body: json ? JSON.stringify(body) : (body || undefined),
      credentials: 'same-origin',
    });
    const text = await response.text();
    let parsed;
    try {
      parsed = text ? JSON.parse(text) : {};
    } catch (e) {
      parsed = { detail: response.statusText };
    }
    if (!response.ok) {
      const error = new Error(parsed.detail || response.statusText);
      error.problem = parsed;
      throw error;
    }
    return parsed;
  };
  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    Object.entries(attrs).forEach(([k, v]) => {
      if (k === 'text') node.textContent = v;
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? '' : v);
    });
    children.flat().forEach((c) => c && node.append(c));
    return node;
  };
  // A problem's field errors ("field: message; …"), else its detail.
  const problemText = (e) => (e.problem && e.problem.errors && e.problem.errors.length
    ? e.problem.errors.map((p) => `${p.field}: ${p.message}`).join('; ') : e.message);
  // A people picker in a form that may arrive later (htmx): type-ahead over searchPath(q) → {results:[{object,id,name,email}]},
  // or a whole email with Enter; the chosen are listed in the form's [data-chosen] with Remove; [data-cancel] drops the form.
  const picker = ({ formId, inputId, resultsId, searchPath, addText }) => {
    const chosen = new Map();
    const render = (form) => {
      form.querySelector('[data-chosen]').replaceChildren(...[...chosen.entries()].map(([key, m]) => el('li', {},
        el('span', { text: m.name ? `${m.name} <${m.email}>` : m.email }),
        el('button', { type: 'button', class: 'link-button', 'aria-label': `Remove ${m.name || m.email}`, text: 'Remove',
          onclick: () => { chosen.delete(key); render(form); } }))));
    };
    const choose = (form, person) => {
      chosen.set(person.email.toLowerCase(), person);
      render(form);
      const input = form.querySelector(`#${inputId}`);
      input.value = '';
      form.querySelector(`#${resultsId}`).replaceChildren();
      input.setAttribute('aria-expanded', 'false');
      input.focus();
    };
    let timer;
    let seq = 0;
    document.addEventListener('input', (event) => {
      if (event.target.id !== inputId) return;
      const form = event.target.closest('form');
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const q = event.target.value.trim();
        const mine = ++seq;
        const results = form.querySelector(`#${resultsId}`);
        if (!q) { results.replaceChildren(); return; }
        try {
          const found = (await api('GET', searchPath(q))).results;
          if (mine !== seq) return;
          results.replaceChildren(...found.map((m) => el('li', { role: 'option', class: 'result' },
            el('span', { class: 'name', text: m.name || m.email }), el('span', { class: 'muted', text: ` ${m.object} · ${m.email}` }),
            el('button', { type: 'button', class: 'button small', text: addText, onclick: () => choose(form, m) }))));
          if (!found.length) results.append(el('li', { class: 'muted', text: 'Nobody found; type a whole email and press Enter' }));
          event.target.setAttribute('aria-expanded', String(found.length > 0));
        } catch (e) {
          form.querySelector('.form-errors').textContent = problemText(e);
        }
      }, 150);
    });
    document.addEventListener('keydown', (event) => {
      if (event.target.id !== inputId || event.key !== 'Enter') return;
      event.preventDefault();
      const email = event.target.value.trim();
      if (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) choose(event.target.closest('form'), { email });
    });
    document.addEventListener('click', (event) => {
      if (event.target.matches(`#${formId} [data-cancel]`)) {
        chosen.clear();
        event.target.closest('form').remove();
      }
    });
    return { chosen, render };
  };
  // A button that acts runs its action once at a time: disabled at the first click (a double click's second click finds it
  // disabled), with an Idempotency-Key kept for the action until the server has answered, so trying again after a lost
  // answer is answered as the first attempt was instead of acting twice.
  const keys = new WeakMap();
  const newKey = () => (window.crypto && crypto.randomUUID ? crypto.randomUUID()
    : [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join(''));
  const once = async (button, action) => {
    if (!button) return action(newKey());
    if (button.disabled) return undefined;
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    const key = keys.get(button) || newKey();
    keys.set(button, key);
    try {
      const result = await action(key);
      keys.delete(button);
      return result;
    } catch (e) {
      if (e.problem) keys.delete(button); // answered: a new attempt is a new request
      throw e;
    } finally {
      button.disabled = false;
      button.removeAttribute('aria-busy');
    }
  };
  return { csrf, api, el, problemText, picker, once };
})();

// CSRF for htmx requests, and the utility bar's Webex panel (opens with the button, closes with Esc).
document.addEventListener('htmx:configRequest', (event) => {
  Object.assign(event.detail.headers, window.Switchboard.csrf());
});

// Deferred scripts run once the document is parsed: set up at once, so the panel listens before any feature script's
// live events can ask it to open.
const switchboardReady = (setup) => (document.readyState === 'loading' ? document.addEventListener('DOMContentLoaded', setup) : setup());
switchboardReady(() => {
  // Times the server rendered as ISO instants, shown in the reader's locale and time zone.
  document.querySelectorAll('time[data-local-time]').forEach((t) => {
    const date = new Date(t.getAttribute('datetime'));
    if (!isNaN(date)) t.textContent = date.toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
  });
  const toggle = document.getElementById('webex-toggle');
  const panel = document.getElementById('webex-panel');
  if (!toggle || !panel) {
    return;
  }
  const setOpen = (open) => {
    panel.hidden = !open;
    document.body.classList.toggle('webex-panel-open', open);
    toggle.setAttribute('aria-expanded', String(open));
    if (open) {
      panel.focus();
    } else {
      toggle.focus();
    }
  };
  toggle.addEventListener('click', () => setOpen(panel.hidden));
  // Features open the panel when something needs the user (a record action's choices, a ringing call).
  document.addEventListener('webex:open-panel', () => { if (panel.hidden) { setOpen(true); } });
  document.body.addEventListener('htmx:afterSwap', (event) => {
    if (event.detail.target && event.detail.target.id === 'webex-panel-action') {
      setOpen(true);
    }
  });
  panel.querySelector('[data-close-panel]')?.addEventListener('click', () => setOpen(false));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !panel.hidden) {
      setOpen(false);
    }
  });
});

// Forms of the page (not the Webex panel's) holding input not saved yet: a screen pop must not navigate away from them.
(() => {
  const dirty = new Set();
  const pageForm = (target) => {
    const form = target && target.closest ? target.closest('form') : null;
    return form && !form.closest('#webex-panel') && (form.getAttribute('method') || 'get').toLowerCase() === 'post' ? form : null;
  };
  document.addEventListener('input', (event) => { const form = pageForm(event.target); if (form) dirty.add(form); });
  document.addEventListener('change', (event) => { const form = pageForm(event.target); if (form) dirty.add(form); });
  document.addEventListener('submit', (event) => dirty.delete(event.target));
  window.Switchboard.unsavedInput = () => [...dirty].some((form) => form.isConnected);
})();
