import { render } from "@testing-library/react"
import { Markdown } from "@/components/article/markdown"

describe("an article body as members read it", () => {
  const body = [
    "## 气虚质的饮食",
    "*少吃*生冷，**多喝**温水。详见[体质辨识](/constitution)或[国家指南](https://www.nhc.gov.cn/)。",
    "| 食物 | 建议 |\n| --- | :-: |\n| 山药 | 常吃 |",
    "![山药粥](https://cdn.example.com/shanyao.jpg)",
    "![八段锦](https://cdn.example.com/baduanjin.mp4)",
    '<img src="x.png" onerror="window.hacked=1"><script>window.hacked=2</script>',
  ].join("\n\n")

  it("shows links, emphasis, tables, images and video, not Markdown marks", () => {
    const { container } = render(<Markdown source={body} />)
    expect(container.querySelector("h2")?.textContent).toBe("气虚质的饮食")
    expect(container.querySelector("em")?.textContent).toBe("少吃")
    const links = [...container.querySelectorAll("a")]
    expect(
      links.map((a) => [a.textContent, a.getAttribute("href"), a.getAttribute("target")])
    ).toEqual([
      ["体质辨识", "/constitution", null],
      ["国家指南", "https://www.nhc.gov.cn/", "_blank"],
    ])
    expect(links[1].getAttribute("rel")).toBe("noopener noreferrer")
    expect([...container.querySelectorAll("td")].map((td) => td.textContent)).toEqual([
      "山药",
      "常吃",
    ])
    expect(container.querySelectorAll("th")[1].style.textAlign).toBe("center")
    expect(container.querySelector('img[alt="山药粥"]')?.getAttribute("src")).toBe(
      "https://cdn.example.com/shanyao.jpg"
    )
    const video = container.querySelector("video")
    expect(video?.getAttribute("src")).toBe("https://cdn.example.com/baduanjin.mp4")
    expect(video?.hasAttribute("controls")).toBe(true)
    expect(container.textContent).not.toMatch(/[*#|]|\]\(/)
  })

  it("drops script and event handlers", () => {
    const { container } = render(<Markdown source={body} />)
    expect(container.querySelector("script")).toBeNull()
    expect(container.querySelector("[onerror]")).toBeNull()
    expect(container.innerHTML).not.toContain("hacked")
  })

  it("draws nothing for an empty body", () => {
    const { container } = render(<Markdown source="" />)
    expect(container.innerHTML).toBe("")
  })
})
