// The Space notifications section of the admin console: bot token, rules with preview, deliveries with replay.
// Everything goes through /api/admin/notifications; values are shown with textContent, never as HTML.
(() => {
  const root = document.querySelector('[data-testid=notifications-admin]');
  if (!root) return;
  const api = '/api/admin/notifications';
  const csrf = () => {
    const token = document.querySelector('meta[name="_csrf"]');
    const header = document.querySelector('meta[name="_csrf_header"]');
    return token && header && token.content ? { [header.content]: token.content } : {};
  };
  const call = async (method, path, body) => {
    const response = await fetch(api + path, {
      method, credentials: 'same-origin',
      headers: { Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}), ...csrf() },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = response.status === 204 ? null : await response.json().catch(() => null);
    if (!response.ok) throw json || { detail: response.statusText };
    return json;
  };
  const showProblem = (box, problem) => {
    box.replaceChildren();
    const list = document.createElement('ul');
    (problem.errors && problem.errors.length ? problem.errors.map((e) => `${e.field}: ${e.message}`) : [problem.detail || 'Failed'])
      .forEach((text) => { const li = document.createElement('li'); li.textContent = text; list.append(li); });
    box.append(list);
  };
  const reloadAt = () => { location.hash = 'notifications'; location.reload(); };

  const botForm = root.querySelector('[data-bot-form]');
  botForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await call('PUT', '/bot', { accessToken: botForm.accessToken.value });
      reloadAt();
    } catch (problem) { showProblem(botForm.querySelector('.form-errors'), problem); }
  });
  botForm.querySelector('[data-bot-remove]')?.addEventListener('click', async () => {
    if (confirm('Remove the bot? Notifications wait until a bot is registered again.')) { await call('DELETE', '/bot'); reloadAt(); }
  });

  const ruleForm = root.querySelector('[data-rule-form]');
  const ruleBody = () => ({
    name: ruleForm.name.value, object: ruleForm.object.value,
    trackedFields: ruleForm.trackedFields.value.split(',').map((f) => f.trim()).filter(Boolean),
    template: ruleForm.template.value, active: ruleForm.active.checked,
  });
  ruleForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const id = ruleForm.id.value;
    try {
      await call(id ? 'PUT' : 'POST', id ? `/rules/${encodeURIComponent(id)}` : '/rules', ruleBody());
      reloadAt();
    } catch (problem) { showProblem(ruleForm.querySelector('.form-errors'), problem); }
  });
  ruleForm.querySelector('[data-rule-preview-button]').addEventListener('click', async () => {
    const out = ruleForm.querySelector('[data-rule-preview]');
    const errors = ruleForm.querySelector('.form-errors');
    errors.replaceChildren();
    try {
      const result = await call('POST', '/rules/preview', { object: ruleForm.object.value, recordId: ruleForm.previewRecordId.value, template: ruleForm.template.value });
      out.textContent = result.text;
    } catch (problem) { out.textContent = ''; showProblem(errors, problem); }
  });
  ruleForm.addEventListener('reset', () => { ruleForm.id.value = ''; ruleForm.querySelector('[data-rule-preview]').textContent = ''; });
  root.querySelectorAll('tr[data-rule-id]').forEach((row) => {
    row.querySelector('[data-rule-edit]').addEventListener('click', () => {
      ruleForm.id.value = row.dataset.ruleId;
      ruleForm.name.value = row.dataset.name;
      ruleForm.object.value = row.dataset.object;
      ruleForm.trackedFields.value = row.dataset.tracked;
      ruleForm.template.value = row.dataset.template;
      ruleForm.active.checked = row.dataset.active === 'true';
      ruleForm.name.focus();
    });
    row.querySelector('[data-rule-delete]').addEventListener('click', async () => {
      if (confirm(`Delete the rule "${row.dataset.name}"?`)) { await call('DELETE', `/rules/${encodeURIComponent(row.dataset.ruleId)}`); reloadAt(); }
    });
  });

  const tbody = root.querySelector('[data-deliveries]');
  const deliveryErrors = root.querySelector('[data-delivery-errors]');
  const cell = (text) => { const td = document.createElement('td'); td.textContent = text ?? ''; return td; };
  const renderDeliveries = (deliveries) => tbody.replaceChildren(...deliveries.map((d) => {
    const tr = document.createElement('tr');
    tr.dataset.deliveryId = d.id;
    tr.append(cell(d.id), cell(d.status), cell(d.ruleName), cell(`${d.object} ${d.recordId}`), cell(d.text), cell(d.attempts),
      cell(d.lastError), cell(d.updatedAt));
    const actions = document.createElement('td');
    if (d.status === 'failed') {
      const button = document.createElement('button');
      button.type = 'button'; button.className = 'link-button'; button.dataset.replay = ''; button.textContent = 'Replay';
      actions.append(button);
    }
    tr.append(actions);
    return tr;
  }));
  const filter = root.querySelector('[data-delivery-filter]');
  const loadDeliveries = async () => {
    deliveryErrors.replaceChildren();
    try {
      const status = filter.value ? `?status=${encodeURIComponent(filter.value)}` : '';
      renderDeliveries((await call('GET', `/deliveries${status}`)).deliveries);
    } catch (problem) { showProblem(deliveryErrors, problem); }
  };
  filter.addEventListener('change', loadDeliveries);
  tbody.addEventListener('click', async (event) => {
    if (!event.target.matches('[data-replay]')) return;
    try {
      await call('POST', `/deliveries/${event.target.closest('tr').dataset.deliveryId}/replay`);
      await loadDeliveries();
    } catch (problem) { showProblem(deliveryErrors, problem); }
  });
})();
