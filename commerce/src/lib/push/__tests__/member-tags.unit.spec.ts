import { ageGroupTag, ageOn, memberTags, tagsMatch } from "../member-tags"
import { notificationPreferencesOf } from "../notification-preferences"

describe("member tags", () => {
  it("takes constitution types judged 是, 基本是 or 倾向是, category handles and the age group", () => {
    const tags = memberTags(
      {
        birth_date: "1986-06-15",
        constitution_verdicts: { pinghe: "否", qixu: "是", tanshi: "倾向是", yinxu: "否" },
        category_handles: ["series-cancer", "usage-risk", "series-cancer"],
      },
      new Date("2026-12-01T00:00:00Z")
    )
    expect(tags).toEqual(["age-36-55", "qixu", "series-cancer", "tanshi", "usage-risk"])
  })

  it("adds gene-<gene> for report findings that call for attention, nothing for good news", () => {
    const tags = memberTags({
      findings: [
        { gene: "BRCA1", risk: "high" },
        { gene: "MTHFR", risk: "attention" },
        { gene: "APOE ε4", risk: "medium" },
        { gene: "BRCA2", risk: "low" },
        { gene: "CYP2C19", risk: "normal" },
        { gene: null, risk: "abnormal" },
      ],
    })
    expect(tags).toEqual(["gene-apoe-4", "gene-brca1", "gene-mthfr"])
  })

  it("counts whole years in Beijing time and groups them", () => {
    expect(ageOn("2008-12-02", "2026-12-01")).toBe(17)
    expect(ageOn("2008-12-01", "2026-12-01")).toBe(18)
    expect(ageOn("not a date", "2026-12-01")).toBeNull()
    expect([17, 18, 35, 36, 55, 56].map(ageGroupTag)).toEqual([
      "children",
      "age-18-35",
      "age-18-35",
      "age-36-55",
      "age-36-55",
      "seniors",
    ])
    expect(memberTags({})).toEqual([])
  })

  it("matches when any article tag is one of the member's", () => {
    expect(tagsMatch(["qixu", "diet"], ["qixu"])).toBe(true)
    expect(tagsMatch(["diet"], ["qixu", "age-18-35"])).toBe(false)
    expect(tagsMatch([], ["qixu"])).toBe(false)
  })

  it("keeps SMS and WeChat on unless switched off; the inbox always", () => {
    expect(notificationPreferencesOf(null)).toEqual({ inbox: true, sms: true, wechat: true })
    expect(
      notificationPreferencesOf({ notification_preferences: { sms: false, inbox: false } })
    ).toEqual({ inbox: true, sms: false, wechat: true })
  })
})
