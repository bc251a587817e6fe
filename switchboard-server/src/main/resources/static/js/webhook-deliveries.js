// The admin console's failed webhook deliveries: Replay posts to /api/admin/webhooks/deliveries/{id}/replay and
// shows the outcome in the row (processed rows leave the list on the next load).
(() => {
  const root = document.querySelector('[data-testid=webhook-deliveries-admin]');
  if (!root) return;
  const errors = root.querySelector('[data-webhook-delivery-errors]');
  root.addEventListener('click', async (event) => {
    if (!event.target.matches('[data-webhook-replay]')) return;
    const row = event.target.closest('tr');
    errors.replaceChildren();
    try {
      const delivery = await window.Switchboard.api('POST', `/api/admin/webhooks/deliveries/${row.dataset.webhookDeliveryId}/replay`);
      if (delivery.status === 'processed') {
        row.remove();
      } else {
        row.children[4].textContent = delivery.attempts;
        row.children[5].textContent = delivery.lastError;
      }
    } catch (e) {
      errors.textContent = e.message;
    }
  });
})();
