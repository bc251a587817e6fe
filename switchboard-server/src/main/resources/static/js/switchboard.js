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
  return { csrf, api, el };
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
