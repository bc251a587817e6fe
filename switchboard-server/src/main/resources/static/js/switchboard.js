// Shared by the feature scripts: CSRF headers, JSON (or FormData) API calls that throw problem details, and a
// small element builder that sets text only as textContent.
window.Switchboard = (() => {
  const csrf = () => {
    const token = document.querySelector('meta[name="_csrf"]');
    const header = document.querySelector('meta[name="_csrf_header"]');
    return token && header && token.content ? { [header.content]: token.content } : {};
  };
  const api = async (method, path, body) => {
    const json = body !== undefined && body !== null && !(body instanceof FormData);
    const response = await fetch(path, {
      method,
      headers: { Accept: 'application/json', ...(json ? { 'Content-Type': 'application/json' } : {}), ...csrf() },
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
  return { csrf, api, el, problemText, picker };
})();

// CSRF for htmx requests, and the utility bar's Webex panel (opens with the button, closes with Esc).
document.addEventListener('htmx:configRequest', (event) => {
  Object.assign(event.detail.headers, window.Switchboard.csrf());
});

document.addEventListener('DOMContentLoaded', () => {
  const toggle = document.getElementById('webex-toggle');
  const panel = document.getElementById('webex-panel');
  if (!toggle || !panel) {
    return;
  }
  const setOpen = (open) => {
    panel.hidden = !open;
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
