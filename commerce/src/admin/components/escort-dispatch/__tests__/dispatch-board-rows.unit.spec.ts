import {
  assignAction,
  boardQuery,
  lateText,
  rowTone,
  statusTabLabel,
  type BoardBooking,
} from "../dispatch-board-rows"
import { describeSchedule } from "../schedule-text"

const row = (overrides: Partial<BoardBooking>): BoardBooking => ({
  id: "escbk_1",
  status: "accepted",
  status_label: "已接单",
  service: { id: "prod", name: "半日陪诊" },
  hospital: { id: "hosp", name: "中南大学湘雅医院" },
  department: "心血管内科",
  city: "长沙市",
  date: "2027-01-04",
  time_window: { start: "09:00", end: "11:00" },
  price_fen: 19900,
  escort: { id: "esc_1", name: "李四" },
  status_since: "2027-01-03T01:00:00.000Z",
  late: [],
  open_alerts: 0,
  created_at: "2027-01-03T00:00:00.000Z",
  ...overrides,
})

describe("the dispatch board's rows", () => {
  it("asks the list route for the chosen status, city and late filter", () => {
    expect(boardQuery({ status: "active", city: " ", lateOnly: false })).toBe(
      "/admin/escort-bookings?status=active"
    )
    expect(boardQuery({ status: "awaiting_escort", city: "长沙市", lateOnly: true })).toBe(
      `/admin/escort-bookings?status=awaiting_escort&city=${encodeURIComponent("长沙市")}&late=1`
    )
  })

  it("marks late rows and rows with open alerts red, unaccepted ones amber", () => {
    const late = row({ late: [{ kind: "not_arrived", message: "服务已开始，陪诊员仍未到达" }] })
    expect(rowTone(late)).toBe("late")
    expect(rowTone(row({ open_alerts: 1 }))).toBe("late")
    expect(rowTone(row({ status: "awaiting_escort", escort: null }))).toBe("waiting")
    expect(rowTone(row({}))).toBeNull()
    expect(lateText(row({ ...late, open_alerts: 2 }))).toBe(
      "服务已开始，陪诊员仍未到达；2 条告警待处理"
    )
    expect(lateText(row({}))).toBe("—")
  })

  it("counts each status tab and offers assign or reassign by state", () => {
    expect(statusTabLabel("awaiting_escort", { awaiting_escort: 3 })).toBe("待接单 (3)")
    expect(statusTabLabel("all", { awaiting_escort: 3 })).toBe("全部")
    expect([
      assignAction("awaiting_escort"),
      assignAction("accepted"),
      assignAction("departed"),
    ]).toEqual(["assign", "reassign", null])
  })
})

describe("an escort's schedule in words", () => {
  it("names the weekdays, the hours and the days off, or says any time", () => {
    expect(
      describeSchedule({
        weekdays: [1, 2, 7],
        start_time: "08:00",
        end_time: "17:00",
        days_off: ["2027-01-05"],
      })
    ).toBe("周一、周二、周日 08:00–17:00，休 2027-01-05")
    expect(describeSchedule(null)).toBe("未设置（任何时间可接单）")
  })
})
