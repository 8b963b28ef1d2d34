import { consentVersionRefusal } from "../consent-version-refusal"

const documents = [
  { kind: "privacy_policy", label: "隐私政策", slug: "privacy-policy" },
  {
    kind: "escort_sharing",
    label: "向陪诊员提供就诊人信息的单独同意",
    slug: "consent-escort-sharing",
  },
]
const published = new Map([
  ["privacy-policy", { version: "2026-11" }],
  ["consent-escort-sharing", { version: "2026-12" }],
])

describe("accepted consent versions against the CMS's published ones", () => {
  it("accepts the versions the CMS publishes now", () => {
    const accepted = [
      { kind: "privacy_policy", version: "2026-11" },
      { kind: "escort_sharing", version: "2026-12" },
    ]
    expect(consentVersionRefusal(documents, accepted, published)).toBeNull()
  })

  it("names each document whose accepted version is stale or unknown, with the current version", () => {
    const accepted = [
      { kind: "privacy_policy", version: "2026-10" },
      { kind: "escort_sharing", version: "9.9" },
    ]
    expect(consentVersionRefusal(documents, accepted, published)).toEqual({
      status: 409,
      message:
        "以下文本已更新，请刷新页面重新阅读并同意：「隐私政策」（当前版本 2026-11）、「向陪诊员提供就诊人信息的单独同意」（当前版本 2026-12）",
    })
  })

  it("refuses while a document has no published version", () => {
    const accepted = [
      { kind: "privacy_policy", version: "2026-11" },
      { kind: "escort_sharing", version: "2026-12" },
    ]
    const partial = new Map([["privacy-policy", { version: "2026-11" }]])
    expect(consentVersionRefusal(documents, accepted, partial)?.message).toBe(
      "「向陪诊员提供就诊人信息的单独同意」暂未发布，暂时无法办理，请稍后再试"
    )
  })
})
