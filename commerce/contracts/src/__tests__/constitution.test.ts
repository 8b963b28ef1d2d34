import ccmq from "../../ccmq.json"
import { CONSTITUTION_CODES, CONSTITUTION_NAMES } from "../constitution"

describe("the 体质辨识 questionnaire and the type codes", () => {
  it("names the same nine types, in the same order, as the questionnaire", () => {
    expect(ccmq.types.map((type) => type.code)).toEqual([...CONSTITUTION_CODES])
    for (const type of ccmq.types) {
      expect(CONSTITUTION_NAMES[type.code as keyof typeof CONSTITUTION_NAMES]).toBe(type.name)
    }
  })

  it("asks every item a type scores, and each item once", () => {
    const ids = ccmq.items.map((item) => item.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const type of ccmq.types) {
      for (const item of type.items) expect(ids).toContain(item)
    }
  })
})
