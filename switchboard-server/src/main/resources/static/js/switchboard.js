// CSRF for htmx requests, and the utility bar's Webex panel (opens with the button, closes with Esc).
document.addEventListener('htmx:configRequest', (event) => {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header && token.content) {
    event.detail.headers[header.content] = token.content;
  }
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
