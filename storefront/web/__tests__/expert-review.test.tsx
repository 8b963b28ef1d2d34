import type { PublishedReview } from "@health/core"
import { render, screen, within } from "@testing-library/react"
import { ExpertReview } from "@/components/constitution/expert-review"

const sections = (summary: string, diet = "") => ({
  summary,
  diet,
  exercise: "",
  emotion: "",
  daily: "",
})

const firstPublish: PublishedReview = {
  id: "crev_1",
  assessment_id: "cass_1",
  expert_name: "李明华",
  published_at: "2026-11-25T02:00:00.000Z",
  revision: 1,
  revised_at: null,
  revision_reason: null,
  versions: [],
  sections: sections("您以气虚质为主。", "宜食黄芪、山药。"),
}

describe("expert review on the member's report", () => {
  it("a report as first published shows no revision note and no history", () => {
    render(<ExpertReview review={firstPublish} />)
    expect(screen.getByTestId("expert-review").textContent).toContain("宜食黄芪、山药。")
    expect(screen.queryByTestId("review-revision")).toBeNull()
    expect(screen.queryByTestId("review-versions")).toBeNull()
  })

  it("a revised report says when (Beijing time), which version and why, with the earlier versions collapsed", () => {
    render(
      <ExpertReview
        review={{
          ...firstPublish,
          revision: 3,
          revised_at: "2026-11-27T06:45:00.000Z",
          revision_reason: "补充起居建议",
          sections: sections("您以气虚质为主。", "宜食山药、大枣；黄芪遵医嘱。"),
          versions: [
            {
              revision: 2,
              sections: sections("您以气虚质为主。", "宜食山药。"),
              expert_name: "王芳",
              reason: "更正黄芪用法",
              published_at: "2026-11-26T01:30:00.000Z",
            },
            {
              revision: 1,
              sections: firstPublish.sections,
              expert_name: "李明华",
              reason: null,
              published_at: firstPublish.published_at,
            },
          ],
        }}
      />
    )
    const note = screen.getByTestId("review-revision")
    expect(note.textContent).toContain("已于 2026-11-27 14:45 修订（第 3 版）")
    expect(note.textContent).toContain("修订说明：补充起居建议")
    // The current text is the report; first published 2026年11月25日 still says so.
    expect(screen.getByTestId("expert-review").textContent).toContain("发布于 2026年11月25日")

    const history = screen.getByTestId("review-versions") as HTMLDetailsElement
    expect(history.tagName).toBe("DETAILS")
    expect(history.open).toBe(false)
    expect(history.querySelector("summary")?.textContent).toBe("历史版本（2）")
    const titles = within(history)
      .getAllByRole("heading", { level: 3 })
      .map((h) => h.textContent)
      .filter((t) => t?.startsWith("第"))
    expect(titles).toEqual(["第 2 版 · 2026-11-26 09:30 修订", "第 1 版 · 2026-11-25 10:00 发布"])
    expect(history.textContent).toContain("王芳专家 · 修订说明：更正黄芪用法")
    expect(history.textContent).toContain("宜食黄芪、山药。")
  })
})
