import { fireEvent, render, screen, waitFor } from "@testing-library/react"
import { EscortReviewSection } from "../src/components/escort-review-section"
import { fakeBackend, refuse } from "./support/fake-backend"
import { stand } from "./support/taro-stand-in"

beforeEach(() => stand.reset())

const sealed = {
  state: "other_written",
  state_label: "对方已评价，双方评价后同时公开",
  can_write: true,
  opens_at: "2026-12-10T02:00:00.000Z",
  mine: null,
  theirs: null,
}

describe("陪诊 two-way review", () => {
  it("tells the member the escort has written, then sends their stars, tags and text", async () => {
    const sent: unknown[] = []
    fakeBackend({
      "GET /store/escort-bookings/escbk_1/review": { review: sealed },
      "POST /store/escort-bookings/escbk_1/review": ({ body }: { body: unknown }) => {
        sent.push(body)
        return {
          status: 201,
          body: {
            review: {
              ...sealed,
              state: "opened",
              state_label: "评价已公开",
              can_write: false,
              mine: { rating: 5, tags: ["准时守约"], text: "很好", moderation: "clear" },
              theirs: { from: "陪诊员", rating: 4, tags: [], text: "家属配合", photos: [] },
            },
          },
        }
      },
    })
    render(<EscortReviewSection token="tok" bookingId="escbk_1" status="confirmed" side="member" />)
    expect((await screen.findByTestId("escort-review-state")).textContent).toBe(
      "对方已评价，双方评价后同时公开"
    )
    fireEvent.click(screen.getByTestId("escort-review-star-5"))
    fireEvent.click(screen.getByText("准时守约"))
    fireEvent.input(screen.getByTestId("escort-review-text"), { target: { value: "很好" } })
    fireEvent.click(screen.getByTestId("escort-review-submit"))
    await waitFor(() => expect(screen.getByTestId("escort-review-theirs")).toBeTruthy())
    expect(sent).toEqual([{ rating: 5, tags: ["准时守约"], text: "很好" }])
    expect(screen.getByTestId("escort-review-theirs").textContent).toContain("陪诊员的评价")
  })

  it("shows commerce's refusal to the escort in Chinese", async () => {
    fakeBackend({
      "GET /escort/tasks/escbk_1/review": { review: { ...sealed, state: "not_written" } },
      "POST /escort/tasks/escbk_1/review": refuse(409, "评价已公开，不能再修改"),
    })
    render(
      <EscortReviewSection token="etok" bookingId="escbk_1" status="completed" side="escort" />
    )
    fireEvent.click(await screen.findByTestId("escort-review-star-3"))
    fireEvent.click(screen.getByTestId("escort-review-submit"))
    expect((await screen.findByTestId("escort-review-error")).textContent).toBe(
      "评价已公开，不能再修改"
    )
  })

  it("shows nothing before 服务完成", () => {
    const { container } = render(
      <EscortReviewSection token="tok" bookingId="b" status="accompanying" side="member" />
    )
    expect(container.innerHTML).toBe("")
  })
})
