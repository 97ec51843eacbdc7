/**
 * The operator page at `/agent`: its HTML, stylesheet and script (no framework, nothing from a CDN).
 * @remarks The page only knows the key the operator types; the server checks it and answers with a signed
 * operator token kept in `sessionStorage`. Bot texts are inserted as text, never as HTML.
 */
export const AgentPage = Object.freeze({
  html: `<!doctype html>
<html lang="it">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>Call script – Soft Tissue Sarcoma and Rare Tumours</title>
<link rel="stylesheet" href="/agent/agent.css">
<script src="/agent/agent.js" defer></script>
</head>
<body>
<main>
<h1 id="title">Copione per le chiamate / Call script</h1>
<form id="login" autocomplete="off">
<label for="key" id="key-label">Chiave di accesso del personale / Staff access key</label>
<input id="key" name="key" type="password" required autocomplete="current-password">
<button type="submit" id="login-button">Entra / Sign in</button>
<p id="login-error" role="alert"></p>
</form>
<section id="chat" hidden aria-labelledby="title">
<div class="toolbar">
<button type="button" id="new-call">Nuova chiamata / New call</button>
<button type="button" id="sign-out">Esci / Sign out</button>
</div>
<ol id="log" aria-live="polite"></ol>
<div id="choices" role="group" aria-label="Risposte di chi chiama / Caller's answers"></div>
<form id="send" autocomplete="off">
<label for="text" id="text-label">Risposta o domanda / Answer or question</label>
<input id="text" name="text" type="text" maxlength="2000">
<button type="submit" id="send-button">Invia / Send</button>
</form>
<p id="chat-error" role="alert"></p>
</section>
</main>
</body>
</html>
`,
  css: `body{font-family:system-ui,sans-serif;margin:0;background:#f4f6f8;color:#1b1b1b}
main{max-width:46rem;margin:0 auto;padding:1rem}
h1{font-size:1.3rem}
label{display:block;font-weight:600;margin:.5rem 0 .25rem}
input{font:inherit;padding:.5rem;width:100%;box-sizing:border-box;border:1px solid #6b7280;border-radius:.25rem}
button{font:inherit;padding:.45rem .9rem;margin:.3rem .3rem 0 0;border:1px solid #005a70;border-radius:.25rem;background:#fff;color:#005a70;cursor:pointer}
button:focus-visible,input:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
button[type=submit]{background:#005a70;color:#fff}
#log{list-style:none;padding:0}
#log li{background:#fff;border-radius:.4rem;padding:.6rem .8rem;margin:.5rem 0;white-space:pre-wrap;border-left:4px solid #005a70}
#log li.mine{border-left-color:#6b7280;background:#eef1f4}
#log li .copy{display:block;font-size:.85rem;margin-top:.4rem}
[role=alert]{color:#b00020}
`,
  script: `(function () {
  'use strict';
  var it = (navigator.language || 'it').toLowerCase().indexOf('it') === 0;
  var ui = it
    ? { copy: 'Copia', copied: 'Copiato', wrongKey: 'Chiave non valida.', wait: 'Troppi tentativi: riprovi più tardi.', failed: 'Errore di collegamento: riprovi.', expired: 'Sessione scaduta: entri di nuovo.', off: 'Accesso operatori non configurato.' }
    : { copy: 'Copy', copied: 'Copied', wrongKey: 'Wrong key.', wait: 'Too many attempts: try again later.', failed: 'Connection error: try again.', expired: 'Session expired: sign in again.', off: 'Operator access is not configured.' };
  var locale = it ? 'it-IT' : 'en-GB';
  var zone = (Intl.DateTimeFormat().resolvedOptions() || {}).timeZone;
  var $ = function (id) { return document.getElementById(id); };
  var session = null;
  try { session = JSON.parse(sessionStorage.getItem('agentSession') || 'null'); } catch (e) { session = null; }

  function save(s) { session = s; if (s) sessionStorage.setItem('agentSession', JSON.stringify(s)); else sessionStorage.removeItem('agentSession'); }
  function show(signedIn) { $('login').hidden = signedIn; $('chat').hidden = !signedIn; (signedIn ? $('text') : $('key')).focus(); }
  function post(url, body, token) {
    var headers = { 'content-type': 'application/json' };
    if (token) headers.authorization = 'Bearer ' + token;
    return fetch(url, { method: 'POST', headers: headers, body: JSON.stringify(body || {}) });
  }
  function addLine(text, mine) {
    var li = document.createElement('li');
    li.textContent = text;
    if (mine) li.className = 'mine';
    else {
      var b = document.createElement('button');
      b.type = 'button'; b.className = 'copy'; b.textContent = ui.copy;
      b.addEventListener('click', function () { navigator.clipboard.writeText(text).then(function () { b.textContent = ui.copied; }); });
      li.appendChild(b);
    }
    $('log').appendChild(li);
    li.scrollIntoView({ block: 'end' });
  }
  function render(activities) {
    var choices = $('choices');
    choices.textContent = '';
    (activities || []).forEach(function (a) {
      if (a.type !== 'message') return;
      // The web channel makes phone numbers Markdown tel: links; the script shows and copies them as plain numbers.
      if (a.text) addLine(a.text.replace(/\\[([^\\]]*)\\]\\(tel:[^)]*\\)/g, '$1'), false);
      var actions = (a.suggestedActions && a.suggestedActions.actions) || [];
      if (actions.length) {
        choices.textContent = '';
        actions.forEach(function (action) {
          var b = document.createElement('button');
          b.type = 'button'; b.textContent = action.title;
          b.addEventListener('click', function () { say(action.value); });
          choices.appendChild(b);
        });
      }
    });
  }
  function started(res) {
    return res.json().then(function (body) {
      save({ token: body.token, conversationId: body.conversationId });
      $('log').textContent = '';
      show(true);
      render(body.activities);
    });
  }
  function fail(res, where) {
    var text = res && res.status === 401 ? (where === 'login' ? ui.wrongKey : ui.expired) : res && res.status === 429 ? ui.wait : res && res.status === 403 ? ui.off : ui.failed;
    $(where === 'login' ? 'login-error' : 'chat-error').textContent = text;
    if (where !== 'login' && res && res.status === 401) { save(null); show(false); }
  }
  function say(text) {
    if (!session || !text) return;
    $('chat-error').textContent = '';
    addLine(text, true);
    post('/agent/api/conversations/' + encodeURIComponent(session.conversationId) + '/activities', { text: text, locale: locale, localTimezone: zone }, session.token)
      .then(function (res) { if (!res.ok) return fail(res, 'chat'); return res.json().then(function (b) { render(b.activities); }); })
      .catch(function () { fail(null, 'chat'); });
  }
  $('login').addEventListener('submit', function (e) {
    e.preventDefault();
    $('login-error').textContent = '';
    var key = $('key').value;
    post('/agent/api/session', { key: key, locale: locale, localTimezone: zone })
      .then(function (res) { $('key').value = ''; if (!res.ok) return fail(res, 'login'); return started(res); })
      .catch(function () { fail(null, 'login'); });
  });
  $('send').addEventListener('submit', function (e) { e.preventDefault(); var t = $('text').value.trim(); $('text').value = ''; say(t); });
  $('new-call').addEventListener('click', function () {
    if (!session) return;
    post('/agent/api/conversations', { locale: locale, localTimezone: zone }, session.token)
      .then(function (res) { if (!res.ok) return fail(res, 'chat'); return started(res); })
      .catch(function () { fail(null, 'chat'); });
  });
  $('sign-out').addEventListener('click', function () { save(null); $('log').textContent = ''; $('choices').textContent = ''; show(false); });
  show(Boolean(session));
})();
`,
});
