import {
  REVIEW_WINDOW_HOURS,
  revealDue,
  reviewShows,
  reviewState,
  windowDeadline,
  type ReviewAuthor,
} from "../review-reveal"

const HOUR = 3_600_000
const started = new Date("2026-12-08T02:00:00.000Z")
const sealed = { started_at: started, opened_at: null }
const at = (hours: number) => new Date(started.getTime() + hours * HOUR)
const written = (...authors: ReviewAuthor[]) => new Set<ReviewAuthor>(authors)

describe("when two-way reviews open", () => {
  it("opens at once when both sides have written, however early", () => {
    expect(revealDue(sealed, written("member", "escort"), at(0.1))).toBe(true)
  })

  it("keeps one side's review sealed until 48 hours after 服务完成", () => {
    expect(REVIEW_WINDOW_HOURS).toBe(48)
    expect(windowDeadline(started)).toEqual(at(48))
    expect(revealDue(sealed, written("member"), at(47.99))).toBe(false)
    expect(revealDue(sealed, written("member"), at(48))).toBe(true)
    expect(revealDue(sealed, written("escort"), at(72))).toBe(true)
  })

  it("has nothing to open when nobody wrote, and never opens twice", () => {
    expect(revealDue(sealed, written(), at(100))).toBe(false)
    expect(revealDue({ ...sealed, opened_at: at(1) }, written("member", "escort"), at(2))).toBe(
      false
    )
  })

  it("shows an opened review only when it passed moderation", () => {
    const opened = at(48)
    expect(reviewShows({ opened_at: null, moderation: "clear" })).toBe(false)
    expect(reviewShows({ opened_at: opened, moderation: "clear" })).toBe(true)
    expect(reviewShows({ opened_at: opened, moderation: "approved" })).toBe(true)
    expect(reviewShows({ opened_at: opened, moderation: "pending" })).toBe(false)
    expect(reviewShows({ opened_at: opened, moderation: "rejected" })).toBe(false)
  })

  it("tells each side where the pair stands", () => {
    expect(reviewState({ mine: false, theirs: false, opened: false })).toBe("not_written")
    expect(reviewState({ mine: false, theirs: true, opened: false })).toBe("other_written")
    expect(reviewState({ mine: true, theirs: false, opened: false })).toBe("waiting_other")
    expect(reviewState({ mine: true, theirs: true, opened: true })).toBe("opened")
  })
})
