// The web and mini-program compile this file from their own projects, which would not see the
// plugins' declarations otherwise.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./markdown-it-plugins.d.ts" />
import MarkdownIt from "markdown-it"
import ins from "markdown-it-ins"
import mark from "markdown-it-mark"
import sub from "markdown-it-sub"
import sup from "markdown-it-sup"
import { parseDocument } from "htmlparser2"

/**
 * What an editor writes in the CMS's Markdown field, as a tree of allowed elements any renderer
 * can draw (React on the web, rich-text nodes and video components in the mini-program).
 *
 * It parses with markdown-it and the options and syntax plugins of the CMS editor's own preview,
 * so what the editor previews is what members read, GFM tables, links, images, emphasis and
 * embedded `<video>` included. It never hands out an HTML string: the tree holds only the tags
 * and attributes below, and only http(s), mailto, tel and relative addresses, so a body cannot
 * run script or load `data:` content whatever it contains.
 */
export type RichTextNode =
  | { type: "text"; text: string }
  | { type: "element"; tag: RichTextTag; attrs: Record<string, string>; children: RichTextNode[] }

const ALLOWED_ATTRIBUTES = {
  a: ["href", "title"],
  img: ["src", "alt", "title", "width", "height"],
  video: ["src", "poster", "width", "height"],
  source: ["src", "type"],
  th: ["align"],
  td: ["align"],
  abbr: ["title"],
} as const

const ALLOWED_TAGS = [
  "p",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "strong",
  "em",
  "b",
  "i",
  "u",
  "s",
  "del",
  "ins",
  "mark",
  "sub",
  "sup",
  "code",
  "pre",
  "blockquote",
  "ul",
  "ol",
  "li",
  "br",
  "hr",
  "a",
  "img",
  "video",
  "source",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "abbr",
  "span",
  "div",
] as const
export type RichTextTag = (typeof ALLOWED_TAGS)[number]

type ChildNode = ReturnType<typeof parseDocument>["children"][number]

