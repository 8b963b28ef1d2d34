import { fireEvent, render, screen, waitFor, within } from "@testing-library/react"
import { RichTextBody } from "../src/components/rich-text-body"
import { stand } from "./support/taro-stand-in"

const body = [
  "## 气虚质的饮食",
  "*少吃*生冷。详见[山药粥做法](/articles/shanyao-zhou)与[国家卫健委](https://www.nhc.gov.cn/)。",
  "| 食物 | 建议 |\n| --- | :-: |\n| 山药 | 常吃 |",
  "![八段锦](https://cdn.example.com/baduanjin.mp4)",
  '<img src="x.png" onerror="window.hacked=1"><script>window.hacked=2</script>',
].join("\n\n")

describe("an article body in the mini-program", () => {
  beforeEach(() => stand.reset())

  it("draws headings, emphasis and tables as rich text and the video as a player", () => {
    render(<RichTextBody source={body} testId="article-body" />)
    const shown = screen.getByTestId("article-body")
    expect(within(shown).getByText("气虚质的饮食").tagName).toBe("H2")
    expect(within(shown).getByText("少吃").tagName).toBe("EM")
    expect(Array.from(shown.querySelectorAll("td")).map((td) => td.textContent)).toEqual([
      "山药",
      "常吃",
    ])
    expect(shown.querySelectorAll("th")[1].getAttribute("style")).toContain("text-align:center")
    expect(shown.querySelector("video")?.getAttribute("src")).toBe(
      "https://cdn.example.com/baduanjin.mp4"
    )
    expect(shown.querySelector("script")).toBeNull()
    expect(shown.innerHTML).not.toContain("hacked")
    expect(shown.textContent).not.toMatch(/[#*|]|\]\(/)
  })

  it("lists the body's links as taps: site pages open here, outside addresses are copied", async () => {
    render(<RichTextBody source={body} />)
    const links = screen.getByTestId("rich-links")
    fireEvent.click(within(links).getByText("山药粥做法"))
    expect(stand.navigations).toEqual([
      { kind: "navigateTo", url: "/packages/content/article/index?slug=shanyao-zhou" },
    ])
    fireEvent.click(within(links).getByText("国家卫健委"))
    await waitFor(() => expect(stand.toasts).toEqual(["链接已复制，可在浏览器中打开"]))
  })

  it("draws nothing for an empty body", () => {
    render(<RichTextBody source="" testId="empty" />)
    expect(screen.getByTestId("empty").innerHTML).toBe("")
  })
})
