import { conversationState } from "../conversation-window"

const DAY = 24 * 60 * 60 * 1000
const now = new Date("2026-12-06T08:00:00Z")

describe("conversationState", () => {
  it("is closed before an escort holds the task", () => {
    const state = conversationState({ status: "awaiting_escort", escort_id: null }, null, now)
    expect(state).toEqual({ open: false, closedReason: "陪诊员接单后才能发送消息" })
  })

  it.each(["accepted", "departed", "arrived", "accompanying"])("is open while %s", (status) => {
    expect(conversationState({ status, escort_id: "esc_1" }, null, now).open).toBe(true)
  })

  it("stays open for 7 days after 服务完成, confirmed or not, then is read-only", () => {
    const sixDaysAgo = new Date(now.getTime() - 6 * DAY)
    const eightDaysAgo = new Date(now.getTime() - 8 * DAY)
    for (const status of ["completed", "confirmed"]) {
      expect(conversationState({ status, escort_id: "esc_1" }, sixDaysAgo, now).open).toBe(true)
      expect(conversationState({ status, escort_id: "esc_1" }, eightDaysAgo, now)).toEqual({
        open: false,
        closedReason: "服务完成已超过 7 天，消息记录仅供查看",
      })
    }
  })

  it("is read-only once a booking is cancelled or refunded", () => {
    for (const status of ["cancelled", "refunded"]) {
      expect(conversationState({ status, escort_id: null }, null, now)).toEqual({
        open: false,
        closedReason: "订单已取消，消息记录仅供查看",
      })
    }
  })
})
