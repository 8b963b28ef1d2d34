import {
  ESCORT_CONSENT_DOCUMENTS,
  escortConsentAcceptances,
  loadEscortConsentTexts,
} from "../escort/escort-consents"

const page = (slug: string, version: string | null) => ({
  documentId: `doc-${slug}`,
  slug,
  title: `标题 ${slug}`,
  body: "正文",
  version,
})

describe("escort booking consents", () => {
  it("reads the four texts from the CMS in form order, with their versions", async () => {
    const asked: string[] = []
    const texts = await loadEscortConsentTexts(async (slug) => {
      asked.push(slug)
      return page(slug, slug === "privacy-policy" ? "2026-11" : "2026-12")
    })
    expect(asked).toEqual([
      "privacy-policy",
      "consent-personal-info",
      "consent-sensitive-personal-info",
      "consent-escort-sharing",
    ])
    expect(texts.map((t) => [t.kind, t.version])).toEqual([
      ["privacy_policy", "2026-11"],
      ["personal_info", "2026-12"],
      ["sensitive_personal_info", "2026-12"],
      ["escort_sharing", "2026-12"],
    ])
  })

  it("accepts the exact versions shown only once every box is ticked", async () => {
    const texts = await loadEscortConsentTexts(async (slug) => page(slug, "v3"))
    const all = Object.fromEntries(ESCORT_CONSENT_DOCUMENTS.map((d) => [d.kind, true]))
    expect(escortConsentAcceptances(texts, all)).toEqual({
      consents: ESCORT_CONSENT_DOCUMENTS.map((d) => ({ kind: d.kind, version: "v3" })),
    })
    expect(escortConsentAcceptances(texts, { ...all, escort_sharing: false })).toEqual({
      refusal: "请阅读并勾选同意：「向陪诊员提供就诊人信息的单独同意」",
    })
  })

  it("refuses while a text is unpublished or the CMS does not answer", async () => {
    const texts = await loadEscortConsentTexts(async (slug) => {
      if (slug === "consent-escort-sharing") throw new Error("CMS down")
      return page(slug, "v1")
    })
    const all = Object.fromEntries(ESCORT_CONSENT_DOCUMENTS.map((d) => [d.kind, true]))
    expect(escortConsentAcceptances(texts, all)).toEqual({
      refusal: "「向陪诊员提供就诊人信息的单独同意」暂未发布，暂时无法预约，请稍后再试",
    })
  })
})
