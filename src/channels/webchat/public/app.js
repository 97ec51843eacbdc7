/*
 * The Web Chat page's own script (served as /webchat/app.js; the page has no inline script).
 * Reads its configuration from the JSON block #webchat-config, connects Web Chat to the bot through our own
 * web channel (or Azure Direct Line), styles it, and switches language in place.
 */
(function () {
  'use strict';

  /** Direct Line connection states, as Web Chat expects them. */
  var ConnectionStatus = {
    Uninitialized: 0,
    Connecting: 1,
    Online: 2,
    ExpiredToken: 3,
    FailedToConnect: 4,
    Ended: 5,
  };

  /** Refresh the token when this share of its lifetime has passed. */
  var REFRESH_AT = 0.6;

  var config = JSON.parse(document.getElementById('webchat-config').textContent);
  var strings = config.strings;
  var lang = config.lang;
  var timeZone = (function () {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (e) {
      return undefined;
    }
  })();
  var chatElement = document.getElementById('webchat');

  function currentLocale() {
    return strings[lang].webChatLocale;
  }

  /** A minimal Observable (subscribe/unsubscribe), which is all Web Chat needs from a Direct Line object. */
  function observable(subscribe) {
    return {
      subscribe: function (observerOrNext, onError, onComplete) {
        var observer =
          typeof observerOrNext === 'function'
            ? { next: observerOrNext, error: onError, complete: onComplete }
            : observerOrNext || {};
        var closed = false;
        var teardown = subscribe({
          next: function (value) {
            if (!closed && observer.next) observer.next(value);
          },
          error: function (err) {
            if (closed) return;
            closed = true;
            if (observer.error) observer.error(err);
          },
          complete: function () {
            if (closed) return;
            closed = true;
            if (observer.complete) observer.complete();
          },
        });
        return {
          get closed() {
            return closed;
          },
          unsubscribe: function () {
            closed = true;
            if (typeof teardown === 'function') teardown();
          },
        };
      },
    };
  }

  /**
   * A Direct Line-shaped connection to our own web channel: POST /api/webchat/conversations for a
   * conversation and its token, then each activity is POSTed with the token and answered with the turn's
   * replies. Activities are replayed to late subscribers (Web Chat de-duplicates by id).
   */
  function createWebChannel(session) {
    var base = '/api/webchat/conversations';
    var status = ConnectionStatus.Uninitialized;
    var statusObservers = [];
    var activityObservers = [];
    var history = [];
    var lastTimestamp = 0;
    var refreshTimer;

    function setStatus(next) {
      status = next;
      statusObservers.slice().forEach(function (o) {
        o.next(next);
      });
    }

    function emit(activity) {
      // Strictly increasing timestamps keep Web Chat's order equal to arrival order.
      lastTimestamp = Math.max(Date.now(), lastTimestamp + 1);
      var stamped = Object.assign({}, activity, { timestamp: new Date(lastTimestamp).toISOString() });
      history.push(stamped);
      activityObservers.slice().forEach(function (o) {
        o.next(stamped);
      });
    }

    function scheduleRefresh() {
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(refresh, session.expiresIn * 1000 * REFRESH_AT);
    }

    function refresh() {
      return fetch(base + '/' + encodeURIComponent(session.conversationId) + '/token', {
        method: 'POST',
        headers: { Authorization: 'Bearer ' + session.token },
      })
        .then(function (res) {
          if (!res.ok) throw new Error('refresh ' + res.status);
          return res.json();
        })
        .then(function (body) {
          session.token = body.token;
          session.expiresIn = body.expiresIn;
          scheduleRefresh();
        })
        .catch(function () {
          // The next message starts a new conversation if the token has expired by then.
        });
    }

    function startConversation() {
      return createConversation().then(function (fresh) {
        session = fresh;
        scheduleRefresh();
      });
    }

    function send(activity, mayRestart) {
      return fetch(base + '/' + encodeURIComponent(session.conversationId) + '/activities', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + session.token },
        body: JSON.stringify({
          type: activity.type,
          text: activity.text,
          locale: currentLocale(),
          localTimezone: activity.localTimezone || timeZone,
        }),
      }).then(function (res) {
        if (res.status === 401 && mayRestart) {
          // The token expired (the tab stayed open for long): carry on in a new conversation.
          return startConversation().then(function () {
            return send(activity, false);
          });
        }
        if (!res.ok) throw new Error('send ' + res.status);
        return res.json();
      });
    }

    function greet() {
      return send({ type: 'conversationUpdate' }, true).then(function (body) {
        body.activities.forEach(emit);
      });
    }

    function connect() {
      setStatus(ConnectionStatus.Connecting);
      scheduleRefresh();
      // Like DirectLineJS, report "online" asynchronously, after Web Chat has set up its listeners.
      setTimeout(function () {
        setStatus(ConnectionStatus.Online);
        greet().catch(function () {
          setStatus(ConnectionStatus.FailedToConnect);
        });
      }, 0);
    }

    return {
      activity$: observable(function (observer) {
        history.forEach(observer.next);
        activityObservers.push(observer);
        if (status === ConnectionStatus.Uninitialized) connect();
        return function () {
          activityObservers = activityObservers.filter(function (o) {
            return o !== observer;
          });
        };
      }),
      connectionStatus$: observable(function (observer) {
        observer.next(status);
        statusObservers.push(observer);
        return function () {
          statusObservers = statusObservers.filter(function (o) {
            return o !== observer;
          });
        };
      }),
      postActivity: function (activity) {
        return observable(function (observer) {
          if (activity.type !== 'message') {
            // Only messages reach the bot; anything else is acknowledged locally.
            var localId = 'local-' + Date.now();
            emit(Object.assign({}, activity, { id: localId }));
            observer.next(localId);
            observer.complete();
            return undefined;
          }
          send(activity, true).then(
            function (body) {
              emit(
                Object.assign({}, activity, {
                  id: body.id,
                  conversation: { id: session.conversationId },
                  from: Object.assign({}, activity.from, { role: 'user' }),
                }),
              );
              body.activities.forEach(emit);
              observer.next(body.id);
              observer.complete();
            },
            function (err) {
              observer.error(err);
            },
          );
          return undefined;
        });
      },
      end: function () {
        clearTimeout(refreshTimer);
        setStatus(ConnectionStatus.Ended);
        activityObservers.slice().forEach(function (o) {
          o.complete();
        });
      },
    };
  }

  function createConversation() {
    return fetch('/api/webchat/conversations', { method: 'POST' }).then(function (res) {
      if (!res.ok) throw new Error('conversation ' + res.status);
      return res.json();
    });
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

  function connectWebChannel() {
    return createConversation().then(function (session) {
      return { directLine: createWebChannel(session), userID: session.userId };
    });
  }

  /** Calm hospital colours, large readable text, buttons that wrap on a phone. */
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
        styleOptions: styleOptions,
        nonce: config.nonce,
      },
      chatElement,
    );
  }

  /** Puts the page chrome in `lang` (texts, `lang` attribute, title, current switch, address bar). */
  function applyLanguage() {
    var s = strings[lang];
    document.documentElement.lang = s.htmlLang;
    document.title = s.pageTitle;
    Array.prototype.forEach.call(document.querySelectorAll('[data-text]'), function (el) {
      var key = el.getAttribute('data-text');
      if (s[key]) el.textContent = s[key];
    });
    Array.prototype.forEach.call(document.querySelectorAll('.language-option'), function (el) {
      if (el.getAttribute('data-lang') === lang) el.setAttribute('aria-current', 'true');
      else el.removeAttribute('aria-current');
    });
    var url = new URL(window.location.href);
    url.searchParams.set('lang', lang);
    window.history.replaceState(null, '', url.toString());
  }

  function onLanguageClick(event) {
    var next = event.currentTarget.getAttribute('data-lang');
    if (!connection) return; // Not connected: follow the link (the page reloads in that language).
    event.preventDefault();
    if (!strings[next] || next === lang) return;
    lang = next;
    applyLanguage();
    render();
    // Tell the bot too, in the visitor's own words, so it answers in the new language from now on.
    store.dispatch({
      type: 'WEB_CHAT/SEND_MESSAGE',
      payload: { text: strings[lang].languageCommand, method: 'keyboard' },
    });
  }

  function showUnavailable() {
    chatElement.textContent = '';
    var p = document.createElement('p');
    p.className = 'chat-status chat-status-error';
    p.setAttribute('role', 'alert');
    p.setAttribute('data-text', 'unavailable');
    p.textContent = strings[lang].unavailable;
    chatElement.appendChild(p);
  }

  function focusSendBox() {
    var tries = 0;
    (function attempt() {
      var input = chatElement.querySelector('[data-id="webchat-sendbox-input"]');
      if (input) input.focus();
      else if (++tries < 40) setTimeout(attempt, 50);
    })();
  }

  Array.prototype.forEach.call(document.querySelectorAll('.language-option'), function (el) {
    el.addEventListener('click', onLanguageClick);
  });

  if (!window.WebChat) {
    showUnavailable();
    return;
  }
  (config.channel === 'directline' ? connectDirectLine() : connectWebChannel()).then(
    function (connected) {
      connection = connected;
      store = window.WebChat.createStore();
      chatElement.textContent = '';
      render();
      if (config.embed) focusSendBox();
    },
    function () {
      showUnavailable();
    },
  );
})();
