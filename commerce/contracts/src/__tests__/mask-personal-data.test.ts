import { MASK, maskPersonalData, maskPersonalText } from "../mask-personal-data"

describe("maskPersonalText", () => {
  it("masks mainland mobile numbers in every common spelling", () => {
    for (const phone of ["13800138000", "+8613800138000", "+86 138 0013 8000", "138-0013-8000"]) {
      const masked = maskPersonalText(`sms sent to ${phone} ok`)
      expect(masked).toBe("sms sent to [phone] ok")
    }
  })

  it("leaves ids, amounts and timestamps that are not phone numbers alone", () => {
    const text = "order_01JABCDEF 金额 12800 at 1733472000000 job #1234567890"
    expect(maskPersonalText(text)).toBe(text)
  })

  it("masks resident ID numbers, including the X check digit", () => {
    expect(maskPersonalText("id 11010519491231002X verified")).toBe("id [id-number] verified")
    expect(maskPersonalText("id 110105194912310021")).toBe("id [id-number]")
  })

  it("masks e-mail addresses", () => {
    expect(maskPersonalText("invite sent to wang.xiaoming@example.com.cn")).toBe(
      "invite sent to [email]"
    )
  })

  it("masks personal query parameters by name and keeps the others", () => {
    expect(maskPersonalText("/store/x?name=%E5%BC%A0%E4%B8%89&limit=20&first_name=三")).toBe(
      `/store/x?name=${MASK}&limit=20&first_name=${MASK}`
    )
  })
})

describe("maskPersonalData", () => {
  it("masks personal and health fields by name, at any depth, whatever their spelling", () => {
    const masked = maskPersonalData({
      customer_id: "cus_1",
      phone: "13800138000",
      profile: { firstName: "三", last_name: "张", "id-number": "x", address_1: "北京" },
      assessment: { answers: [{ q: 1, a: 3 }], scores: { qixu: 60 } },
      password: "Secret12345",
    })
    expect(masked).toEqual({
      customer_id: "cus_1",
      phone: MASK,
      profile: { firstName: MASK, last_name: MASK, "id-number": MASK, address_1: MASK },
      assessment: { answers: MASK, scores: MASK },
      password: MASK,
    })
  })

  it("masks phone numbers inside free-text fields and arrays", () => {
    expect(maskPersonalData({ note: "请回电 13912345678", tags: ["18600001111"] })).toEqual({
      note: "请回电 [phone]",
      tags: ["[phone]"],
    })
  })

  it("reduces errors to name, message and stack, masked", () => {
    const error = new Error("no customer with phone 13800138000")
    const masked = maskPersonalData(error) as Record<string, string>
    expect(masked.name).toBe("Error")
    expect(masked.message).toBe("no customer with phone [phone]")
    expect(masked.stack).not.toContain("13800138000")
  })

  it("survives cycles and keeps empty values as they are", () => {
    const looped: Record<string, unknown> = { name: "", phone: null }
    looped.self = looped
    expect(maskPersonalData(looped)).toEqual({ name: "", phone: null, self: "[circular]" })
  })
})
