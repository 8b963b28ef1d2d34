import { escortConsentsRefusal } from "../../../health-archive/escort-consent-kinds"

const all = [
  { kind: "privacy_policy", version: "2026-11" },
  { kind: "personal_info", version: "2026-12" },
  { kind: "sensitive_personal_info", version: "2026-12" },
  { kind: "escort_sharing", version: "2026-12" },
]

describe("the consents an escort booking needs", () => {
  it("accepts every kind with a version", () => {
    expect(escortConsentsRefusal(all)).toBeNull()
  })

  it("names each missing consent in Chinese", () => {
    expect(escortConsentsRefusal(all.slice(0, 2))).toBe(
      "预约陪诊前请阅读并同意：「敏感个人信息处理同意」、「向陪诊员提供就诊人信息的单独同意」"
    )
    expect(escortConsentsRefusal(undefined)).toContain("隐私政策")
  })

  it("refuses an unknown kind or a missing or odd version", () => {
    expect(escortConsentsRefusal([...all, { kind: "marketing", version: "1" }])).toBe(
      "同意项类型不正确"
    )
    expect(escortConsentsRefusal([{ kind: "escort_sharing", version: "" }, ...all])).toBe(
      "「向陪诊员提供就诊人信息的单独同意」缺少有效的版本号"
    )
    expect(escortConsentsRefusal([{ kind: "privacy_policy", version: "v1; drop" }])).toBe(
      "「隐私政策」缺少有效的版本号"
    )
  })
})
