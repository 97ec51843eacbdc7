/**
 * The operator page at `/agent`: its HTML, stylesheet and script (no framework, nothing from a CDN).
 * @remarks The page only knows the key the operator types; the server checks it and answers with a signed
 * operator token kept in `sessionStorage`. Bot texts are inserted as text, never as HTML. The call log is kept in
 * the tab's `sessionStorage` too (never on the server): a reload, a lost connection or a server restart (after
 * which the token is refused and the page says "session expired") keep it; "Sign out" clears it. Every message of
 * the page itself is in both languages.
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
<div class="toolbar" id="toolbar" hidden>
<button type="button" id="new-call">Nuova chiamata / New call</button>
<button type="button" id="sign-out">Esci e cancella il registro / Sign out and clear the log</button>
</div>
<ol id="log" aria-live="polite" aria-label="Registro della chiamata / Call log"></ol>
<section id="chat" hidden aria-labelledby="title">
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
#log li.note{border-left-color:#b45309;background:#fffbeb;font-style:italic}
#log li .copy{display:block;font-size:.85rem;margin-top:.4rem}
[role=alert]{color:#b00020}
`,
  script: `(function () {
  'use strict';
  // Every message of the page is in both languages: the operator may not have chosen the browser's language.
  var ui = {
    copy: 'Copia / Copy',
    copied: 'Copiato / Copied',
    wrongKey: 'Chiave non valida. / Wrong key.',
    wait: 'Troppi tentativi: riprovi più tardi. / Too many attempts: try again later.',
    failed: 'Errore di collegamento: riprovi. Il messaggio è rimasto nel campo di testo. / Connection error: try again. Your message is still in the text box.',
    starting: 'Il servizio si sta avviando: riprovi tra un momento. / The service is starting: try again in a moment.',
    expired: 'Sessione scaduta: entri di nuovo con la chiave. Il registro della chiamata resta qui sotto. / Session expired: sign in again with the key. The call log stays below.',
    off: 'Accesso operatori non configurato. / Operator access is not configured.',
    resumed: 'Nuova sessione: la chiamata riparte da capo; le righe sopra sono della sessione scaduta. / New session: the call starts again; the lines above are from the expired session.'
  };
  var it = (navigator.language || 'it').toLowerCase().indexOf('it') === 0;
  var locale = it ? 'it-IT' : 'en-GB';
  var zone = (Intl.DateTimeFormat().resolvedOptions() || {}).timeZone;
  var LOG_KEY = 'agentLog';
  var MAX_LINES = 400;
  var $ = function (id) { return document.getElementById(id); };
  var session = read('agentSession');
  // The call log lives in this tab only (sessionStorage): it survives a reload, a lost connection or a server
  // restart, and is never sent anywhere. "Sign out" clears it.
  var lines = read(LOG_KEY) || [];

  function read(key) { try { return JSON.parse(sessionStorage.getItem(key) || 'null'); } catch (e) { return null; } }
  function write(key, value) { try { if (value === null) sessionStorage.removeItem(key); else sessionStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* storage full or off: the page still works */ } }
  function save(s) { session = s; write('agentSession', s); }
  function show(signedIn) {
    $('login').hidden = signedIn; $('chat').hidden = !signedIn; $('toolbar').hidden = !signedIn;
    (signedIn ? $('text') : $('key')).focus();
  }
  function post(url, body, token) {
    var headers = { 'content-type': 'application/json' };
    if (token) headers.authorization = 'Bearer ' + token;
    return fetch(url, { method: 'POST', headers: headers, body: JSON.stringify(body || {}) });
  }
  function draw(line) {
    var li = document.createElement('li');
    li.textContent = line.text;
    if (line.kind) li.className = line.kind;
    if (!line.kind) {
      var b = document.createElement('button');
      b.type = 'button'; b.className = 'copy'; b.textContent = ui.copy;
      b.addEventListener('click', function () { navigator.clipboard.writeText(line.text).then(function () { b.textContent = ui.copied; }); });
      li.appendChild(b);
    }
    $('log').appendChild(li);
    li.scrollIntoView({ block: 'end' });
  }
  function addLine(text, kind) {
    var line = kind ? { text: text, kind: kind } : { text: text };
    lines.push(line);
    lines = lines.slice(-MAX_LINES);
    write(LOG_KEY, lines);
    draw(line);
  }
  function clearLog() { lines = []; write(LOG_KEY, null); $('log').textContent = ''; $('choices').textContent = ''; }
  function render(activities) {
    var choices = $('choices');
    choices.textContent = '';
    (activities || []).forEach(function (a) {
      if (a.type !== 'message') return;
      if (a.text) addLine(a.text);
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
  function started(res, keepLog) {
    return res.json().then(function (body) {
      save({ token: body.token, conversationId: body.conversationId });
      if (!keepLog) clearLog();
      else if (lines.length) addLine(ui.resumed, 'note');
      show(true);
      render(body.activities);
    });
  }
  function message(res, where) {
    if (!res) return ui.failed;
    if (res.status === 401) return where === 'login' ? ui.wrongKey : ui.expired;
    if (res.status === 429) return ui.wait;
    if (res.status === 403) return ui.off;
    if (res.status === 503) return ui.starting;
    return ui.failed;
  }
  function fail(res, where) {
    if (where !== 'login' && res && res.status === 401) {
      // The token is no longer valid (the shift ended, or the server restarted): sign in again, keep the log.
      save(null); $('choices').textContent = ''; show(false);
      $('login-error').textContent = ui.expired;
      return;
    }
    $(where === 'login' ? 'login-error' : 'chat-error').textContent = message(res, where);
  }
  function say(text) {
    if (!session || !text) return;
    $('chat-error').textContent = '';
    addLine(text, 'mine');
    post('/agent/api/conversations/' + encodeURIComponent(session.conversationId) + '/activities', { text: text, locale: locale, localTimezone: zone }, session.token)
      .then(function (res) { if (!res.ok) { if (res.status !== 401) $('text').value = text; return fail(res, 'chat'); } return res.json().then(function (b) { render(b.activities); }); })
      .catch(function () { $('text').value = text; fail(null, 'chat'); });
  }
  $('login').addEventListener('submit', function (e) {
    e.preventDefault();
    $('login-error').textContent = '';
    var key = $('key').value;
    post('/agent/api/session', { key: key, locale: locale, localTimezone: zone })
      .then(function (res) { $('key').value = ''; if (!res.ok) return fail(res, 'login'); return started(res, true); })
      .catch(function () { fail(null, 'login'); });
  });
  $('send').addEventListener('submit', function (e) { e.preventDefault(); var t = $('text').value.trim(); $('text').value = ''; say(t); });
  $('new-call').addEventListener('click', function () {
    if (!session) return;
    post('/agent/api/conversations', { locale: locale, localTimezone: zone }, session.token)
      .then(function (res) { if (!res.ok) return fail(res, 'chat'); return started(res, false); })
      .catch(function () { fail(null, 'chat'); });
  });
  $('sign-out').addEventListener('click', function () { save(null); clearLog(); show(false); });
  lines.forEach(draw);
  show(Boolean(session));
})();
`,
});
