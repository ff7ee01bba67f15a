// example.com's fake "API Tokens" form: works locally, talks to no server (the extension must ignore this page).
(() => {
  const $ = (id) => document.getElementById(id);
  const b64 = (o) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  $('open').addEventListener('click', () => { $('form').hidden = false; $('open').hidden = true; });
  $('all').addEventListener('change', (e) => document.querySelectorAll('input[name=scope]').forEach((c) => { c.checked = e.target.checked; }));
  $('form').addEventListener('submit', (e) => {
    e.preventDefault();
    const scopes = [...document.querySelectorAll('input[name=scope]:checked')].map((c) => c.value);
    if (!$('name').value.trim() || !scopes.length) {
      $('err').hidden = false;
      $('err').textContent = 'Enter a token name and select at least one scope.';
      return;
    }
    const rnd = Array.from(crypto.getRandomValues(new Uint8Array(16)), (x) => x.toString(16).padStart(2, '0')).join('');
    $('tok').value = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ name: $('name').value, scope: scopes.join(' '), iss: 'example.com' })}.${rnd}`;
    $('form').hidden = true;
    $('reveal').hidden = false;
  });
  $('copy').addEventListener('click', () => navigator.clipboard.writeText($('tok').value).catch(() => {}));
  $('done').addEventListener('click', () => { $('reveal').hidden = true; $('tok').value = ''; $('open').hidden = false; });
})();
