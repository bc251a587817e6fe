// Record workspace keyboard help (issue 15): arrow keys move through the header search's results and a lookup's
// suggestions; Escape closes them. Everything else is plain links, buttons and htmx.
(() => {
  const items = (box) => Array.from(box.querySelectorAll('a.search-hit, button.lookup-option'));
  const boxFor = (input) => document.getElementById(input.getAttribute('aria-controls'));
  document.addEventListener('keydown', (event) => {
    const target = event.target;
    const input = target.matches('#global-q, .lookup-query') ? target : null;
    const box = input ? boxFor(input) : target.closest('#global-search-results, .lookup-options');
    if (!box) {
      return;
    }
    const list = items(box);
    const at = list.indexOf(target);
    if (event.key === 'ArrowDown' && list.length) {
      event.preventDefault();
      list[Math.min(at + 1, list.length - 1)].focus();
    } else if (event.key === 'ArrowUp' && list.length) {
      event.preventDefault();
      if (at <= 0) {
        (input || box.closest('form, .lookup').querySelector('#global-q, .lookup-query') || list[0]).focus();
      } else {
        list[at - 1].focus();
      }
    } else if (event.key === 'Escape') {
      box.innerHTML = '';
      (input || box.closest('form, .lookup').querySelector('input[type=search]'))?.focus();
    }
  });
  document.addEventListener('htmx:afterSwap', (event) => {
    const box = event.detail.target;
    const input = box && box.id ? document.querySelector('[aria-controls="' + box.id + '"]') : null;
    if (input) {
      input.setAttribute('aria-expanded', box.children.length ? 'true' : 'false');
    }
  });
})();
