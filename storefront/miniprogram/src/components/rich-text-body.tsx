import { RichText, Text, Video, View } from "@tarojs/components"
import Taro from "@tarojs/taro"
import { richTextPlain, richTextTree, type RichTextNode } from "@health/core/cms/rich-text"
import { go } from "../lib/navigate"
import { webLinkRoute } from "../lib/web-link-route"

type WeChatNode =
  | { type: "text"; text: string }
  | { name: string; attrs?: Record<string, string>; children?: WeChatNode[] }

// rich-text takes inline styles everywhere; the page's classes do not reach inside it.
const STYLES: Partial<Record<string, string>> = {
  h1: "font-size:20px;font-weight:600;margin:16px 0 8px",
  h2: "font-size:18px;font-weight:600;margin:16px 0 8px",
  h3: "font-size:16px;font-weight:600;margin:12px 0 6px",
  h4: "font-size:15px;font-weight:600;margin:12px 0 6px",
  p: "margin:10px 0;line-height:1.75",
  blockquote:
    "margin:10px 0;padding:6px 12px;border-left:4px solid #0f766e;background:#ecfdf5;color:#374151",
  a: "color:#0f766e;text-decoration:underline",
  img: "max-width:100%;height:auto;display:block;margin:10px 0;border-radius:8px",
  table: "border-collapse:collapse;width:100%;margin:10px 0;font-size:14px",
  th: "border:1px solid #e5e7eb;padding:4px 8px;background:#ecfdf5",
  td: "border:1px solid #e5e7eb;padding:4px 8px",
  mark: "background:#fef08a",
  code: "font-family:monospace;background:#f3f4f6;padding:0 4px",
  pre: "background:#f3f4f6;padding:8px;overflow-x:auto",
  ul: "padding-left:20px;margin:8px 0",
  ol: "padding-left:20px;margin:8px 0",
}

function toWeChatNode(node: RichTextNode): WeChatNode {
  if (node.type === "text") return { type: "text", text: node.text }
  const attrs: Record<string, string> = {}
  const style = [STYLES[node.tag], node.attrs.align ? `text-align:${node.attrs.align}` : ""]
    .filter(Boolean)
    .join(";")
  if (style) attrs.style = style
  for (const name of ["src", "alt", "width", "height"] as const) {
    if (node.attrs[name]) attrs[name] = node.attrs[name]
  }
  return { name: node.tag, attrs, children: node.children.map(toWeChatNode) }
}

function linksIn(nodes: RichTextNode[]): { text: string; href: string }[] {
  return nodes.flatMap((node) => {
    if (node.type === "text") return []
    if (node.tag === "a")
      return [{ text: richTextPlain(node.children).trim(), href: node.attrs.href }]
    return linksIn(node.children)
  })
}

function openLink(href: string) {
  const route = webLinkRoute(href)
  if (route) return go(route)
  // Mini-programs cannot open outside pages: the address goes to the clipboard instead.
  return Taro.setClipboardData({ data: href }).then(() =>
    Taro.showToast({ title: "链接已复制，可在浏览器中打开", icon: "none" })
  )
}

/**
 * A CMS body as members read it here: text, tables and images through rich-text (which cannot
 * run anything), each video as a Video player, and the body's links listed below as taps, since
 * links inside rich-text do not respond.
 */
export function RichTextBody({
  source,
  testId,
}: {
  source: string | null | undefined
  testId?: string
}) {
  const tree = richTextTree(source)
  const groups: (RichTextNode[] | Extract<RichTextNode, { type: "element" }>)[] = []
  for (const node of tree) {
    if (node.type === "element" && node.tag === "video") groups.push(node)
    else if (Array.isArray(groups[groups.length - 1]))
      (groups[groups.length - 1] as RichTextNode[]).push(node)
    else groups.push([node])
  }
  const links = linksIn(tree)
  return (
    <View data-testid={testId}>
      {groups.map((group, i) =>
        Array.isArray(group) ? (
          <RichText key={i} nodes={group.map(toWeChatNode) as never} />
        ) : (
          <Video
            key={i}
            src={group.attrs.src}
            poster={group.attrs.poster}
            controls
            style={{ width: "100%", margin: "10px 0" }}
          />
        )
      )}
      {links.length > 0 && (
        <View className="rich-links" data-testid="rich-links">
          <Text className="muted">文中链接</Text>
          {links.map((link, i) => (
            <View key={i} className="rich-links__item" onClick={() => openLink(link.href)}>
              <Text>{link.text || link.href}</Text>
              <Text className="muted">{webLinkRoute(link.href) ? " ›" : " 复制链接"}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
