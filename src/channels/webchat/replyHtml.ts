const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** A tap-to-call link as the reply renderer writes it: `[+39 02 5748 9001](tel:+390257489001)`. */
const TEL_LINK = /\[([^\]\n]+)\]\((tel:\+?\d{2,15})\)/g;

/** A list item line: `- text`. */
const LIST_ITEM = /^\s*-\s+/;

/** One line: escaped text, with its tel: links as anchors. */
function inline(line: string): string {
  let html = '';
  let last = 0;
  for (const m of line.matchAll(TEL_LINK)) {
    html += `${escapeHtml(line.slice(last, m.index))}<a href="${escapeHtml(m[2]!)}">${escapeHtml(m[1]!)}</a>`;
    last = m.index + m[0].length;
  }
  return html + escapeHtml(line.slice(last));
}

/**
 * A bot reply's text as HTML, for the page's first screen: the Markdown the bot writes and nothing more
 * (paragraphs, line breaks, `- ` lists, `tel:` links); everything else is text.
 * @remarks `/webchat/start.js` renders later replies the same way with DOM nodes; Web Chat's own Markdown gives
 * the same result once it has loaded.
 */
export function replyHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const lines = block.split('\n');
      if (lines.every((l) => LIST_ITEM.test(l))) {
        return `<ul>${lines.map((l) => `<li>${inline(l.replace(LIST_ITEM, ''))}</li>`).join('')}</ul>`;
      }
      return `<p>${lines.map(inline).join('<br>')}</p>`;
    })
    .join('');
}
