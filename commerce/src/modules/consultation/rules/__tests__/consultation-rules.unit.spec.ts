import { adviceNote, ADVICE_DISCLAIMER } from "../advice-note"
import { answerDueAt, answerHours } from "../answer-deadline"
import { canMove, conversationOpen, type ConsultationStatus } from "../consultation-status"
import { doctorFromCms } from "../doctor-from-cms"

const ALL: ConsultationStatus[] = [
  "pending_payment",
  "awaiting_doctor",
  "in_progress",
  "completed",
  "cancelled",
  "refunded",
]

describe("consultation status rules", () => {
  it("moves only forward: paid → taken → done, or refunded while waiting", () => {
    const allowed = ALL.flatMap((from) =>
      ALL.filter((to) => canMove(from, to)).map((to) => `${from}→${to}`)
    )
    expect(allowed.sort()).toEqual(
      [
        "pending_payment→awaiting_doctor",
        "pending_payment→cancelled",
        "awaiting_doctor→in_progress",
        "awaiting_doctor→refunded",
        "in_progress→completed",
      ].sort()
    )
  })

  it("refunds nothing a doctor has taken: in progress cannot become refunded", () => {
    expect(canMove("in_progress", "refunded")).toBe(false)
    expect(canMove("completed", "refunded")).toBe(false)
  })

  it("opens the conversation only while the doctor has the consultation", () => {
    expect(ALL.filter(conversationOpen)).toEqual(["awaiting_doctor", "in_progress"])
  })
})

describe("answer deadline", () => {
  it("counts the configured hours from the payment", () => {
    expect(answerHours({ CONSULTATION_ANSWER_HOURS: "2" } as never)).toBe(2)
    expect(answerHours({ CONSULTATION_ANSWER_HOURS: "-1" } as never)).toBe(24)
    expect(answerHours({} as never)).toBe(24)
    expect(answerDueAt(new Date("2026-12-08T00:00:00Z"), 24).toISOString()).toBe(
      "2026-12-09T00:00:00.000Z"
    )
  })
})

describe("advice note", () => {
  it("requires health advice, keeps follow-up advice optional and says it is not a diagnosis", () => {
    expect(adviceNote({ health_advice: "  清淡饮食  ", follow_up_advice: " " })).toEqual({
      health_advice: "清淡饮食",
      follow_up_advice: null,
    })
    expect(() => adviceNote({ health_advice: " " })).toThrow("请填写健康建议")
    expect(() => adviceNote({ health_advice: "多".repeat(2001) })).toThrow("不超过 2000 字")
    expect(ADVICE_DISCLAIMER).toContain("不作为诊断或处方依据")
  })
})

describe("doctor profile from the CMS expert", () => {
  it("takes the public profile, with departments and specialties when the CMS has them", () => {
    expect(
      doctorFromCms(
        {
          documentId: "exp-1",
          name: " 王医生 ",
          title: "主任医师",
          hospital: "湘雅医院",
          bio: "从事心内科三十年",
          departments: "心内科、老年科",
          specialties: ["高血压", " "],
          avatar: { url: "/uploads/wang.jpg" },
        },
        "http://cms"
      )
    ).toEqual({
      cms_document_id: "exp-1",
      name: "王医生",
      title: "主任医师",
      hospital: "湘雅医院",
      departments: ["心内科", "老年科"],
      specialties: ["高血压"],
      introduction: "从事心内科三十年",
      photo_url: "http://cms/uploads/wang.jpg",
    })
    expect(doctorFromCms({ name: "无编号" }, "http://cms")).toBeNull()
  })
})
