import { templateDeliveryOf } from "../template-delivery"
import { DEFAULT_COVER } from "../default-cover"
import { THUMB_MAX_BYTES } from "../official-account-api"

describe("template delivery reports (TEMPLATESENDJOBFINISH)", () => {
  it("reads WeChat's three statuses whatever their spacing and case", () => {
    expect(templateDeliveryOf("success")).toBe("delivered")
    expect(templateDeliveryOf("failed:user block")).toBe("user_blocked")
    expect(templateDeliveryOf("failed: user block")).toBe("user_blocked")
    expect(templateDeliveryOf("failed: system failed")).toBe("system_failed")
    expect(templateDeliveryOf("Failed:System Failed")).toBe("system_failed")
  })

  it("keeps a status it does not know as other", () => {
    expect(templateDeliveryOf("failed: quota")).toBe("other")
    expect(templateDeliveryOf("")).toBe("other")
  })
})

describe("the built-in 群发 cover", () => {
  it("is a JPEG WeChat takes as a thumb (64 KB at most)", () => {
    const bytes = DEFAULT_COVER.bytes()
    expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff])
    expect(bytes.length).toBeGreaterThan(100)
    expect(bytes.length).toBeLessThanOrEqual(THUMB_MAX_BYTES)
  })
})
