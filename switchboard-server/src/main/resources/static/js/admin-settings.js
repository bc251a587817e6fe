// Admin console forms that save one settings section as JSON through PUT /api/admin/settings/{section}
// (the validated, audited path). Problems come back as problem details and are listed under the form.
(() => {
  // Several console sections include this script; bind the forms once.
  if (window.switchboardAdminSettings) {
    return;
  }
  window.switchboardAdminSettings = true;
  const csrf = () => {
    const token = document.querySelector('meta[name="_csrf"]');
    const header = document.querySelector('meta[name="_csrf_header"]');
    return token && header && token.content ? { [header.content]: token.content } : {};
  };
  const checked = (form, name) => !!form.querySelector(`[name="${name}"]`)?.checked;
  const values = (scope) => [...scope.querySelectorAll('input[type=checkbox][value]:checked')].map((i) => i.value);
  const detailRows = (form) => [...form.querySelectorAll('[data-rows] tr')].map((tr) => ({
    object: tr.dataset.object, accountField: tr.dataset.accountField, fields: tr.dataset.fields.split(',').filter(Boolean),
  }));

  const shapes = {
    search: (form) => Object.fromEntries(['dialer', 'inbound', 'meeting', 'space'].map((k) =>
      [k, { contacts: checked(form, `${k}.contacts`), leads: checked(form, `${k}.leads`) }])),
    phoneFields: (form) => Object.fromEntries([...form.querySelectorAll('fieldset[data-object]')]
      .map((fs) => [fs.dataset.object, values(fs)]).filter(([, fields]) => fields.length)),
    callLogs: (form) => Object.fromEntries([...form.querySelectorAll('fieldset[data-direction]')].map((fs) =>
      [fs.dataset.direction, { enabled: fs.querySelector('[data-enabled]').checked, relatedObjects: values(fs) }])),
    callLogDetails: (form) => {
      const rows = detailRows(form);
      const fields = form.querySelector('[name=fields]').value.split(',').map((f) => f.trim()).filter(Boolean);
      if (fields.length) {
        const edited = { object: form.querySelector('[name=object]').value, accountField: form.querySelector('[name=accountField]').value, fields };
        const at = rows.findIndex((r) => r.object === edited.object);
        if (at >= 0) rows[at] = edited; else rows.push(edited);
      }
      return rows;
    },
    callHistory: (form) => ({ enabled: checked(form, 'enabled') }),
    chat: (form) => ({ enabled: checked(form, 'enabled') }),
    meetings: (form) => ({ logs: { enabled: checked(form, 'logs.enabled') }, pastDays: Number(form.querySelector('[name=pastDays]').value),
      upcomingDays: Number(form.querySelector('[name=upcomingDays]').value), enabledForAll: checked(form, 'enabledForAll') }),
  };

  const save = async (form, body) => {
    const errors = form.querySelector('.form-errors');
    errors.replaceChildren();
    const response = await fetch(`/api/admin/settings/${form.dataset.section}`, {
      method: 'PUT', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...csrf() },
      body: JSON.stringify(body),
    });
    if (response.ok) {
      location.hash = form.closest('section')?.id || '';
      location.reload();
      return;
    }
    const problem = await response.json().catch(() => ({ detail: response.statusText }));
    const list = document.createElement('ul');
    (problem.errors && problem.errors.length ? problem.errors.map((e) => `${e.field}: ${e.message}`) : [problem.detail])
      .forEach((text) => { const li = document.createElement('li'); li.textContent = text; list.append(li); });
    errors.append(list);
  };

  document.querySelectorAll('form.settings-form').forEach((form) => {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      save(form, shapes[form.dataset.shape](form));
    });
  });

  const details = document.querySelector('form[data-shape=callLogDetails]');
  if (details) {
    const object = details.querySelector('[name=object]');
    const accountField = details.querySelector('[name=accountField]');
    const fillAccountFields = (selected) => {
      const choices = (object.selectedOptions[0]?.dataset.accountFields || '').split(',').filter(Boolean);
      accountField.replaceChildren(...choices.map((c) => { const o = document.createElement('option'); o.value = c; o.textContent = c; return o; }));
      if (selected) accountField.value = selected;
    };
    object.addEventListener('change', () => fillAccountFields());
    fillAccountFields();
    details.addEventListener('click', (event) => {
      const row = event.target.closest('tr');
      if (event.target.matches('[data-edit]')) {
        object.value = row.dataset.object;
        fillAccountFields(row.dataset.accountField);
        details.querySelector('[name=fields]').value = row.dataset.fields.split(',').join(', ');
        details.querySelector('[name=fields]').focus();
      }
      if (event.target.matches('[data-delete]')) {
        row.remove();
        details.querySelector('[name=fields]').value = '';
        save(details, detailRows(details));
      }
    });
  }
})();
