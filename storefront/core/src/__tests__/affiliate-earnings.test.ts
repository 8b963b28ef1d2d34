import { normalizeShareCode } from "../affiliate/earnings"

describe("affiliate earnings", () => {
  it("reads share codes", () => {
    expect(normalizeShareCode(" abc2345 ")).toBe("ABC2345")
    expect(normalizeShareCode("O0I1")).toBeNull()
    expect(normalizeShareCode(undefined)).toBeNull()
  })
})
