import type { Language } from '../../content/language';
import type { PageChannel } from './pageChannel';
import { WEB_CHAT_STRINGS } from './webChatStrings';

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
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** JSON that is safe inside a `<script type="application/json">` element. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/**
 * The Web Chat page: the department's header, a language switch, and the chat region Web Chat renders
 * into. No inline script: page logic is `/webchat/app.js`, configuration is a JSON data block.
 */
export function renderWebChatPage(options: WebChatPageOptions): string {
  const { lang, nonce, channel, embed } = options;
  const s = WEB_CHAT_STRINGS[lang];
  const switchLink = (to: Language) => {
    const t = WEB_CHAT_STRINGS[to];
    const current = to === lang ? ' aria-current="true"' : '';
    return `<a class="language-option" href="?lang=${to}${embed ? '&amp;embed=1' : ''}" hreflang="${to}" lang="${t.htmlLang}" data-lang="${to}"${current}>${esc(t.languageName)}</a>`;
  };
  const config = { lang, channel, nonce, embed, strings: WEB_CHAT_STRINGS };
  return `<!doctype html>
<html lang="${s.htmlLang}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${esc(s.pageTitle)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/webchat/page.css">
<script src="/webchat/webchat.js" defer></script>
<script src="/webchat/app.js" defer></script>
</head>
<body class="${embed ? 'embed' : 'standalone'}">
<a class="skip-link" href="#webchat" data-text="skipToChat">${esc(s.skipToChat)}</a>
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
<section class="chat" aria-labelledby="chat-label">
<h2 id="chat-label" class="visually-hidden" data-text="chatLabel">${esc(s.chatLabel)}</h2>
<div id="webchat" class="webchat" tabindex="-1">
<p class="chat-status" role="status" data-text="loading">${esc(s.loading)}</p>
</div>
<noscript><p class="chat-status">${esc(s.noscript)}</p></noscript>
</section>
</main>
<script type="application/json" id="webchat-config">${jsonForScript(config)}</script>
</body>
</html>
`;
}
