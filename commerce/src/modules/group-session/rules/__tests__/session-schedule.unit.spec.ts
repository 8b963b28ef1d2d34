import {
  questionsClosedReason,
  scheduleProblem,
  sessionPhase,
  type ScheduleInput,
} from "../session-schedule"

const now = new Date("2026-12-20T10:00:00+08:00")
const at = (time: string) => new Date(`2026-12-20T${time}+08:00`)
const input = (patch: Partial<ScheduleInput> = {}): ScheduleInput => ({
  title: "秋冬养生答疑",
  topic: "",
  starts_at: at("19:00:00"),
  ends_at: at("20:00:00"),
  capacity: 100,
  ...patch,
})

describe("group session schedule", () => {
  it("accepts an evening session planned in the morning", () => {
    expect(scheduleProblem(input(), now)).toBeNull()
  })

  it("explains each refusal in Chinese", () => {
    expect(scheduleProblem(input({ title: "答" }), now)).toBe("标题应为 2 至 60 个字")
    expect(scheduleProblem(input({ starts_at: at("09:00:00") }), now)).toBe("开始时间须晚于现在")
    expect(scheduleProblem(input({ ends_at: at("19:10:00") }), now)).toContain("每场时长")
    expect(scheduleProblem(input({ ends_at: at("23:30:00") }), now)).toContain("4 小时")
    expect(scheduleProblem(input({ capacity: 1 }), now)).toContain("人数上限")
    expect(scheduleProblem(input({ capacity: 2.5 }), now)).toContain("人数上限")
    const far = new Date("2027-06-01T19:00:00+08:00")
    expect(
      scheduleProblem(input({ starts_at: far, ends_at: new Date(far.getTime() + 3_600_000) }), now)
    ).toBe("只能安排 90 天内的场次")
  })

  it("is upcoming before the start, live until the end, then ended", () => {
    const session = input()
    expect(sessionPhase(session, at("18:59:59"))).toBe("upcoming")
    expect(sessionPhase(session, at("19:00:00"))).toBe("live")
    expect(sessionPhase(session, at("20:00:00"))).toBe("ended")
  })

  it("opens the room for questions 30 minutes before the start and closes it at the end", () => {
    const session = input()
    expect(questionsClosedReason(session, at("18:29:59"))).toContain("开始前 30 分钟开放提问")
    expect(questionsClosedReason(session, at("18:30:00"))).toBeNull()
    expect(questionsClosedReason(session, at("19:59:59"))).toBeNull()
    expect(questionsClosedReason(session, at("20:00:00"))).toBe("本场咨询已结束，不能再提问")
  })
})
