import { describeShift, newDutyRosterRow, rosterBody, toggleWeekday } from "../duty-roster-rows"

describe("值班表 rows", () => {
  it("ticks weekdays in order and unticks them", () => {
    const row = { ...newDutyRosterRow(), weekdays: [5] }
    expect(toggleWeekday(toggleWeekday(row, 1), 7).weekdays).toEqual([1, 5, 7])
    expect(toggleWeekday(row, 5).weekdays).toEqual([])
  })

  it("describes day and overnight shifts", () => {
    expect(describeShift(newDutyRosterRow())).toBe("周一、周二、周三、周四、周五 09:00–18:00")
    expect(
      describeShift({
        ...newDutyRosterRow(),
        weekdays: [5],
        start_time: "22:00",
        end_time: "08:00",
      })
    ).toBe("周五 22:00–次日 08:00")
    expect(describeShift({ ...newDutyRosterRow(), weekdays: [] })).toBe("未选星期 09:00–18:00")
  })

  it("sends trimmed lines as the roster body", () => {
    expect(rosterBody([{ ...newDutyRosterRow(), phone: " 13800138000 ", name: " 张三 " }])).toEqual(
      {
        shifts: [
          {
            phone: "13800138000",
            name: "张三",
            weekdays: [1, 2, 3, 4, 5],
            start_time: "09:00",
            end_time: "18:00",
          },
        ],
      }
    )
  })
})
