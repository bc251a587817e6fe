// The console's Integration and Uninstall sections: register, check, unregister; list and remove what ties Switchboard to
// Webex. Values are shown with textContent, never as HTML.
(() => {
  const { api, el } = window.Switchboard;
  const showProblem = (box, problem) => {
    const errors = problem.problem && problem.problem.errors && problem.problem.errors.length
      ? problem.problem.errors.map((e) => `${e.field}: ${e.message}`) : [problem.message || 'Failed'];
    box.replaceChildren(el('ul', {}, errors.map((text) => el('li', { text }))));
  };
  const reloadAt = (hash) => { location.hash = hash; location.reload(); };

  const form = document.querySelector('[data-register-form]');
  if (form) {
    const errors = form.querySelector('.form-errors');
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        await api('POST', '/api/admin/integration/register', { accessToken: form.accessToken.value });
        reloadAt('integration');
      } catch (problem) { showProblem(errors, problem); }
    });
    form.querySelector('[data-check]').addEventListener('click', async () => {
      try { await api('GET', '/api/admin/integration'); reloadAt('integration'); } catch (problem) { showProblem(errors, problem); }
    });
    form.querySelector('[data-unregister]')?.addEventListener('click', async () => {
      if (confirm('Unregister? Switchboard stops acting for your organisation at Webex.')) {
        await api('DELETE', '/api/admin/integration');
        reloadAt('integration');
      }
    });
  }

  const uninstall = document.querySelector('[data-uninstall]');
  if (uninstall) {
    uninstall.addEventListener('click', async () => {
      if (!confirm('Remove every webhook, bot membership, space link, rule, queued job and stored token? This cannot be undone.')) return;
      const report = document.querySelector('[data-uninstall-report]');
      try {
        const result = await api('POST', '/api/admin/uninstall');
        report.replaceChildren(
          el('p', { text: `Removed ${result.removed.length}; could not remove ${result.notRemoved.length}.` }),
          el('ul', {}, result.notRemoved.map((r) => el('li', { text: `${r.kind} ${r.description}: ${r.reason}` }))),
        );
      } catch (problem) { showProblem(report, problem); }
    });
  }
})();
