// The console's CRM connection section: Connect sends the login host and app credentials, then follows Salesforce's
// authorize URL; Disconnect revokes and forgets the org; Replay re-processes a change event the stream could not. Values are shown with textContent, never as HTML.
(() => {
  const { api, el } = window.Switchboard;
  document.querySelectorAll('[data-replay-dead-letter]').forEach((button) => button.addEventListener('click', async () => {
    const errors = document.querySelector('[data-dead-letter-errors]');
    button.disabled = true;
    try {
      await api('POST', `/api/admin/crm/change-events/dead-letters/${encodeURIComponent(button.dataset.id)}/replay`);
      location.hash = 'crm';
      location.reload();
    } catch (problem) {
      button.disabled = false;
      errors.replaceChildren(el('p', { text: (problem.problem && problem.problem.detail) || problem.message || 'Replay failed' }));
    }
  }));
  const form = document.querySelector('[data-crm-connect-form]');
  if (!form) return;
  const errors = form.querySelector('.form-errors');
  const showProblem = (problem) => {
    const list = problem.problem && problem.problem.errors && problem.problem.errors.length
      ? problem.problem.errors.map((e) => `${e.field}: ${e.message}`)
      : [(problem.problem && problem.problem.detail) || problem.message || 'Failed'];
    errors.replaceChildren(el('ul', {}, list.map((text) => el('li', { text }))));
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const answer = await api('PUT', '/api/admin/crm/salesforce', {
        loginUrl: form.loginUrl.value, clientId: form.clientId.value, clientSecret: form.clientSecret.value,
      });
      window.location.assign(answer.authorizeUrl);
    } catch (problem) { showProblem(problem); }
  });
  form.querySelector('[data-crm-disconnect]')?.addEventListener('click', async () => {
    if (!confirm('Disconnect the Salesforce org? Switchboard revokes its access and forgets the stored refresh token.')) return;
    try {
      await api('DELETE', '/api/admin/crm/salesforce');
      location.hash = 'crm';
      location.reload();
    } catch (problem) { showProblem(problem); }
  });
})();
