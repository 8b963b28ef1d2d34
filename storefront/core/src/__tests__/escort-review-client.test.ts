import {
  getEscortReview,
  listEscortPublicReviews,
  reportEscortReview,
  submitEscortReview,
} from "../escort/escort-review-client"
import { ApiError, type FetchLike } from "../http"
import { recordingFetch } from "./support/recording-fetch"

const options = (fetch: FetchLike) => ({ baseUrl: "http://shop/", publishableKey: "pk", fetch })
const headersOf = (init: RequestInit | undefined) => init?.headers as Record<string, string>

const sealed = {
  state: "waiting_other",
  state_label: "已评价，等待对方评价，双方评价后同时公开",
  can_write: true,
  opens_at: "2026-12-10T02:00:00.000Z",
  mine: null,
  theirs: null,
}

describe("escort review client", () => {
  it("reads and writes the member's review at the booking, the escort's at the task", async () => {
    const { fetch, calls } = recordingFetch(
      { body: { review: sealed } },
      { status: 201, body: { review: sealed } },
      { status: 201, body: { review: sealed } }
    )
    expect(await getEscortReview(options(fetch), "tok", "member", "escbk/1")).toEqual(sealed)
    expect(calls[0].url).toBe("http://shop/store/escort-bookings/escbk%2F1/review")
    expect(headersOf(calls[0].init).authorization).toBe("Bearer tok")

    await submitEscortReview(options(fetch), "tok", "member", "escbk_1", {
      rating: 5,
      tags: ["准时守约"],
      text: "  很好  ",
      photo_upload_ids: [],
    })
    expect(calls[1].url).toBe("http://shop/store/escort-bookings/escbk_1/review")
    expect(JSON.parse(String(calls[1].init?.body))).toEqual({
      rating: 5,
      tags: ["准时守约"],
      text: "很好",
    })

    await submitEscortReview(options(fetch), "etok", "escort", "escbk_1", { rating: 4 })
    expect(calls[2].url).toBe("http://shop/escort/tasks/escbk_1/review")
    expect(JSON.parse(String(calls[2].init?.body))).toEqual({ rating: 4 })
  })

  it("surfaces the Chinese 409 once the pair opened", async () => {
    const { fetch } = recordingFetch({ status: 409, body: { message: "评价已公开，不能再修改" } })
    const refused = await submitEscortReview(options(fetch), "tok", "escort", "b", {
      rating: 1,
    }).catch((e) => e)
    expect(refused).toBeInstanceOf(ApiError)
    expect(refused.message).toBe("评价已公开，不能再修改")
  })

  it("reports the other side's review and lists an escort's public reviews", async () => {
    const list = { rating: { average: 4.5, count: 2 }, reviews: [], count: 2 }
    const { fetch, calls } = recordingFetch(
      { status: 201, body: { report: { status: "pending" } } },
      { body: list }
    )
    await reportEscortReview(options(fetch), "tok", "member", "b", "与事实不符")
    expect(calls[0].url).toBe("http://shop/store/escort-bookings/b/review/report")
    expect(JSON.parse(String(calls[0].init?.body))).toEqual({ reason: "与事实不符" })
    expect(await listEscortPublicReviews(options(fetch), "esc_1", { limit: 5 })).toEqual(list)
    expect(calls[1].url).toBe("http://shop/store/escorts/esc_1/reviews?limit=5&offset=0")
    expect(headersOf(calls[1].init).authorization).toBeUndefined()
  })
})