const allowedTags = new Set<string>(ALLOWED_TAGS)
/** Elements whose content is never shown, not even as text. */
const DROPPED_WITH_CONTENT = new Set(["script", "style", "iframe", "object", "embed", "template"])
const URL_ATTRIBUTES = new Set(["href", "src", "poster"])
/** Containers whose whitespace-only text is layout, not content (React refuses it inside tables). */
const BLOCK_CONTAINERS = new Set([
  "ul",
  "ol",
  "table",
  "thead",
  "tbody",
  "tr",
  "blockquote",
  "div",
  "video",
])
/** Elements that end a line in plain text. */
const LINE_ENDING = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "pre", "br"])
const VIDEO_FILE = /\.(mp4|m4v|webm|mov)(\?[^#]*)?(#.*)?$/i

// The CMS preview's options (content-manager's Wysiwyg mdRenderer): raw HTML allowed (then filtered
// here), line breaks kept, bare addresses linked, typographic quotes.
const markdown = new MarkdownIt({ html: true, breaks: true, linkify: true, typographer: true })
  .use(ins)
  .use(mark)
  .use(sub)
  .use(sup)

export function richTextTree(source: string | null | undefined): RichTextNode[] {
  if (!source?.trim()) return []
  const document = parseDocument(markdown.render(source), { decodeEntities: true })
  return withVideoParagraphsLifted(cleanChildren(document.children, true))
}

/** A safe address, or null: http(s), mailto, tel, protocol-relative and site-relative only. */
export function safeUrl(value: string): string | null {
  const url = value.trim()
  if (!url || [...url].some((char) => char.charCodeAt(0) < 0x20)) return null
  if (/^(https?:|mailto:|tel:)/i.test(url)) return url
  if (/^(\/|#|\?|\.\/|\.\.\/)/.test(url)) return url
  // No scheme at all (e.g. "articles/abc"): relative. Anything with another scheme is refused.
  return /^[a-z][a-z0-9+.-]*:/i.test(url) ? null : url
}

/** The text of a tree, for excerpts and search snippets. */
export function richTextPlain(nodes: RichTextNode[]): string {
  return nodes
    .map((node) => {
      if (node.type === "text") return node.text
      return richTextPlain(node.children) + (LINE_ENDING.has(node.tag) ? "\n" : "")
    })
    .join("")
}

function cleanChildren(children: ChildNode[], inBlockContainer: boolean): RichTextNode[] {
  const nodes = children.flatMap((child) => cleanNode(child))
  return inBlockContainer ? nodes.filter((node) => node.type !== "text" || node.text.trim()) : nodes
}

function cleanNode(node: ChildNode): RichTextNode[] {
  if (node.type === "text") return node.data ? [{ type: "text", text: node.data }] : []
  if (node.type !== "tag" && node.type !== "script" && node.type !== "style") return []
  const name = node.name.toLowerCase()
  if (DROPPED_WITH_CONTENT.has(name)) return []
  const children = cleanChildren(node.children, BLOCK_CONTAINERS.has(name))
  // An unknown element loses its tag, not its words.
  if (!allowedTags.has(name)) return children
  // A paragraph left empty (its only image refused) is not drawn.
  if (name === "p" && children.length === 0) return []
  const attrs = cleanAttributes(name, node.attribs)
  if (name === "img" && attrs.src && VIDEO_FILE.test(attrs.src)) {
    return [{ type: "element", tag: "video", attrs: { src: attrs.src }, children: [] }]
  }
  if ((name === "img" || name === "source") && !attrs.src) return []
  if (name === "video") {
    const source = firstSource(children)
    if (!attrs.src && source) attrs.src = source
    if (!attrs.src) return []
    return [{ type: "element", tag: "video", attrs, children: [] }]
  }
  if (name === "a" && !attrs.href) return children
  return [{ type: "element", tag: name as RichTextTag, attrs, children }]
}

function cleanAttributes(tag: string, raw: Record<string, string>): Record<string, string> {
  const allowed: readonly string[] =
    ALLOWED_ATTRIBUTES[tag as keyof typeof ALLOWED_ATTRIBUTES] ?? []
  const attrs: Record<string, string> = {}
  for (const name of allowed) {
    const value = raw[name]
    if (value === undefined) continue
    if (URL_ATTRIBUTES.has(name)) {
      const url = safeUrl(value)
      if (url) attrs[name] = url
    } else if (name === "width" || name === "height") {
      if (/^\d{1,4}$/.test(value)) attrs[name] = value
    } else if (name === "align") {
      if (/^(left|center|right)$/.test(value)) attrs[name] = value
    } else {
      attrs[name] = value
    }
  }
  // markdown-it writes table alignment as a style; keep just the alignment.
  const align = /text-align:\s*(left|center|right)/.exec(raw.style ?? "")
  if (align && (tag === "th" || tag === "td")) attrs.align = align[1]
  return attrs
}

function firstSource(children: RichTextNode[]): string | undefined {
  for (const child of children) {
    if (child.type === "element" && child.tag === "source" && child.attrs.src)
      return child.attrs.src
  }
  return undefined
}

/** A paragraph holding only a video (`![](clip.mp4)`) becomes the video itself, a block of its own. */
function withVideoParagraphsLifted(nodes: RichTextNode[]): RichTextNode[] {
  return nodes.flatMap((node) => {
    if (node.type !== "element") return [node]
    const meaningful = node.children.filter(
      (child) => child.type === "element" || child.text.trim() !== ""
    )
    if (
      node.tag === "p" &&
      meaningful.length > 0 &&
      meaningful.every(
        (child) => child.type === "element" && (child.tag === "video" || child.tag === "br")
      )
    ) {
      return meaningful.filter((child) => child.type === "element" && child.tag === "video")
    }
    return [{ ...node, children: withVideoParagraphsLifted(node.children) }]
  })
}
