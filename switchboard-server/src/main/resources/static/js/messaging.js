// Webex messaging in the browser: the record's spaces component, the "Create a space" form, and chat in the
// Webex panel. New messages arrive on the SSE stream /api/messaging/events. Text from the CRM or Webex is only
// set with textContent; the one exception is a message's `html`, which the server renders from markdown with
// every tag and unsafe link escaped (MessageHtml).
(() => {
  if (window.switchboardMessaging) {
    return;
  }
  window.switchboardMessaging = true;

  const { api, el, problemText, once } = window.Switchboard;
  const when = (iso) => {
    const date = iso ? new Date(iso) : null;
    return date && !isNaN(date) ? date.toLocaleString([], { dateStyle: 'short', timeStyle: 'short' }) : '';
  };

  // --- A conversation: messages (newest at the bottom), "Load earlier", and the composer ---
  const conversations = new Set();

  const messageNode = (m) => {
    const body = el('div', { class: 'message-body' });
    body.innerHTML = m.html; // rendered and escaped on the server
    const files = (m.files || []).map(attachment);
    return el('li', { class: 'message', 'data-message-id': m.id },
      el('div', { class: 'message-meta' }, el('span', { class: 'who', title: m.personEmail || '', text: m.personName || m.personEmail || 'Someone' }),
        el('time', { datetime: m.created || '', text: when(m.created) })),
      body, files.length ? el('div', { class: 'attachments' }, files) : null);
  };

  // An attachment shows its file name (from the download's Content-Disposition) and, for an image, a preview.
  const fileName = (response) => {
    const header = response.headers.get('Content-Disposition') || '';
    const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
    const plain = /filename="?([^";]+)"?/i.exec(header);
    try {
      return star ? decodeURIComponent(star[1]) : plain ? plain[1] : null;
    } catch (e) {
      return plain ? plain[1] : null;
    }
  };
  const attachment = (f) => {
    const label = el('span', { class: 'file-name', text: `Attachment ${f.index + 1}` });
    const link = el('a', { href: f.url, download: '', class: 'attachment', 'data-testid': 'attachment' }, label);
    fetch(f.url, { credentials: 'same-origin' }).then(async (response) => {
      if (!response.ok) return;
      const name = fileName(response);
      if (name) {
        label.textContent = name;
        link.setAttribute('download', name);
      }
      const type = (response.headers.get('Content-Type') || '').toLowerCase();
      if (type.startsWith('image/') && !type.includes('svg')) {
        const image = el('img', { alt: name ? `Preview of ${name}` : 'Image preview', src: URL.createObjectURL(await response.blob()) });
        link.prepend(image);
      }
    }).catch(() => {});
    return link;
  };

  const openConversation = (root, base, roomId) => {
    conversations.forEach((c) => { if (c.root === root) conversations.delete(c); });
    const list = el('ol', { class: 'messages', 'aria-live': 'polite', 'data-testid': 'messages' });
    const earlier = el('button', { type: 'button', class: 'link-button', hidden: true, text: 'Load earlier messages' });
    const notice = el('p', { class: 'notice', role: 'status', hidden: true });
    const text = el('textarea', { name: 'markdown', rows: '2', 'aria-label': 'Message (markdown)',
      placeholder: 'Write a message (markdown) · Enter sends, Shift+Enter for a new line' });
    const file = el('input', { type: 'file', name: 'file', 'aria-label': 'Attach a file' });
    const send = el('button', { type: 'submit', class: 'primary', text: 'Send' });
    const composer = el('form', { class: 'composer stack', 'data-testid': 'composer' }, text, el('div', { class: 'row' }, file, send));
    root.replaceChildren(notice, earlier, list, composer);
    root.hidden = false;

    const seen = new Set();
    let before = null;
    const show = (message) => { notice.textContent = message || ''; notice.hidden = !message; };
    const add = (m, atTop) => {
      if (seen.has(m.id)) return;
      seen.add(m.id);
      if (atTop) list.prepend(messageNode(m)); else list.append(messageNode(m));
    };
    const load = async () => {
      try {
        const page = await api('GET', `${base}/messages?max=20${before ? `&before=${encodeURIComponent(before)}` : ''}`);
        const first = !before;
        page.messages.forEach((m) => add(m, true));
        before = page.before;
        earlier.hidden = !before;
        if (first) list.scrollTop = list.scrollHeight;
      } catch (e) {
        show(problemText(e));
      }
    };
    earlier.addEventListener('click', load);
    // Enter sends, Shift+Enter is a new line (and Enter while an input method composes a character does neither).
    text.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        composer.requestSubmit();
      }
    });
    composer.addEventListener('submit', (event) => {
      event.preventDefault();
      once(send, (key) => sendMessage(key));
    });
    const sendMessage = async (key) => {
      show('');
      const chosen = file.files[0];
      if (!chosen && !text.value.trim()) {
        show('Write a message or choose a file.');
        return;
      }
      let body = { markdown: text.value };
      if (chosen) {
        body = new FormData();
        body.append('file', chosen);
        if (text.value.trim()) body.append('markdown', text.value);
      }
      try {
        add(await api('POST', `${base}/messages`, body, { key }), false);
        text.value = '';
        file.value = '';
        list.scrollTop = list.scrollHeight;
      } catch (e) {
        show(problemText(e));
      }
    };
    const conversation = { root, roomId, add: (m) => add(m, false) };
    conversations.add(conversation);
    load();
    return conversation;
  };

  // --- The record's spaces component ---
  const component = document.getElementById('record-spaces');
  if (component) {
    const spaceList = component.querySelector('[data-space-list]');
    const view = component.querySelector('[data-conversation]');
    const select = (button) => {
      spaceList.querySelectorAll('[aria-current]').forEach((b) => b.removeAttribute('aria-current'));
      button.setAttribute('aria-current', 'true');
      openConversation(view, `/api/spaces/${encodeURIComponent(button.dataset.spaceId)}`, button.dataset.roomId);
    };
    spaceList.addEventListener('click', (event) => {
      const button = event.target.closest('[data-space-id]');
      if (button) select(button);
    });
    document.addEventListener('messaging:space-created', (event) => {
      const space = event.detail;
      if (space.object !== component.dataset.object || space.recordId !== component.dataset.recordId) return;
      component.querySelector('[data-empty]')?.remove();
      const button = el('button', { type: 'button', class: 'link-button', 'data-space-id': space.spaceId, 'data-room-id': space.roomId, text: space.title });
      spaceList.append(el('li', {}, button));
      select(button);
    });
    const first = spaceList.querySelector('[data-space-id]');
    if (first) select(first);
  }

  // --- "Create a space" (the form arrives in the Webex panel through htmx) ---
  const { chosen, render: renderChosen } = window.Switchboard.picker({ formId: 'create-space', inputId: 'space-member-search',
    resultsId: 'space-member-results', searchPath: (q) => `/api/messaging/members?q=${encodeURIComponent(q)}`, addText: 'Add' });
  document.addEventListener('submit', async (event) => {
    const form = event.target;
    if (form.id !== 'create-space') return;
    event.preventDefault();
    const errors = form.querySelector('.form-errors');
    errors.textContent = '';
    const members = [...chosen.values()].map((m) => (m.object ? { object: m.object, id: m.id } : { email: m.email }));
    // Once created, the form closes; what happened stays in the panel (and who could not be added, if anyone).
    once(form.querySelector('button[type=submit]'), async (key) => {
      try {
        const space = await api('POST', `/api/records/${encodeURIComponent(form.dataset.object)}/${encodeURIComponent(form.dataset.recordId)}/spaces`,
          { title: form.querySelector('[name=title]').value, members }, { key });
        chosen.clear();
        const summary = el('div', { class: 'space-result', role: 'status', 'data-testid': 'space-created' },
          el('p', { text: `Space "${space.title}" created with ${space.added.length} ${space.added.length === 1 ? 'person' : 'people'} added.` }),
          ...(space.notAdded.length ? [el('div', { class: 'notice', 'data-testid': 'not-added' }, el('p', { text: 'Not added:' }),
            el('ul', {}, space.notAdded.map((n) => el('li', { text: `${n.name || n.email}: ${n.reason}` }))))] : []));
        form.replaceWith(summary);
        document.dispatchEvent(new CustomEvent('messaging:space-created', { detail: space }));
      } catch (e) {
        errors.textContent = problemText(e);
      }
    });
  });

  // --- Chat in the Webex panel ---
  const chat = document.getElementById('chat');
  if (chat) {
    const roomsView = chat.querySelector('[data-rooms-view]');
    const chatView = chat.querySelector('[data-chat-view]');
    const roomList = chat.querySelector('[data-room-list]');
    const notice = chat.querySelector('[data-chat-notice]');
    const loadRooms = async () => {
      try {
        const { rooms } = await api('GET', '/api/messaging/rooms');
        notice.hidden = true;
        roomList.replaceChildren(...rooms.map((r) => el('li', { 'data-room-id': r.roomId },
          el('button', { type: 'button', class: 'link-button', text: r.title || 'Untitled',
            onclick: () => openRoom(r) }), el('span', { class: 'muted', text: r.type === 'direct' ? 'direct' : 'space' }))));
        if (!rooms.length) roomList.append(el('li', { class: 'muted', text: 'No spaces or conversations yet.' }));
      } catch (e) {
        notice.textContent = problemText(e);
        notice.hidden = false;
      }
    };
    const openRoom = (room) => {
      roomsView.hidden = true;
      chatView.hidden = false;
      chat.querySelector('[data-chat-title]').textContent = room.title || 'Untitled';
      roomList.querySelector(`[data-room-id="${CSS.escape(room.roomId)}"]`)?.classList.remove('unread');
      openConversation(chat.querySelector('[data-conversation]'), `/api/messaging/rooms/${encodeURIComponent(room.roomId)}`, room.roomId);
    };
    chat.querySelector('[data-back]').addEventListener('click', () => {
      chatView.hidden = true;
      roomsView.hidden = false;
      conversations.forEach((c) => { if (chat.contains(c.root)) conversations.delete(c); });
      loadRooms();
    });
    chat.querySelector('[data-load-rooms]').addEventListener('click', loadRooms);
    document.addEventListener('messaging:message', (event) => {
      const item = roomList.querySelector(`[data-room-id="${CSS.escape(event.detail.roomId)}"]`);
      if (item) { item.classList.add('unread'); roomList.prepend(item); } else if (loaded && !roomsView.hidden) loadRooms();
    });
    let loaded = false;
    document.addEventListener('messaging:space-created', () => { if (loaded) loadRooms(); });
    // Webex is asked for the rooms only once the Webex panel is first opened.
    const panel = document.getElementById('webex-panel');
    const loadOnce = () => {
      if (!loaded && panel && !panel.hidden) {
        loaded = true;
        loadRooms();
      }
    };
    if (panel) new MutationObserver(loadOnce).observe(panel, { attributes: true, attributeFilter: ['hidden'] });
    loadOnce();
  }

  // --- Live: one stream for the page ---
  if (component || chat) {
    const stream = new EventSource('/api/messaging/events');
    stream.addEventListener('message', (event) => {
      const message = JSON.parse(event.data);
      conversations.forEach((c) => { if (c.roomId === message.roomId) c.add(message); });
      document.dispatchEvent(new CustomEvent('messaging:message', { detail: message }));
    });
  }
})();
