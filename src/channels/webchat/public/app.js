/*
 * Web Chat on the page (served as /webchat/app.js, loaded by /webchat/start.js after Web Chat's bundle).
 * Renders Web Chat on the conversation the first screen already holds (our web channel), or connects it to Azure
 * Direct Line and sends what the visitor said before it was ready; then it takes the first screen's place, keeping
 * the text being typed and the focus. It styles Web Chat and switches language in place.
 */
(function () {
  'use strict';

  /** How long Web Chat may take to show the conversation before it is shown anyway, milliseconds. */
  var SHOW_AT_LATEST_MS = 4000;

  var config = JSON.parse(document.getElementById('webchat-config').textContent);
  var strings = config.strings;
  var page = window.sarcomaChatPage;
  var chatElement = document.getElementById('webchat');
  if (!window.WebChat || !page) return; // The first screen carries on by itself.

  var timeZone = (function () {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (e) {
      return undefined;
    }
  })();

  function currentLocale() {
    return strings[page.lang].webChatLocale;
  }

  /** Azure Direct Line: a token from our server (the secret never reaches the browser), locale on every post. */
  function connectDirectLine() {
    return fetch('/api/directline/token', { method: 'POST' })
      .then(function (res) {
        if (!res.ok) throw new Error('token ' + res.status);
        return res.json();
      })
      .then(function (body) {
        var directLine = window.WebChat.createDirectLine({ token: body.token });
        var wrapped = new Proxy(directLine, {
          get: function (target, prop) {
            if (prop === 'postActivity') {
              return function (activity) {
                return target.postActivity(
                  Object.assign({}, activity, {
                    locale: currentLocale(),
                    localTimezone: activity.localTimezone || timeZone,
                  }),
                );
              };
            }
            var value = target[prop];
            return typeof value === 'function' ? value.bind(target) : value;
          },
        });
        return { directLine: wrapped, userID: body.userId };
      });
  }

  /** Our web channel: the first screen's connection, with everything already said. */
  function connectWebChannel() {
    return page.connection.ready.then(function () {
      return { directLine: page.connection, userID: page.connection.userId() };
    });
  }

  /** Calm hospital colours, large readable text, buttons whose labels wrap on a phone. */
  var styleOptions = {
    accent: '#0b5c78',
    backgroundColor: '#f6f9fa',
    subtle: '#4a5961',
    primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    fontSizeSmall: '85%',
    bubbleBackground: '#ffffff',
    bubbleBorderColor: '#c5d3da',
    bubbleBorderRadius: 12,
    bubbleTextColor: '#17262e',
    bubbleFromUserBackground: '#0b5c78',
    bubbleFromUserBorderColor: '#0b5c78',
    bubbleFromUserBorderRadius: 12,
    bubbleFromUserTextColor: '#ffffff',
    bubbleMaxWidth: 640,
    bubbleMinWidth: 200,
    bubbleMinHeight: 44,
    botAvatarInitials: 'IEO',
    botAvatarBackgroundColor: '#0b5c78',
    hideUploadButton: true,
    sendBoxHeight: 52,
    sendBoxTextWrap: true,
    sendBoxButtonColor: '#0b5c78',
    sendBoxButtonKeyboardFocusIndicatorBorderColor: '#0b5c78',
    sendBoxButtonKeyboardFocusIndicatorBorderWidth: 2,
    suggestedActionLayout: 'flow',
    suggestedActionHeight: 44,
    // Long labels wrap onto a second line instead of being cut ("Quanti tipi di sarcoma dei tessuti m…").
    suggestedActionsStackedLayoutButtonTextWrap: true,
    suggestedActionsStackedLayoutButtonMaxHeight: 120,
    suggestedActionBorderRadius: 22,
    suggestedActionBorderColor: '#0b5c78',
    suggestedActionBorderWidth: 2,
    suggestedActionTextColor: '#0b5c78',
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionBackgroundColorOnHover: '#e3eff4',
    suggestedActionKeyboardFocusIndicatorBorderColor: '#17262e',
    suggestedActionKeyboardFocusIndicatorBorderStyle: 'solid',
    suggestedActionKeyboardFocusIndicatorBorderWidth: 2,
    transcriptVisualKeyboardIndicatorColor: '#0b5c78',
    transcriptVisualKeyboardIndicatorWidth: 3,
    transcriptActivityVisualKeyboardIndicatorColor: '#0b5c78',
    transcriptActivityVisualKeyboardIndicatorWidth: 2,
    // New replies scroll into view only as far as their first line stays on screen, so a long one is read from
    // its start.
    autoScrollSnapOnPage: true,
    autoScrollSnapOnPageOffset: 8,
  };

  var connection;
  var store;

  function render() {
    window.WebChat.renderWebChat(
      {
        directLine: connection.directLine,
        userID: connection.userID,
        store: store,
        locale: currentLocale(),
        overrideLocalizedStrings: strings[page.lang].webChatOverrides,
        styleOptions: styleOptions,
        nonce: config.nonce,
      },
      chatElement,
    );
  }

  /** Puts the page chrome in the current language (texts, `lang` attribute, title, current switch, address bar). */
  function applyLanguage() {
    var s = strings[page.lang];
    document.documentElement.lang = s.htmlLang;
    document.title = s.pageTitle;
    Array.prototype.forEach.call(document.querySelectorAll('[data-text]'), function (el) {
      var key = el.getAttribute('data-text');
      if (s[key]) el.textContent = s[key];
    });
    Array.prototype.forEach.call(document.querySelectorAll('.language-option'), function (el) {
      if (el.getAttribute('data-lang') === page.lang) el.setAttribute('aria-current', 'true');
      else el.removeAttribute('aria-current');
    });
    var url = new URL(window.location.href);
    url.searchParams.set('lang', page.lang);
    window.history.replaceState(null, '', url.toString());
  }

  function onLanguageClick(event) {
    var next = event.currentTarget.getAttribute('data-lang');
    if (page.active) return; // Web Chat has not taken over: follow the link (the page reloads in that language).
    event.preventDefault();
    if (!strings[next] || next === page.lang) return;
    page.lang = next;
    applyLanguage();
    render();
    // Tell the bot too, in the visitor's own words, so it answers in the new language from now on.
    send(strings[page.lang].languageCommand);
  }

  function send(text) {
    store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: text, method: 'keyboard' } });
  }

  function sendBox() {
    return chatElement.querySelector('[data-id="webchat-sendbox-input"]');
  }

  /** True once Web Chat shows every message of the conversation so far (or has had long enough). */
  function shown(expected) {
    var activities = chatElement.querySelectorAll('.webchat__basic-transcript__activity').length;
    return sendBox() !== null && activities >= expected;
  }

  /** Shows Web Chat in the first screen's place, with the draft and the focus where they were. */
  function takeOver() {
    var draft = page.draft();
    var was = page.handOver();
    chatElement.hidden = false;
    document.documentElement.setAttribute('data-chat', 'webchat');
    if (draft) store.dispatch({ type: 'WEB_CHAT/SET_SEND_BOX', payload: { text: draft } });
    var input = sendBox();
    if (was.focus === 'input' && input) input.focus();
    else if (was.focus === 'screen' || config.embed) chatElement.focus({ preventScroll: true });
    // Web Chat starts at the end; a visitor who was reading the welcome keeps its first line in view.
    var scroller = chatElement.querySelector('.webchat__basic-transcript__scrollable');
    if (was.atWelcome && scroller) backToWelcome(scroller);
    shownYet = true;
    flushPending();
  }

  /** Once Web Chat has finished its own scroll to the end (it animates it), scrolls back to the first line. */
  function backToWelcome(scroller) {
    var started = Date.now();
    var settled = 0;
    (function wait() {
      var atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
      settled = atEnd ? settled + 1 : 0;
      if (settled >= 3 || Date.now() - started > 1500) scroller.scrollTop = 0;
      else setTimeout(wait, 50);
    })();
  }

  var shownYet = false;
  var online = false;
  /** With Direct Line, what the visitor said on the first screen is sent once Web Chat is shown and connected. */
  function flushPending() {
    if (shownYet && online) page.pending.splice(0).forEach(send);
  }

  Array.prototype.forEach.call(document.querySelectorAll('.language-option'), function (el) {
    el.addEventListener('click', onLanguageClick);
  });

  var connected = config.channel === 'directline' ? connectDirectLine() : connectWebChannel();
  connected.then(
    function (c) {
      connection = c;
      store = window.WebChat.createStore({}, function () {
        return function (next) {
          return function (action) {
            var result = next(action);
            if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
              online = true;
              setTimeout(flushPending, 0);
            }
            return result;
          };
        };
      });
      render();
      // Web Chat renders while hidden; it is shown once it holds the whole conversation, so nothing flickers.
      var expected = config.channel === 'directline' ? 0 : page.connection.historyLength();
      var started = Date.now();
      (function wait() {
        if (shown(expected) || Date.now() - started > SHOW_AT_LATEST_MS) takeOver();
        else setTimeout(wait, 50);
      })();
    },
    function () {
      // The first screen says it could not connect, or keeps working (Direct Line failed: nothing to take over).
    },
  );
})();
