// Webex meetings in the browser: the "Schedule a meeting" form (in the Webex panel), the record's Webex meetings
// component (join, start, reschedule, cancel), and the calendar panel in the utility bar. Changes arrive on the SSE
// stream /api/meetings/events. Text from the CRM or Webex is only ever set with textContent.
(() => {
  if (window.switchboardMeetings) {
    return;
  }
  window.switchboardMeetings = true;

  const { api, el, problemText } = window.Switchboard;
  const when = (iso) => {
    const date = iso ? new Date(iso) : null;
    return date && !isNaN(date) ? date.toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' }) : '';
  };
  const time = (iso) => {
    const date = iso ? new Date(iso) : null;
    return date && !isNaN(date) ? date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : '';
  };
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const changed = () => document.dispatchEvent(new CustomEvent('meetings:changed'));
  const link = (href, text, testid) => el('a', { href, target: '_blank', rel: 'noopener noreferrer', text, 'data-testid': testid });
  const localInput = (date) => {
    const pad = (n) => String(n).padStart(2, '0');
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
  };

  // --- "Schedule a meeting" (the form arrives in the Webex panel through htmx) ---
  const { chosen, render: renderChosen } = window.Switchboard.picker({ formId: 'schedule-meeting', inputId: 'meeting-invitee-search',
    resultsId: 'meeting-invitee-results', searchPath: (q) => `/api/meetings/search?q=${encodeURIComponent(q)}`, addText: 'Invite' });
  const prepare = (form) => {
    if (form.dataset.ready) return;
    form.dataset.ready = 'true';
    const zone = form.querySelector('[name=timezone]');
    zone.value = form.dataset.userZone || browserZone;
    const zones = Intl.supportedValuesOf ? Intl.supportedValuesOf('timeZone') : [browserZone];
    form.querySelector('#meeting-timezones').replaceChildren(...zones.map((z) => el('option', { value: z })));
    const start = new Date(Date.now() + 60 * 60 * 1000);
    start.setMinutes(start.getMinutes() < 30 ? 30 : 60, 0, 0);
    form.querySelector('[name=start]').value = localInput(start);
  };
  const scheduleForm = () => document.getElementById('schedule-meeting');
  const prepareIfPresent = () => { const form = scheduleForm(); if (form) prepare(form); };
  document.body.addEventListener('htmx:afterSwap', prepareIfPresent);
  prepareIfPresent();

  document.addEventListener('submit', async (event) => {
    const form = event.target;
    if (form.id !== 'schedule-meeting') return;
    event.preventDefault();
    const errors = form.querySelector('.form-errors');
    const result = form.querySelector('[data-result]');
    errors.textContent = '';
    const value = (name) => form.querySelector(`[name=${name}]`).value;
    const invitees = [...chosen.values()].map((p) => (p.object ? { object: p.object, id: p.id } : { email: p.email }));
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const meeting = await api('POST', `/api/records/${encodeURIComponent(form.dataset.object)}/${encodeURIComponent(form.dataset.recordId)}/meetings`,
        { title: value('title'), start: value('start'), durationMinutes: Number(value('durationMinutes')), timezone: value('timezone'),
          agenda: value('agenda'), invitees });
      chosen.clear();
      renderChosen(form);
      result.replaceChildren(el('p', { text: `"${meeting.title}" is scheduled for ${when(meeting.start)} with ${meeting.invited.length} `
          + `${meeting.invited.length === 1 ? 'person' : 'people'} invited. ` }, link(meeting.webLink, 'Join link', 'scheduled-join')),
        ...(meeting.notInvited.length ? [el('div', { class: 'notice', 'data-testid': 'not-invited' }, el('p', { text: 'Not invited:' }),
          el('ul', {}, meeting.notInvited.map((n) => el('li', { text: `${n.name || n.email}: ${n.reason}` }))))] : []));
      changed();
    } catch (e) {
      errors.textContent = problemText(e);
    } finally {
      button.disabled = false;
    }
  });

  // --- The record's Webex meetings ---
  const component = document.getElementById('record-meetings');
  if (component) {
    const base = `/api/records/${encodeURIComponent(component.dataset.object)}/${encodeURIComponent(component.dataset.recordId)}/meetings`;
    const notice = component.querySelector('[data-notice]');
    const show = (text) => { notice.textContent = text || ''; notice.hidden = !text; };
    const reschedule = (item, m) => {
      if (item.querySelector('form')) return;
      const start = el('input', { type: 'datetime-local', name: 'start', 'aria-label': 'New start', value: localInput(new Date(m.start)), required: true });
      const minutes = el('input', { type: 'number', name: 'durationMinutes', min: '10', max: '1439', 'aria-label': 'Minutes',
        value: String(Math.round((new Date(m.end) - new Date(m.start)) / 60000)) });
      const title = el('input', { name: 'title', 'aria-label': 'Title', value: m.title, maxlength: '128' });
      const form = el('form', { class: 'reschedule' }, title, start, minutes, el('button', { type: 'submit', class: 'button small', text: 'Save' }),
        el('button', { type: 'button', class: 'link-button', text: 'Close', onclick: () => form.remove() }));
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        try {
          await api('PATCH', `/api/meetings/${encodeURIComponent(m.meetingId)}`,
            { title: title.value, start: start.value, timezone: browserZone, durationMinutes: Number(minutes.value) });
          show('');
          changed();
        } catch (e) {
          show(problemText(e));
        }
      });
      item.append(form);
    };
    const item = (m, past) => {
      const li = el('li', { class: 'meeting-item', 'data-meeting-id': m.meetingId },
        el('div', {}, el('strong', { text: m.title })),
        el('div', { class: 'when', text: `${when(m.start)} – ${time(m.end)}${m.state !== 'scheduled' ? ` · ${m.state}` : ''} · host ${m.hostEmail}` }));
      const links = el('div', { class: 'links' });
      if (!past && m.webLink) {
        links.append(link(m.webLink, 'Join', 'join-link'));
        if (m.host) links.append(link(m.webLink, 'Start', 'start-link'));
      }
      if (!past && m.host) {
        links.append(el('button', { type: 'button', class: 'link-button', text: 'Reschedule', onclick: () => reschedule(li, m) }),
          el('button', { type: 'button', class: 'link-button', text: 'Cancel meeting', onclick: async () => {
            if (!window.confirm(`Cancel "${m.title}" at Webex? Invitees are told.`)) return;
            try { await api('DELETE', `/api/meetings/${encodeURIComponent(m.meetingId)}`); changed(); } catch (e) { show(problemText(e)); }
          } }));
      }
      if (m.eventId) links.append(el('a', { href: `/records/Event/${encodeURIComponent(m.eventId)}`, text: 'Logged as an Event', 'data-testid': 'event-link' }));
      li.append(links);
      return li;
    };
    const load = async () => {
      try {
        const [upcoming, past] = await Promise.all([api('GET', `${base}?when=upcoming`), api('GET', `${base}?when=past`)]);
        const fill = (list, meetings, isPast, empty) => list.replaceChildren(...(meetings.length
          ? meetings.map((m) => item(m, isPast)) : [el('li', { class: 'muted', text: empty })]));
        fill(component.querySelector('[data-upcoming]'), upcoming.meetings, false, 'No upcoming meetings. "Schedule a meeting" makes one.');
        fill(component.querySelector('[data-past]'), past.meetings, true, 'No past meetings in the window.');
      } catch (e) {
        show(problemText(e));
      }
    };
    document.addEventListener('meetings:changed', load);
    load();
  }

  // --- The calendar panel (utility bar) ---
  const calendar = document.getElementById('calendar-panel');
  const toggle = document.getElementById('calendar-toggle');
  let loaded = false;
  if (calendar && toggle) {
    const notice = calendar.querySelector('[data-notice]');
    const load = async () => {
      try {
        const answer = await api('GET', '/api/meetings/calendar');
        notice.hidden = true;
        calendar.querySelector('[data-window]').textContent = `${new Date(answer.from).toLocaleDateString()} – ${new Date(answer.to).toLocaleDateString()}`;
        const days = new Map();
        answer.meetings.forEach((m) => {
          const day = m.start ? new Date(m.start).toLocaleDateString([], { weekday: 'long', month: 'long', day: 'numeric' }) : '';
          if (!days.has(day)) days.set(day, []);
          days.get(day).push(m);
        });
        calendar.querySelector('[data-days]').replaceChildren(...(answer.meetings.length ? [...days.entries()].map(([day, meetings]) =>
          el('section', { class: 'calendar-day' }, el('h3', { text: day }), el('ul', { class: 'plain' }, meetings.map((m) =>
            el('li', { class: 'meeting-item', 'data-webex-meeting-id': m.meetingSeriesId },
              el('div', {}, el('strong', { text: m.title })),
              el('div', { class: 'when', text: `${time(m.start)} – ${time(m.end)}${m.state ? ` · ${m.state}` : ''}` }),
              el('div', { class: 'links' }, m.webLink && !['ended', 'missed'].includes(m.state) ? link(m.webLink, 'Join', 'calendar-join') : null,
                m.record ? el('a', { href: `/records/${encodeURIComponent(m.record.object)}/${encodeURIComponent(m.record.id)}`,
                  text: `${m.record.object}: ${m.record.name || m.record.id}`, 'data-testid': 'calendar-record' }) : null))))))
          : [el('p', { class: 'muted', text: 'No meetings in this window.' })]));
      } catch (e) {
        notice.textContent = problemText(e);
        notice.hidden = false;
      }
    };
    const setOpen = (open) => {
      calendar.hidden = !open;
      toggle.setAttribute('aria-expanded', String(open));
      if (open) {
        calendar.focus();
        if (!loaded) { loaded = true; load(); }
      } else {
        toggle.focus();
      }
    };
    toggle.addEventListener('click', () => setOpen(calendar.hidden));
    calendar.querySelector('[data-close]').addEventListener('click', () => setOpen(false));
    calendar.querySelector('[data-refresh]').addEventListener('click', load);
    document.addEventListener('keydown', (event) => { if (event.key === 'Escape' && !calendar.hidden) setOpen(false); });
    document.addEventListener('meetings:changed', () => { if (loaded) load(); });
    const stream = new EventSource('/api/meetings/events');
    stream.addEventListener('meeting', () => changed());
  }
})();
