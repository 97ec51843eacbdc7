/*
 * The website chat widget (served as /widget.js). One tag on any page of the hospital's site:
 *   <script src="https://<bot host>/widget.js" async></script>
 * adds a floating chat button that opens the Web Chat page of the same host in a frame.
 * Optional: data-lang="it" or "en" (default: the host page's lang, then the browser's language).
 * Styles are set through the CSSOM (element.style), which a host page's Content-Security-Policy allows.
 * It first asks the chat server whether this site may show the chat in a frame (FRAME_ANCESTORS): when not, the
 * panel says so, with a link that opens the chat in a new window, instead of the browser's bare refusal.
 */
(function () {
  'use strict';

  var STRINGS = /*WIDGET_STRINGS*/ {};
  var script = document.currentScript;
  if (!script || window.sarcomaChatWidget) return;

  var origin = new URL(script.src, window.location.href).origin;
  var ACCENT = '#0b5c78';
  var NARROW = window.matchMedia('(max-width: 600px)');

  function pickLanguage() {
    var wanted = [script.getAttribute('data-lang'), document.documentElement.lang]
      .concat(navigator.languages || [navigator.language])
      .filter(Boolean);
    for (var i = 0; i < wanted.length; i++) {
      var primary = String(wanted[i]).toLowerCase().split(/[-_]/)[0];
      if (STRINGS[primary]) return primary;
    }
    return 'en';
  }

  var lang = pickLanguage();
  var s = STRINGS[lang];

  function css(el, styles) {
    for (var name in styles) el.style.setProperty(name, styles[name]);
  }

  var button = document.createElement('button');
  button.type = 'button';
  button.id = 'sarcoma-chat-launcher';
  button.setAttribute('aria-label', s.open);
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', 'sarcoma-chat-panel');
  // Built node by node (no innerHTML), so host pages that enforce Trusted Types accept it.
  var SVG = 'http://www.w3.org/2000/svg';
  var icon = document.createElementNS(SVG, 'svg');
  icon.setAttribute('aria-hidden', 'true');
  icon.setAttribute('focusable', 'false');
  icon.setAttribute('width', '24');
  icon.setAttribute('height', '24');
  icon.setAttribute('viewBox', '0 0 24 24');
  var path = document.createElementNS(SVG, 'path');
  path.setAttribute('fill', 'currentColor');
  path.setAttribute('d', 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z');
  icon.appendChild(path);
  button.appendChild(icon);
  var label = document.createElement('span');
  label.textContent = s.button;
  button.appendChild(label);
  css(button, {
    position: 'fixed',
    right: '20px',
    bottom: '20px',
    'z-index': '2147483000',
    display: 'inline-flex',
    'align-items': 'center',
    gap: '8px',
    'min-height': '56px',
    padding: '0 20px',
    border: '2px solid #ffffff',
    'border-radius': '28px',
    background: ACCENT,
    color: '#ffffff',
    font: '600 17px/1 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
    cursor: 'pointer',
    'box-shadow': '0 4px 12px rgba(0, 0, 0, 0.25)',
  });

  var panel = document.createElement('div');
  panel.id = 'sarcoma-chat-panel';
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', s.title);
  panel.hidden = true;

  var close = document.createElement('button');
  close.type = 'button';
  close.setAttribute('aria-label', s.close);
  close.textContent = '\u00d7';
  css(close, {
    position: 'absolute',
    top: '6px',
    right: '6px',
    'z-index': '1',
    width: '44px',
    height: '44px',
    border: '2px solid #ffffff',
    'border-radius': '22px',
    background: ACCENT,
    color: '#ffffff',
    font: '400 28px/1 system-ui, sans-serif',
    cursor: 'pointer',
  });
  panel.appendChild(close);

  var frame;
  var notice;

  var framing;

  /**
   * Whether the chat server lets this site frame the chat: true, false, or undefined when it could not tell. Asked
   * once, when the visitor first reaches for the button (so a page view that never opens the chat costs nothing).
   */
  function checkFraming() {
    framing =
      framing ||
      fetch(origin + '/api/webchat/frame-check', { credentials: 'omit' })
        .then(function (res) {
          return res.ok ? res.json() : {};
        })
        .then(
          function (body) {
            return typeof body.allowed === 'boolean' ? body.allowed : undefined;
          },
          function () {
            return undefined;
          },
        );
    return framing;
  }

  function layout() {
    var narrow = NARROW.matches;
    css(panel, {
      position: 'fixed',
      'z-index': '2147483001',
      right: narrow ? '0' : '20px',
      bottom: narrow ? '0' : '20px',
      width: narrow ? '100%' : '400px',
      height: narrow ? '100%' : 'min(680px, calc(100vh - 40px))',
      background: '#ffffff',
      'border-radius': narrow ? '0' : '12px',
      overflow: 'hidden',
      'box-shadow': '0 8px 28px rgba(0, 0, 0, 0.3)',
      display: panel.hidden ? 'none' : 'block',
    });
  }

  function focusOutline(el) {
    el.addEventListener('focus', function () {
      css(el, { outline: '3px solid #b34700', 'outline-offset': '2px' });
    });
    el.addEventListener('blur', function () {
      el.style.removeProperty('outline');
    });
  }

  var chatUrl = origin + '/?lang=' + encodeURIComponent(lang);

  function addFrame() {
    frame = document.createElement('iframe');
    frame.title = s.title;
    frame.src = origin + '/?embed=1&lang=' + encodeURIComponent(lang);
    frame.setAttribute('allow', '');
    css(frame, { width: '100%', height: '100%', border: '0', display: 'block' });
    panel.appendChild(frame);
  }

  /** What the panel shows when the chat server does not allow this site in FRAME_ANCESTORS. */
  function addNotice() {
    var here = window.location.origin;
    notice = document.createElement('div');
    notice.setAttribute('role', 'alert');
    css(notice, {
      padding: '64px 24px 24px',
      color: '#17262e',
      font: '400 17px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
    });
    var text = document.createElement('p');
    text.textContent = s.blocked;
    var link = document.createElement('a');
    link.href = chatUrl;
    link.target = '_blank';
    link.rel = 'noopener';
    link.textContent = s.blockedOpen;
    css(link, { color: ACCENT, 'font-weight': '600' });
    var owner = document.createElement('p');
    owner.textContent = s.blockedOwner.replace('{origin}', here);
    css(owner, { 'margin-top': '24px', 'font-size': '15px', color: '#3d4c54' });
    notice.appendChild(text);
    notice.appendChild(link);
    notice.appendChild(owner);
    panel.appendChild(notice);
    if (window.console && console.error) {
      console.error(
        'Sarcoma chat widget: ' +
          origin +
          ' does not allow ' +
          here +
          ' to show the chat in a frame. ' +
          "Add it to the chat server's FRAME_ANCESTORS, e.g. FRAME_ANCESTORS=\"'self' " +
          here +
          '".',
      );
    }
  }

  function open() {
    panel.hidden = false;
    layout();
    button.setAttribute('aria-expanded', 'true');
    css(button, { display: 'none' });
    if (frame) {
      frame.focus();
      return;
    }
    if (notice) {
      close.focus();
      return;
    }
    checkFraming().then(function (allowed) {
      if (frame || notice) return;
      if (allowed === false) {
        addNotice();
        close.focus();
      } else {
        addFrame();
        frame.focus();
      }
    });
  }

  function hide() {
    panel.hidden = true;
    layout();
    button.setAttribute('aria-expanded', 'false');
    css(button, { display: 'inline-flex' });
    button.focus();
  }

  button.addEventListener('click', open);
  ['pointerenter', 'touchstart', 'focus'].forEach(function (type) {
    button.addEventListener(type, checkFraming, { passive: true });
  });
  close.addEventListener('click', hide);
  panel.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') hide();
  });
  // Keys pressed inside the chat reach the frame's page, not this one: it tells us when Escape was pressed.
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (event.origin !== origin || !frame || event.source !== frame.contentWindow) return;
    if (data && data.type === 'sarcoma-chat:close' && !panel.hidden) hide();
  });
  focusOutline(button);
  focusOutline(close);
  if (NARROW.addEventListener) NARROW.addEventListener('change', layout);

  function mount() {
    document.body.appendChild(panel);
    document.body.appendChild(button);
    layout();
  }

  window.sarcomaChatWidget = { open: open, close: hide };
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
})();
