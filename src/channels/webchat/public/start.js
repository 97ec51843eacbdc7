/*
 * The page's first script (served as /webchat/start.js; a few KB, so a phone on a slow network runs it at once).
 * The welcome, the privacy note and the doors are already in the page's HTML. This script makes them work: it
 * connects to the bot through our own web channel, sends what the visitor clicks or types, and shows the replies
 * in the same simple form. Meanwhile it loads Web Chat (/webchat/webchat.js, then /webchat/app.js), which takes
 * over the same conversation, with everything said so far, once it is ready.
 * With Azure Direct Line (DIRECT_LINE_SECRET) what the visitor says first is kept and sent by Web Chat instead.
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
  var BASE = '/api/webchat/conversations';

  var config = JSON.parse(document.getElementById('webchat-config').textContent);
  var strings = config.strings;
  /** What app.js reads and changes: the language, the connection, and the hand-over (see below). */
  var page = { lang: config.lang };
  window.sarcomaChatPage = page;
  var root = document.documentElement;
  var screen = document.getElementById('first-screen');
  var transcript = document.getElementById('lite-transcript');
  var choicesBox = document.getElementById('lite-choices');
  var form = document.getElementById('lite-ask');
  var input = document.getElementById('lite-input');
  var timeZone = (function () {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (e) {
      return undefined;
    }
  })();

  function s() {
    return strings[page.lang];
  }

  function currentLocale() {
    return s().webChatLocale;
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

  function createConversation() {
    return fetch(BASE, { method: 'POST' }).then(function (res) {
      if (!res.ok) throw new Error('conversation ' + res.status);
      return res.json();
    });
  }

  /**
   * A Direct Line-shaped connection to our own web channel, opened at once: POST /api/webchat/conversations for a
   * conversation and its token, then each activity is POSTed with the token and answered with the turn's replies.
   * Activities are kept and replayed to late subscribers (Web Chat, when it takes over). `say` is the first
   * screen's way in; `postActivity` is Web Chat's. Turns are sent one at a time, in order.
   */
  function createWebChannel() {
    var session;
    var status = ConnectionStatus.Uninitialized;
    var statusObservers = [];
    var activityObservers = [];
    var history = [];
    var lastTimestamp = 0;
    var refreshTimer;
    var queue;
    var said = 0;

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
      return stamped;
    }

    function scheduleRefresh() {
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(refresh, session.expiresIn * 1000 * REFRESH_AT);
    }

    function refresh() {
      return fetch(BASE + '/' + encodeURIComponent(session.conversationId) + '/token', {
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
        return fresh;
      });
    }

    function post(activity, mayRestart) {
      return fetch(BASE + '/' + encodeURIComponent(session.conversationId) + '/activities', {
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
            return post(activity, false);
          });
        }
        if (!res.ok) throw new Error('send ' + res.status);
        return res.json();
      });
    }

    /** Runs `task` after every turn before it (a click made while connecting waits for the conversation). */
    function inTurn(task) {
      var run = queue.then(task);
      queue = run.catch(function () {});
      return run;
    }

    setStatus(ConnectionStatus.Connecting);
    var ready = startConversation();
    queue = ready.then(
      function () {
        setStatus(ConnectionStatus.Online);
        return post({ type: 'conversationUpdate' }, true).then(function (body) {
          body.activities.forEach(function (a) {
            emit(Object.assign({}, a, { welcome: true }));
          });
        });
      },
      function (err) {
        setStatus(ConnectionStatus.FailedToConnect);
        throw err;
      },
    );

    return {
      ready: ready,
      userId: function () {
        return session && session.userId;
      },
      /** How many messages (the visitor's and the bot's) the conversation holds so far. */
      historyLength: function () {
        return history.filter(function (a) {
          return a.type === 'message';
        }).length;
      },
      /** Sends what the visitor clicked or typed on the first screen; its echo is shown at once. */
      say: function (text) {
        said += 1;
        emit({
          type: 'message',
          id: 'first-screen-' + said,
          text: text,
          from: { id: (session && session.userId) || 'visitor', role: 'user' },
        });
        return inTurn(function () {
          return post({ type: 'message', text: text }, true).then(function (body) {
            body.activities.forEach(emit);
          });
        });
      },
      activity$: observable(function (observer) {
        history.forEach(observer.next);
        activityObservers.push(observer);
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
          inTurn(function () {
            return post(activity, true);
          }).then(
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

  /* ---------- The first screen's own rendering: the bot's Markdown subset, as DOM nodes (no innerHTML). ---------- */

  var TEL_LINK = /\[([^\]\n]+)\]\((tel:\+?\d{2,15})\)/g;
  var LIST_ITEM = /^\s*-\s+/;

  function appendInline(parent, line) {
    var last = 0;
    var m;
    TEL_LINK.lastIndex = 0;
    while ((m = TEL_LINK.exec(line)) !== null) {
      parent.appendChild(document.createTextNode(line.slice(last, m.index)));
      var a = document.createElement('a');
      a.href = m[2];
      a.textContent = m[1];
      parent.appendChild(a);
      last = m.index + m[0].length;
    }
    parent.appendChild(document.createTextNode(line.slice(last)));
  }

  /** Paragraphs, line breaks, `- ` lists and tel: links, as `src/channels/webchat/replyHtml.ts` renders them. */
  function renderText(parent, text) {
    String(text || '')
      .split(/\n{2,}/)
      .forEach(function (block) {
        if (block.trim() === '') return;
        var lines = block.split('\n');
        var isList = lines.every(function (l) {
          return LIST_ITEM.test(l);
        });
        if (isList) {
          var ul = document.createElement('ul');
          lines.forEach(function (l) {
            var li = document.createElement('li');
            appendInline(li, l.replace(LIST_ITEM, ''));
            ul.appendChild(li);
          });
          parent.appendChild(ul);
          return;
        }
        var p = document.createElement('p');
        lines.forEach(function (l, i) {
          if (i > 0) p.appendChild(document.createElement('br'));
          appendInline(p, l);
        });
        parent.appendChild(p);
      });
  }

  function addMessage(who, text) {
    var row = document.createElement('div');
    row.className = 'lite-message lite-' + who;
    if (who === 'bot') {
      var avatar = document.createElement('span');
      avatar.className = 'lite-avatar';
      avatar.setAttribute('aria-hidden', 'true');
      avatar.textContent = 'IEO';
      row.appendChild(avatar);
    }
    var bubble = document.createElement('div');
    bubble.className = 'lite-bubble';
    var said = document.createElement('span');
    said.className = 'visually-hidden';
    said.textContent = who === 'bot' ? s().botSaid : s().youSaid;
    bubble.appendChild(said);
    renderText(bubble, text);
    row.appendChild(bubble);
    transcript.appendChild(row);
    return row;
  }

  function showChoices(actions) {
    choicesBox.textContent = '';
    (actions || []).forEach(function (action) {
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'lite-choice';
      b.textContent = action.title;
      b.setAttribute('data-say', action.value);
      choicesBox.appendChild(b);
    });
  }

  var typing;
  function showTyping(on) {
    if (on && !typing) {
      typing = document.createElement('p');
      typing.className = 'lite-typing';
      typing.textContent = s().typing;
      transcript.appendChild(typing);
    } else if (!on && typing) {
      typing.remove();
      typing = undefined;
    }
  }

  function showProblem(text) {
    var p = document.createElement('p');
    p.className = 'chat-status chat-status-error';
    p.setAttribute('role', 'alert');
    p.textContent = text;
    transcript.appendChild(p);
  }

  /** Scrolls the transcript only (never the page) so that `row` starts at its top, or to the end. */
  function scrollTranscript(row) {
    if (!row) {
      transcript.scrollTop = transcript.scrollHeight;
      return;
    }
    var offset = row.getBoundingClientRect().top - transcript.getBoundingClientRect().top;
    transcript.scrollTop += offset - 8;
  }

  /* ---------- What the visitor does on the first screen. ---------- */

  var channel = config.channel === 'directline' ? undefined : createWebChannel();
  Object.assign(page, {
    /** The web-channel connection (undefined with Direct Line). */
    connection: channel,
    /** What the visitor said before Web Chat took over, for Web Chat to send (Direct Line only). */
    pending: [],
    /** Text typed in the first screen's box and not sent yet. */
    draft: function () {
      return input.value;
    },
    /** True while the first screen is what the visitor sees. */
    active: true,
    /**
     * Hides the first screen once Web Chat shows the conversation; says where the focus was and whether the visitor
     * was still looking at the welcome's first line.
     */
    handOver: function () {
      var focus = screen.contains(document.activeElement)
        ? document.activeElement === input
          ? 'input'
          : 'screen'
        : 'elsewhere';
      var atWelcome = transcript.scrollTop === 0 && transcript.children.length <= 1;
      page.active = false;
      if (subscription) subscription.unsubscribe();
      screen.hidden = true;
      return { focus: focus, atWelcome: atWelcome };
    },
  });

  var subscription;
  /** The first reply of the current turn. */
  var firstReply;
  if (channel) {
    subscription = channel.activity$.subscribe(function (activity) {
      if (activity.type !== 'message') return;
      var fromUser = activity.from && activity.from.role === 'user';
      if (fromUser) {
        addMessage('user', activity.text);
        showChoices([]);
        showTyping(true);
        firstReply = undefined;
        scrollTranscript();
        return;
      }
      // The welcome is already on the screen when the page was rendered with it.
      if (activity.welcome && config.welcomeShown) return;
      var loading = transcript.querySelector('[data-text="loading"]');
      if (loading) loading.remove();
      showTyping(false);
      var reply = addMessage('bot', activity.text);
      if (activity.suggestedActions && activity.suggestedActions.actions) {
        showChoices(activity.suggestedActions.actions);
      }
      // A turn's answer is read from its first line, as in Web Chat once it has taken over (or all of it shows).
      firstReply = firstReply || reply;
      scrollTranscript(firstReply);
    });
    channel.ready.catch(function () {
      showProblem(s().unavailable);
    });
  }

  function say(text) {
    var value = String(text || '').trim();
    if (value === '') return;
    if (!channel) {
      // Direct Line: Web Chat sends it once it has connected.
      page.pending.push(value);
      addMessage('user', value);
      showChoices([]);
      showTyping(true);
      scrollTranscript();
      return;
    }
    channel.say(value).catch(function () {
      showTyping(false);
      showProblem(s().sendFailed);
    });
  }

  choicesBox.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('button[data-say]') : undefined;
    if (!button) return;
    // The choices go with the message they answer; focus stays in the conversation, not on the page's top.
    transcript.focus({ preventScroll: true });
    say(button.getAttribute('data-say'));
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = input.value;
    input.value = '';
    say(text);
  });

  if (config.embed) {
    // Inside the widget's frame, Escape closes the panel (the host page cannot see keys pressed in here).
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && !event.defaultPrevented && window.parent !== window) {
        window.parent.postMessage({ type: 'sarcoma-chat:close' }, '*');
      }
    });
  }

  root.setAttribute('data-first-screen', 'ready');
  if (config.embed) {
    var welcome = document.getElementById('lite-welcome');
    if (welcome) welcome.focus({ preventScroll: true });
  }

  /* ---------- Web Chat, behind the first screen. ---------- */

  function load(src) {
    var el = document.createElement('script');
    el.src = src;
    el.async = false;
    document.head.appendChild(el);
  }

  function loadWebChat() {
    load('/webchat/webchat.js');
    load('/webchat/app.js');
  }

  // After the first screen has been painted, so the bundle never delays it.
  if (window.requestIdleCallback) window.requestIdleCallback(loadWebChat, { timeout: 1000 });
  else setTimeout(loadWebChat, 0);
})();
