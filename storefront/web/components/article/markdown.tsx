import { createElement, type ReactNode } from "react"
import { richTextTree, type RichTextNode } from "@health/core/cms/rich-text"

/**
 * A CMS body (Markdown as the CMS editor previews it: tables, links, images, emphasis, video) as
 * React elements. The tree comes from core's parser with only allowed tags and addresses, and is
 * drawn element by element, never as an HTML string, so editor content cannot inject markup.
 */
export function Markdown({ source }: { source: string | null | undefined }) {
  return <>{richTextTree(source).map(renderNode)}</>
}

function renderNode(node: RichTextNode, index: number): ReactNode {
  if (node.type === "text") return node.text
  const children = node.children.length > 0 ? node.children.map(renderNode) : undefined
  switch (node.tag) {
    case "a": {
      const external = /^(https?:)?\/\//i.test(node.attrs.href)
      return (
        <a
          key={index}
          href={node.attrs.href}
          title={node.attrs.title}
          {...(external ? { target: "_blank", rel: "noopener noreferrer" } : {})}
        >
          {children}
        </a>
      )
    }
    case "img":
      return (
        // eslint-disable-next-line @next/next/no-img-element -- editors' images come from any host and size
        <img
          key={index}
          src={node.attrs.src}
          alt={node.attrs.alt ?? ""}
          title={node.attrs.title}
          width={node.attrs.width ? Number(node.attrs.width) : undefined}
          height={node.attrs.height ? Number(node.attrs.height) : undefined}
          loading="lazy"
          decoding="async"
          className="rich-image"
        />
      )
    case "video":
      return (
        <video
          key={index}
          src={node.attrs.src}
          poster={node.attrs.poster}
          controls
          playsInline
          preload="metadata"
          className="rich-video"
        >
          您的浏览器无法播放此视频。
        </video>
      )
    case "table":
      return (
        <div key={index} className="rich-table">
          <table>{children}</table>
        </div>
      )
    case "th":
    case "td":
      return createElement(
        node.tag,
        { key: index, style: node.attrs.align ? { textAlign: node.attrs.align } : undefined },
        children
      )
    default:
      return createElement(node.tag, { key: index, title: node.attrs.title }, children)
  }
}
