import { richTextPlain, richTextTree, safeUrl, type RichTextNode } from "../cms/rich-text"

const VOID = new Set(["br", "hr", "img", "source"])

/** The tree as compact HTML-like text, so expectations read like what a member sees. */
function show(nodes: RichTextNode[]): string {
  return nodes
    .map((node) => {
      if (node.type === "text") return node.text
      const attrs = Object.entries(node.attrs)
        .map(([k, v]) => ` ${k}="${v}"`)
        .join("")
      if (VOID.has(node.tag) && node.children.length === 0) return `<${node.tag}${attrs}>`
      return `<${node.tag}${attrs}>${show(node.children)}</${node.tag}>`
    })
    .join("")
    .replace(/\n/g, "")
}

describe("richTextTree: what editors write reaches the reader", () => {
  it("renders headings, emphasis, links and images instead of raw Markdown", () => {
    const html = show(
      richTextTree(
        "## 饮食建议\n\n*少吃* 生冷，**多喝**温水，~~熬夜~~。详见[气虚质调理](/articles/qixu)。\n\n![山药粥](https://cdn.example.com/shanyao.jpg)"
      )
    )
    expect(html).toContain("<h2>饮食建议</h2>")
    expect(html).toContain("<em>少吃</em>")
    expect(html).toContain("<strong>多喝</strong>")
    expect(html).toContain("<s>熬夜</s>")
    expect(html).toContain('<a href="/articles/qixu">气虚质调理</a>')
    expect(html).toContain('<img src="https://cdn.example.com/shanyao.jpg" alt="山药粥">')
    expect(html).not.toMatch(/[*#![\]]/)
  })

  it("renders GFM tables with their alignment", () => {
    const html = show(
      richTextTree("| 体质 | 占比 |\n| :-- | --: |\n| 平和质 | 32% |\n| 气虚质 | 13% |")
    )
    expect(html).toContain(
      '<table><thead><tr><th align="left">体质</th><th align="right">占比</th></tr></thead>'
    )
    expect(html).toContain('<td align="left">气虚质</td><td align="right">13%</td>')
  })

  it("keeps the CMS preview's syntax: line breaks, ++inserted++, ==marked==, H~2~O, x^2^ and bare links", () => {
    const html = show(
      richTextTree("第一行\n第二行 ++新增++ ==重点== H~2~O x^2^ https://example.com/a")
    )
    expect(html).toBe(
      '<p>第一行<br>第二行 <ins>新增</ins> <mark>重点</mark> H<sub>2</sub>O x<sup>2</sup> <a href="https://example.com/a">https://example.com/a</a></p>'
    )
  })

  it("embeds video written as <video> or as an image of a video file, each as its own block", () => {
    expect(
      richTextTree('<video controls src="https://cdn.example.com/baduanjin.mp4"></video>')
    ).toEqual([
      {
        type: "element",
        tag: "video",
        attrs: { src: "https://cdn.example.com/baduanjin.mp4" },
        children: [],
      },
    ])
    expect(
      show(richTextTree('<video controls><source src="/media/a.webm" type="video/webm"></video>'))
    ).toBe('<video src="/media/a.webm"></video>')
    expect(show(richTextTree("![八段锦](https://cdn.example.com/baduanjin.mp4)"))).toBe(
      '<video src="https://cdn.example.com/baduanjin.mp4"></video>'
    )
  })

  it("never lets a body run script, load data: content or carry event handlers", () => {
    const html = show(
      richTextTree(
        [
          "<script>alert(1)</script>",
          '<img src="x.png" onerror="alert(2)">',
          "[点我](javascript:alert(3))",
          '<a href="JaVaScRiPt:alert(4)">再点</a>',
          "![x](data:image/png;base64,AAAA)",
          '<iframe src="https://evil.example"></iframe>',
          '<p style="position:fixed" class="x" onclick="y">文字</p>',
          "<custom-tag>保留文字</custom-tag>",
        ].join("\n\n")
      )
    )
    expect(html).not.toMatch(/<script|onerror|onclick|data:|iframe|style=|class=|href="javascript/i)
    expect(html).not.toContain("alert(1)")
    expect(html).toContain('<img src="x.png">')
    // A refused link stays the words the editor wrote, as text: nothing to click.
    expect(html).toContain("<p>[点我](javascript:alert(3))</p>")
    expect(html).toContain("再点")
    expect(html).toContain("<p>文字</p>")
    expect(html).not.toContain("<p></p>")
    expect(html).toContain("保留文字")
  })

  it("answers an empty list for an empty body and gives the plain text for excerpts", () => {
    expect(richTextTree("")).toEqual([])
    expect(richTextTree(null)).toEqual([])
    expect(richTextPlain(richTextTree("# 标题\n\n正文 **加粗**"))).toBe("标题\n正文 加粗\n")
  })

  it("accepts only web, mail, phone and relative addresses", () => {
    expect(safeUrl("https://a.example/x")).toBe("https://a.example/x")
    expect(safeUrl("tel:4008001234")).toBe("tel:4008001234")
    expect(safeUrl("/products/gene")).toBe("/products/gene")
    expect(safeUrl("images/a.png")).toBe("images/a.png")
    expect(safeUrl("vbscript:x")).toBeNull()
    expect(safeUrl(" javascript:x")).toBeNull()
    expect(safeUrl("java\tscript:x")).toBeNull()
  })
})
