// Webinars in the browser: the import page (start an import through the API, then follow its progress on the SSE
// stream /api/imports/{id}/events) and the admin console's webinar settings and import mapping editor.
// Text from the CRM or Webex is only ever set with textContent.
(() => {
  if (window.switchboardWebinars) {
    return;
  }
  window.switchboardWebinars = true;
  const { api, el, problemText } = window.Switchboard;
  const showProblem = (form, e) => {
    const errors = form.querySelector('.form-errors');
    errors.replaceChildren(el('p', { text: problemText(e) }));
  };

  // --- the import page ---
  const progress = document.querySelector('.import-progress');
  const follow = (importId) => {
    progress.classList.remove('hidden');
    progress.dataset.importId = importId;
    progress.querySelector('[data-testid=import-report]').href = `/api/imports/${encodeURIComponent(importId)}/report.csv`;
    const show = (job) => {
      const campaign = progress.querySelector('[data-testid=import-campaign]');
      if (job.campaignId) {
        campaign.href = `/records/Campaign/${encodeURIComponent(job.campaignId)}`;
        campaign.classList.remove('hidden');
      }
      progress.querySelector('progress').value = job.state === 'done' || job.state === 'failed' ? 100
        : (job.total ? Math.floor((job.processed * 100) / job.total) : 0);
      progress.querySelector('[data-field=percent]').textContent = String(progress.querySelector('progress').value);
      progress.querySelector('[data-testid=import-reading]').classList
        .toggle('hidden', !(job.total === 0 && (job.state === 'queued' || job.state === 'running')));
      ['processed', 'total', 'state', 'created', 'updated', 'skipped', 'failed', 'error'].forEach((f) => {
        progress.querySelector(`[data-field=${f}]`).textContent = job[f] === null || job[f] === undefined ? '' : String(job[f]);
      });
    };
    const source = new EventSource(`/api/imports/${encodeURIComponent(importId)}/events`);
    source.addEventListener('progress', (event) => {
      const job = JSON.parse(event.data);
      show(job);
      if (job.state === 'done' || job.state === 'failed') source.close();
    });
  };
  const importForm = document.getElementById('webinar-import-form');
  if (importForm) {
    importForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      const webinarId = importForm.closest('[data-webinar-id]').dataset.webinarId;
      const people = [...importForm.querySelectorAll('[name=people]:checked')].map((i) => i.value);
      const body = { object: importForm.querySelector('[name=object]').value, people,
        campaignId: importForm.querySelector('[name=campaignId]').value || null };
      try {
        const started = await api('POST', `/api/webinars/${encodeURIComponent(webinarId)}/imports`, body);
        importForm.querySelector('button[type=submit]').disabled = true;
        history.replaceState(null, '', `/imports/${encodeURIComponent(started.importId)}`);
        follow(started.importId);
      } catch (e) {
        showProblem(importForm, e);
      }
    });
  }
  if (progress && progress.dataset.importId) {
    follow(progress.dataset.importId);
  }

  // --- admin console: settings ---
  const settings = document.getElementById('webinar-settings');
  if (settings) {
    settings.addEventListener('submit', async (event) => {
      event.preventDefault();
      const checkedValues = (name) => [...settings.querySelectorAll(`[name=${name}]:checked`)].map((i) => i.value);
      try {
        await api('PUT', '/api/admin/settings/webinars', {
          pastDays: Number(settings.querySelector('[name=pastDays]').value),
          upcomingDays: Number(settings.querySelector('[name=upcomingDays]').value),
          import: { enabledForAll: settings.querySelector('[name=enabledForAll]').checked, profiles: checkedValues('profiles'), users: checkedValues('users') },
        });
        location.hash = 'webinars';
        location.reload();
      } catch (e) {
        showProblem(settings, e);
      }
    });
  }

  // --- admin console: one mapping editor per target object ---
  const registrationFields = [...document.querySelectorAll('#registration-fields option')].map((o) => o.value);
  const options = (values, selected) => values.map((v) => el('option', { value: v, text: v, selected: v === selected }));
  const row = (form, target, source) => {
    const targets = [...form.querySelectorAll('[data-target-fields] option')].map((o) => o.value);
    const tr = el('tr', {},
      el('td', {}, el('select', { 'data-target': true, 'aria-label': 'Target field' }, options(targets, target))),
      el('td', {}, el('select', { 'data-source': true, 'aria-label': 'Registration field' }, options(registrationFields, source))),
      el('td', {}, el('button', { type: 'button', class: 'link-button', text: 'Delete', onclick: () => tr.remove() })));
    return tr;
  };
  document.querySelectorAll('form.mapping-form').forEach((form) => {
    const rows = form.querySelector('[data-rows]');
    [...rows.querySelectorAll('tr')].forEach((tr) => tr.replaceWith(row(form, tr.dataset.target, tr.dataset.source)));
    form.querySelector('[data-add-row]').addEventListener('click', () => rows.append(row(form, '', registrationFields[0])));
    const save = async (confirmed) => {
      const fields = Object.fromEntries([...rows.querySelectorAll('tr')]
        .map((tr) => [tr.querySelector('[data-target]').value, tr.querySelector('[data-source]').value]));
      const body = { primaryKey: form.querySelector('[name=primaryKey]').value,
        insertNewPerWebinar: form.querySelector('[name=insertNewPerWebinar]').checked,
        mergePolicy: form.querySelector('[name=mergePolicy]').value, campaignLink: form.querySelector('[name=campaignLink]').value, fields };
      const path = `/api/admin/webinars/mappings/${encodeURIComponent(form.dataset.object)}${confirmed ? '?confirm=true' : ''}`;
      try {
        await api('PUT', path, body);
        location.hash = 'webinars';
        location.reload();
      } catch (e) {
        if (e.problem && e.problem.status === 409 && !confirmed && window.confirm(e.problem.detail)) {
          await save(true);
          return;
        }
        showProblem(form, e);
      }
    };
    form.addEventListener('submit', (event) => { event.preventDefault(); save(false); });
    const remove = form.querySelector('[data-delete-mapping]');
    if (remove) {
      remove.addEventListener('click', async () => {
        try {
          await api('DELETE', `/api/admin/webinars/mappings/${encodeURIComponent(form.dataset.object)}`);
          location.reload();
        } catch (e) {
          showProblem(form, e);
        }
      });
    }
  });
})();
