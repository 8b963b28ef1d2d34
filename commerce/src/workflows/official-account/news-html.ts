/** HTML-escaped text for a news article's body. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** Markdown's paragraphs as plain HTML paragraphs: WeChat shows the text, 阅读原文 the page. */
export const paragraphs = (markdown: string) =>
  markdown
    .split(/\n{2,}/)
    .map((block) => block.replace(/^#+\s*|[*_`>]/gm, "").trim())
    .filter(Boolean)
    .map((block) => `<p>${escapeHtml(block).replace(/\n/g, "<br/>")}</p>`)
    .join("")
