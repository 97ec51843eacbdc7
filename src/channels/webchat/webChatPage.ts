import type { Language } from '../../content/language';
import type { PageChannel } from './pageChannel';
import { escapeHtml as esc, replyHtml } from './replyHtml';
import { WEB_CHAT_STRINGS, type WebChatStrings } from './webChatStrings';

/** The bot's welcome as the web channel sends it: its text (Markdown, with tel: links) and its choices. */
export interface WelcomeView {
  /** The welcome's text. */
  readonly text: string;
  /** The labels of its buttons (the doors and the booking-line hours). */
  readonly choices: readonly string[];
}

/** What the page is rendered with. */
export interface WebChatPageOptions {
  /** The page language. */
  readonly lang: Language;
  /** The CSP nonce Web Chat puts on its `<style>` elements. */
  readonly nonce: string;
  /** How the page reaches the bot. */
  readonly channel: PageChannel;
  /** True inside the widget's frame: a compact header, no introduction. */
  readonly embed: boolean;
  /** The welcome in `lang`, shown at once (undefined only in the moment before content has loaded). */
  readonly welcome?: WelcomeView;
}

/** JSON that is safe inside a `<script type="application/json">` element. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/**
 * The first screen: the welcome as a bot message and its doors as buttons, in plain HTML, so that a phone on a
 * slow network shows them (and `/webchat/start.js` makes them work) before Web Chat's bundle has arrived.
 */
function firstScreen(welcome: WelcomeView | undefined, s: WebChatStrings): string {
  const message = welcome
    ? `<div class="lite-message lite-bot" id="lite-welcome" tabindex="-1">
<span class="lite-avatar" aria-hidden="true">IEO</span>
<div class="lite-bubble"><span class="visually-hidden">${esc(s.botSaid)}</span>${replyHtml(welcome.text)}</div>
</div>`
    : `<p class="chat-status" data-text="loading">${esc(s.loading)}</p>`;
  const choices = (welcome?.choices ?? [])
    .map(
      (label) => `<button type="button" class="lite-choice" data-say="${esc(label)}">${esc(label)}</button>`,
    )
    .join('\n');
  return `<div id="first-screen" class="first-screen">
<div class="lite-transcript" id="lite-transcript" role="log" tabindex="-1" aria-label="${esc(s.chatLabel)}">
${message}
</div>
<div class="lite-choices" id="lite-choices" role="group" aria-label="${esc(s.choicesLabel)}">
${choices}
</div>
<form class="lite-ask" id="lite-ask" action="#" autocomplete="off">
<label class="visually-hidden" for="lite-input">${esc(s.inputLabel)}</label>
<input id="lite-input" name="text" type="text" maxlength="5000" enterkeyhint="send" placeholder="${esc(s.inputPlaceholder)}">
<button type="submit" class="lite-send">${esc(s.send)}</button>
</form>
</div>`;
}

/**
 * The Web Chat page: the department's header, a language switch, and the chat region Web Chat renders
 * into. No inline script: page logic is `/webchat/app.js`, configuration is a JSON data block.
 */
export function renderWebChatPage(options: WebChatPageOptions): string {
  const { lang, nonce, channel, embed, welcome } = options;
  const s = WEB_CHAT_STRINGS[lang];
  const switchLink = (to: Language) => {
    const t = WEB_CHAT_STRINGS[to];
    const current = to === lang ? ' aria-current="true"' : '';
    return `<a class="language-option" href="?lang=${to}${embed ? '&amp;embed=1' : ''}" hreflang="${to}" lang="${t.htmlLang}" data-lang="${to}"${current}>${esc(t.languageName)}</a>`;
  };
  const config = {
    lang,
    channel,
    nonce,
    embed,
    welcomeShown: welcome !== undefined,
    strings: WEB_CHAT_STRINGS,
  };
  return `<!doctype html>
<html lang="${s.htmlLang}" dir="ltr" data-first-screen="loading">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${esc(s.pageTitle)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/webchat/page.css">
<script src="/webchat/start.js" defer></script>
</head>
<body class="${embed ? 'embed' : 'standalone'}">
<a class="skip-link" href="#chat" data-text="skipToChat">${esc(s.skipToChat)}</a>
<header class="site-header">
<div class="brand">
<p class="hospital" data-text="hospital">${esc(s.hospital)}</p>
<h1 class="department" data-text="department">${esc(s.department)}</h1>
<p class="assistant" data-text="assistant">${esc(s.assistant)}</p>
</div>
<nav class="language" aria-labelledby="language-label">
<span id="language-label" class="visually-hidden" data-text="languageLabel">${esc(s.languageLabel)}</span>
${switchLink('it')}
${switchLink('en')}
</nav>
</header>
<main class="chat-main">
<p class="intro" data-text="intro">${esc(s.intro)}</p>
<section class="chat" id="chat" tabindex="-1" aria-labelledby="chat-label">
<h2 id="chat-label" class="visually-hidden" data-text="chatLabel">${esc(s.chatLabel)}</h2>
${firstScreen(welcome, s)}
<div id="webchat" class="webchat" tabindex="-1" hidden></div>
<noscript><p class="chat-status">${esc(s.noscript)}</p></noscript>
</section>
</main>
<script type="application/json" id="webchat-config">${jsonForScript(config)}</script>
</body>
</html>
`;
}
