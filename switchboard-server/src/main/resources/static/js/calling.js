// The Webex panel's phone: dialer type-ahead, the ringing/active call, the call log window, drafts and history.
// Every call state arrives on the SSE stream /api/calling/events; every action goes through /api/calling.
// Text from the CRM or Webex is only ever set with textContent, never parsed as HTML.
(() => {
  const root = document.getElementById('calling');
  if (!root || root.dataset.ready) {
    return;
  }
  root.dataset.ready = 'true';
  const $ = (id) => document.getElementById(id);
  const calls = new Map();
  let profile = { historyEnabled: false, callLogs: {} };
  let loggingCallId = null;

  const api = (method, path, body, options) => window.Switchboard.api(method, '/api/calling' + path, body, options);
  const { el, once } = window.Switchboard;
  const notice = (message) => {
    const box = $('call-notice');
    box.textContent = message || '';
    box.hidden = !message;
  };
  const openPanel = () => document.dispatchEvent(new CustomEvent('webex:open-panel'));
  const party = (call) => call.privacyEnabled ? 'Withheld number'
    : (call.remoteName || (call.matches[0] && call.matches[0].name) || call.remoteNumber || 'Unknown');
  const duration = (seconds) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  const recordPath = (m) => `/records/${encodeURIComponent(m.object)}/${encodeURIComponent(m.id)}`;
  const recordLink = (m) => el('a', { href: recordPath(m), text: `${m.name} (${m.object})` });
  // "Why this record": the field and the number in it that matched the caller's number.
  const why = (m) => (m.field ? el('p', { class: 'muted why', 'data-testid': 'call-why',
    text: `Why this record: its ${m.field} field holds ${m.number || 'this number'}` }) : null);

  // --- Dialling ---
  // One call per click: the button is disabled until Webex answered, and the request carries an Idempotency-Key.
  const dial = (body, button) => once(button, async (key) => {
    notice('');
    try {
      const call = await api('POST', '/calls', body, { key });
      show(call);
      if (call.extensionNotDialled) {
        notice(`Extension ${call.extensionNotDialled} is not dialled: key it in on your phone once the call connects.`);
      }
    } catch (e) {
      notice(e.message);
    }
  });
  document.addEventListener('click', (event) => {
    const button = event.target.closest('[data-dial]');
    if (button) {
      dial({ object: button.dataset.object, id: button.dataset.id, phoneField: button.dataset.field }, button);
    }
  });
  $('dialer').addEventListener('submit', (event) => {
    event.preventDefault();
    const text = $('dialer-input').value.trim();
    if (text) {
      dial({ to: text }, $('dialer').querySelector('button[type=submit]'));
    }
  });

  let searchTimer;
  let searchSeq = 0;
  $('dialer-input').addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(async () => {
      const q = $('dialer-input').value.trim();
      const seq = ++searchSeq;
      const list = $('dialer-results');
      if (!q) {
        list.replaceChildren();
        $('dialer-input').setAttribute('aria-expanded', 'false');
        return;
      }
      try {
        const { results } = await api('GET', '/search?q=' + encodeURIComponent(q));
        if (seq !== searchSeq) return;
        list.replaceChildren(...results.map((r) => el('li', { role: 'option', class: 'result' },
          el('span', { class: 'name', text: r.name }), el('span', { class: 'muted', text: ` ${r.object}` }),
          r.phone ? el('button', { type: 'button', class: 'button small', 'data-dial': true, 'data-object': r.object,
            'data-id': r.id, 'data-field': r.phoneField, text: `Call ${r.phone}` })
            : el('span', { class: 'muted', text: ' no number' }))));
        if (!results.length) list.append(el('li', { class: 'muted', text: 'No contact or lead found' }));
        $('dialer-input').setAttribute('aria-expanded', String(results.length > 0));
      } catch (e) {
        notice(e.message);
      }
    }, 150);
  });

  // --- The current call ---
  const control = (call, action, button) => once(button, (key) => api('POST', `/calls/${call.callId}/${action}`, undefined, { key }))
    .catch((e) => notice(e.message));
  let timer;
  const renderCurrent = () => {
    const box = $('call-current');
    const live = [...calls.values()].filter((c) => c.state !== 'disconnected');
    clearInterval(timer);
    if (!live.length) {
      box.hidden = true;
      box.replaceChildren();
      return;
    }
    const call = live[live.length - 1];
    const ringing = call.direction === 'inbound' && call.state === 'alerting';
    const status = el('p', { class: 'call-state', 'data-testid': 'call-state' });
    const tick = () => {
      const since = call.answeredAt ? Math.max(0, Math.round((Date.now() - Date.parse(call.answeredAt)) / 1000)) : null;
      status.textContent = ringing ? 'Incoming call' : call.state === 'held' ? 'On hold'
        : since === null ? 'Calling…' : `Connected ${duration(since)}`;
    };
    tick();
    timer = setInterval(tick, 1000);
    // The headline is the CRM record the number matched; Webex's caller name is the second line.
    const one = call.matches.length === 1 ? call.matches[0] : null;
    const who = el('p', { class: 'call-party', 'data-testid': 'call-party' },
      one ? el('a', { href: recordPath(one), text: one.name }) : party(call));
    const webexName = one && call.remoteName && call.remoteName !== one.name
      ? el('p', { class: 'call-webex-name', 'data-testid': 'call-webex-name', text: `Webex: ${call.remoteName}` }) : null;
    const number = el('p', { class: 'muted', text: call.privacyEnabled ? 'The caller withheld their number'
      : [one ? one.object : '', call.remoteNumber || ''].filter(Boolean).join(' · ') });
    const matches = call.matches.length > 1 ? el('div', {}, el('p', { text: 'Several records have this number:' }),
      el('ul', { class: 'plain' }, call.matches.map((m) => el('li', {}, recordLink(m), why(m)))))
      : one ? el('div', {}, why(one), popNotice(call))
        : (call.direction === 'inbound' && !call.privacyEnabled && call.remoteNumber)
          ? el('p', {}, 'No record has this number. ',
            el('a', { href: `/records/Lead/new?Phone=${encodeURIComponent(call.remoteNumber)}`, text: 'New lead' }), ' · ',
            el('a', { href: `/records/Contact/new?Phone=${encodeURIComponent(call.remoteNumber)}`, text: 'New contact' }))
          : null;
    const buttons = el('div', { class: 'row' },
      ringing ? el('button', { type: 'button', class: 'primary', text: 'Answer', onclick: (e) => control(call, 'answer', e.currentTarget) }) : null,
      call.state === 'connected' ? el('button', { type: 'button', text: 'Hold', onclick: (e) => control(call, 'hold', e.currentTarget) }) : null,
      call.state === 'held' ? el('button', { type: 'button', text: 'Resume', onclick: (e) => control(call, 'resume', e.currentTarget) }) : null,
      el('button', { type: 'button', class: 'danger', text: ringing ? 'Decline' : 'End call', onclick: (e) => control(call, 'hangup', e.currentTarget) }));
    box.replaceChildren(status, who, webexName || '', number, matches || '', buttons);
    box.hidden = false;
  };

  // One match opens the caller's record once per call (the stream replays a ringing call after the page changes),
  // unless the page holds input not saved yet: then the pop stays in the panel, with the record one click away.
  const held = new Set();
  const popNotice = (call) => (held.has(call.callId) ? el('p', { class: 'notice', 'data-testid': 'pop-held' },
    'Your unsaved changes on this page are kept. ', el('a', { href: recordPath(call.matches[0]), text: 'Open the record' }),
    ' (this page will be left).') : null);
  const screenPop = (call) => {
    if (call.direction !== 'inbound' || call.matches.length !== 1) return;
    const key = 'switchboard.popped.' + call.callId;
    if (sessionStorage.getItem(key)) return;
    sessionStorage.setItem(key, '1');
    const path = recordPath(call.matches[0]);
    if (location.pathname === path) return;
    if (window.Switchboard.unsavedInput && window.Switchboard.unsavedInput()) {
      held.add(call.callId);
      return;
    }
    location.assign(path);
  };

  const show = (call) => {
    calls.set(call.callId, call);
    if (call.state !== 'disconnected') {
      openPanel();
      if (call.state === 'alerting') screenPop(call);
    } else {
      calls.delete(call.callId);
      if (call.log === 'draft' && !loggingCallId) openLog(call);
      if (call.log !== 'draft' && loggingCallId === call.callId) closeLog();
      loadDrafts();
    }
    renderCurrent();
  };

  // --- The call log window ---
  const field = (label, input) => el('div', { class: 'field' }, el('label', { for: input.id, text: label }), input,
    el('p', { class: 'field-error', 'data-error-for': input.name, hidden: true }));
  const closeLog = () => {
    loggingCallId = null;
    $('call-log').hidden = true;
    $('call-log').replaceChildren();
  };
  const option = (m) => el('option', { value: m.id, text: `${m.name} (${m.object})` });
  const openLog = async (call) => {
    loggingCallId = call.callId;
    openPanel();
    const form = $('call-log');
    let suggestions = { who: call.matches, what: [], relatedObjects: [] };
    try {
      suggestions = await api('GET', `/calls/${call.callId}/suggestions`);
    } catch (e) {
      notice(e.message);
    }
    // Every record offered, by id, so "More details" knows its object.
    const known = new Map([...suggestions.who, ...suggestions.what].map((m) => [m.id, m]));
    const who = el('select', { id: 'log-who', name: 'whoId' }, el('option', { value: '', text: '— nobody —' }),
      suggestions.who.map(option));
    if (call.whoId || suggestions.who.length === 1) who.value = call.whoId || suggestions.who[0].id;
    // "Who" is searchable: contacts and leads by name or number, added to the choices (the first found is chosen).
    const whoSearch = el('input', { id: 'log-who-search', type: 'search', autocomplete: 'off', 'aria-label': 'Find a contact or lead',
      placeholder: 'Find a contact or lead by name or number' });
    let whoTimer;
    whoSearch.addEventListener('input', () => {
      clearTimeout(whoTimer);
      whoTimer = setTimeout(async () => {
        const q = whoSearch.value.trim();
        if (!q) return;
        try {
          const { results } = await api('GET', '/search?q=' + encodeURIComponent(q));
          const fresh = results.filter((r) => !known.has(r.id));
          fresh.forEach((r) => known.set(r.id, r));
          who.querySelectorAll('option[data-found]').forEach((o) => { if (o.value !== who.value) o.remove(); });
          fresh.forEach((r) => who.append(el('option', { value: r.id, 'data-found': true, text: `${r.name} (${r.object})` })));
          if (results.length) who.value = results[0].id;
        } catch (e) {
          notice(e.message);
        }
      }, 200);
    });
    const what = el('select', { id: 'log-what', name: 'whatId' }, el('option', { value: '', text: '— nothing —' }),
      suggestions.what.map(option));
    const whatOther = el('input', { id: 'log-what-id', name: 'whatIdOther', placeholder: `Or paste the id of a ${suggestions.relatedObjects.join(', ')}` });
    const details = el('div', { class: 'details-tab', hidden: true, 'data-testid': 'call-details' });
    const detailsButton = el('button', { type: 'button', class: 'link-button', text: 'More details', onclick: async () => {
      const id = whatOther.value.trim() || what.value || who.value;
      const object = known.get(id)?.object;
      details.hidden = false;
      if (!id || !object) {
        details.replaceChildren(el('p', { class: 'muted', text: 'Choose a record first.' }));
        return;
      }
      try {
        const d = await api('GET', `/details/${encodeURIComponent(object)}/${encodeURIComponent(id)}`);
        details.replaceChildren(el('h4', { text: d.name }),
          el('dl', {}, d.fields.flatMap((f) => [el('dt', { text: f.label }), el('dd', { text: f.value ?? '—' })])));
      } catch (e) {
        details.replaceChildren(el('p', { class: 'muted', text: e.message }));
      }
    } });
    form.replaceChildren(
      el('h3', { text: `Log the call ${call.direction === 'inbound' ? 'from' : 'to'} ${party(call)}` }),
      el('p', { class: 'muted', 'data-testid': 'log-duration', text: `Duration ${duration(call.durationSeconds)}` }),
      field('Subject', el('input', { id: 'log-subject', name: 'subject', maxlength: 255, value: `Call ${call.direction === 'inbound' ? 'from' : 'to'} ${party(call)}` })),
      field('Notes', el('textarea', { id: 'log-notes', name: 'notes', rows: 3 })),
      field('Disposition', el('input', { id: 'log-disposition', name: 'disposition', list: 'dispositions', maxlength: 255 })),
      el('datalist', { id: 'dispositions' }, ['Connected', 'Left voicemail', 'No answer', 'Wrong number', 'Resolved'].map((d) => el('option', { value: d }))),
      field('Name (who)', who), whoSearch,
      field(`Related to (${suggestions.relatedObjects.join(', ') || 'nothing enabled'})`, what),
      whatOther, detailsButton, details,
      el('div', { class: 'row' }, el('button', { type: 'submit', class: 'primary', text: 'Save log' }),
        el('button', { type: 'button', text: 'Not now', onclick: closeLog }),
        el('button', { type: 'button', class: 'link-button', text: 'Dismiss', onclick: async () => {
          await api('DELETE', `/drafts/${call.callId}`).catch((e) => notice(e.message));
          closeLog();
          loadDrafts();
        } })));
    form.onsubmit = (event) => {
      event.preventDefault();
      once(form.querySelector('button[type=submit]'), (key) => saveLog(key));
    };
    const saveLog = async (key) => {
      form.querySelectorAll('[data-error-for]').forEach((p) => { p.hidden = true; });
      const body = { subject: $('log-subject').value, notes: $('log-notes').value, disposition: $('log-disposition').value,
        whoId: who.value, whatId: whatOther.value.trim() || what.value || null };
      try {
        const { taskId } = await api('POST', `/calls/${call.callId}/log`, body, { key });
        closeLog();
        notice('');
        $('call-notice').replaceChildren('Call logged. ', el('a', { href: `/records/Task/${taskId}`, text: 'Open the task' }));
        $('call-notice').hidden = false;
        loadDrafts();
        refreshRelatedListsShowing(body.whoId, body.whatId);
      } catch (e) {
        const errors = (e.problem && e.problem.errors) || [];
        errors.forEach((p) => {
          const target = form.querySelector(`[data-error-for="${p.field}"]`);
          if (target) {
            target.textContent = p.message;
            target.hidden = false;
          }
        });
        notice(e.message);
      }
    };
    form.hidden = false;
  };

  // --- Drafts: ended calls whose log is still to write ---
  const loadDrafts = async () => {
    try {
      const { drafts } = await api('GET', '/drafts');
      const box = $('call-drafts');
      box.replaceChildren(drafts.length ? el('h3', { text: `Calls to log (${drafts.length})` }) : '',
        el('ul', { class: 'plain' }, drafts.map((d) => el('li', {},
          el('button', { type: 'button', class: 'link-button', text: `${d.direction === 'inbound' ? 'From' : 'To'} ${party(d)} · ${new Date(d.startedAt).toLocaleString()}`,
            onclick: () => openLog(d) })))));
    } catch (e) {
      notice(e.message);
    }
  };

  // --- History ---
  const loadHistory = async () => {
    const list = $('call-history');
    try {
      const { calls: history } = await api('GET', '/history');
      // A number the CRM knows shows its record's name (linked); Webex's name or the number otherwise.
      list.replaceChildren(...history.map((h) => el('li', { class: `result history-${h.type}`, 'data-testid': 'history-entry' },
        el('span', { class: 'muted call-type', text: `${h.type} ` }),
        el('span', { class: 'history-party' }, h.privacyEnabled ? 'Withheld number'
          : h.record ? el('a', { href: recordPath(h.record), text: h.record.name }) : (h.name || h.number || 'Unknown'),
        h.record && h.number ? el('span', { class: 'muted', text: ` ${h.number}` }) : null),
        el('span', { class: 'muted', text: ` ${h.time ? new Date(h.time).toLocaleString() : ''}` }),
        h.number ? el('button', { type: 'button', class: 'button small', text: 'Call back', onclick: (e) => dial({ to: h.number }, e.currentTarget) }) : null)));
      if (!history.length) list.append(el('li', { class: 'muted', text: 'No recent calls' }));
    } catch (e) {
      list.replaceChildren(el('li', { class: 'muted', text: e.message }));
    }
  };
  root.querySelectorAll('[role="tab"]').forEach((tab) => tab.addEventListener('click', () => {
    root.querySelectorAll('[role="tab"]').forEach((t) => {
      const selected = t === tab;
      t.setAttribute('aria-selected', String(selected));
      $('pane-' + t.dataset.tab).hidden = !selected;
    });
    if (tab.dataset.tab === 'history') loadHistory();
  }));

  // --- The home page's "My calls to log": each opens its log window here ---
  document.addEventListener('click', async (event) => {
    const button = event.target.closest('[data-log-call]');
    if (!button) return;
    try {
      openLog(await api('GET', `/calls/${encodeURIComponent(button.dataset.logCall)}`));
    } catch (e) {
      notice(e.message);
      openPanel();
    }
  });

  // --- Start ---
  api('GET', '/profile').then((p) => {
    profile = p;
    $('tab-history').hidden = !profile.historyEnabled;
    if (!profile.linked) notice('Your user is not linked to Webex yet, so calls cannot be placed or received here.');
  }).catch(() => {});
  loadDrafts();
  // The record page behind the panel shows the new Task in its related lists without a reload.
  function refreshRelatedListsShowing(...ids) {
    const shown = location.pathname.split('/').pop();
    if (window.htmx && document.querySelector('.related') && ids.includes(shown)) {
      htmx.ajax('GET', location.pathname, { target: '.related', select: '.related', swap: 'outerHTML' });
    }
  }

  const stream = new EventSource('/api/calling/events');
  stream.addEventListener('call', (event) => show(JSON.parse(event.data)));
  window.addEventListener('pagehide', () => stream.close());
})();
