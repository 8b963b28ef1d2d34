import type { EscortReviewPair } from "@health/core"
import { fireEvent, render, screen, waitFor } from "@testing-library/react"
import { EscortReviewForm } from "@/components/escort-review/escort-review-form"

const pair = (over: Partial<EscortReviewPair>): EscortReviewPair => ({
  state: "not_written",
  state_label: "待评价",
  can_write: true,
  opens_at: "2026-12-10T02:00:00.000Z",
  mine: null,
  theirs: null,
  ...over,
})

const api = (first: EscortReviewPair, after?: EscortReviewPair) => ({
  load: jest.fn(async () => first),
  submit: jest.fn(async () => after ?? first),
  report: jest.fn(async () => undefined),
})

describe("EscortReviewForm", () => {
  it("shows nothing before 服务完成", () => {
    const calls = api(pair({}))
    const { container } = render(
      <EscortReviewForm status="accompanying" title="陪诊员" tags={[]} api={calls} />
    )
    expect(container.innerHTML).toBe("")
    expect(calls.load).not.toHaveBeenCalled()
  })

  it("says the other side has written, then sends stars, tags and text and waits sealed", async () => {
    const calls = api(
      pair({ state: "other_written", state_label: "对方已评价，双方评价后同时公开" }),
      pair({
        state: "opened",
        state_label: "评价已公开",
        can_write: false,
        mine: {
          rating: 4,
          tags: ["准时守约"],
          text: "很好",
          photos: [],
          moderation: "clear",
          moderation_label: "已通过",
          rejected_reason: null,
          opened: true,
        },
        theirs: {
          from: "陪诊员",
          rating: 5,
          tags: [],
          text: "家属配合",
          photos: [],
          opened_at: "2026-12-08T02:00:00.000Z",
        },
      })
    )
    render(<EscortReviewForm status="confirmed" title="陪诊员" tags={["准时守约"]} api={calls} />)
    await waitFor(() => expect(screen.getByText("对方已评价，双方评价后同时公开")).toBeTruthy())
    expect((screen.getByRole("button", { name: "请先打分" }) as HTMLButtonElement).disabled).toBe(
      true
    )
    fireEvent.click(screen.getByRole("radio", { name: "4 星" }))
    fireEvent.click(screen.getByLabelText("准时守约"))
    fireEvent.change(screen.getByLabelText(/评价内容/), { target: { value: "很好" } })
    fireEvent.click(screen.getByRole("button", { name: "提交评价" }))
    await waitFor(() => expect(screen.getByText("评价已公开")).toBeTruthy())
    // This review completed the pair: both opened now, nothing left to wait for.
    expect(screen.getByText("评价已提交，双方评价已同时公开")).toBeTruthy()
    expect(screen.queryByText("评价已提交，双方评价后同时公开")).toBeNull()
    expect(calls.submit).toHaveBeenCalledWith({ rating: 4, tags: ["准时守约"], text: "很好" })
    expect(screen.getByTestId("escort-review-theirs").textContent).toContain("陪诊员的评价")
    expect(screen.getByTestId("escort-review-theirs").textContent).toContain("家属配合")
  })

  it("shows the server's Chinese refusal and a review held for moderation", async () => {
    const calls = api(
      pair({
        state: "waiting_other",
        state_label: "已评价，等待对方评价，双方评价后同时公开",
        mine: {
          rating: 5,
          tags: [],
          text: "根治",
          photos: [],
          moderation: "pending",
          moderation_label: "审核中：评价含敏感内容，平台审核通过后才会展示",
          rejected_reason: null,
          opened: false,
        },
      })
    )
    calls.submit.mockRejectedValueOnce(new Error("评价已公开，不能再修改"))
    render(<EscortReviewForm status="completed" title="会员" tags={[]} api={calls} />)
    await waitFor(() => expect(screen.getByText(/审核中/)).toBeTruthy())
    fireEvent.click(screen.getByRole("button", { name: "修改评价" }))
    await waitFor(() =>
      expect(screen.getByRole("alert").textContent).toBe("评价已公开，不能再修改")
    )
  })
})
