import { maskCnMobile, normalizeCnMobile } from "../normalize-cn-mobile"

describe("normalizeCnMobile", () => {
  it.each([
    ["13800138000", "+8613800138000"],
    ["138 0013 8000", "+8613800138000"],
    ["+86 138-0013-8000", "+8613800138000"],
    ["008613800138000", "+8613800138000"],
    ["8613800138000", "+8613800138000"],
  ])("reads %s as %s", (input, expected) => {
    expect(normalizeCnMobile(input)).toBe(expected)
  })

  it.each(["12800138000", "1380013800", "138001380001", "+1 415 555 0100", "", "abc"])(
    "refuses %s",
    (input) => {
      expect(normalizeCnMobile(input)).toBeNull()
    }
  )

  it("refuses non-strings", () => {
    expect(normalizeCnMobile(13800138000)).toBeNull()
  })

  it("masks the middle digits", () => {
    expect(maskCnMobile("+8613800138000")).toBe("138****8000")
  })
})
