import { NO_TYPE_TITLE, primaryTitle } from "../primary-title"
import { scoreConstitution, type Answers } from "../score-constitution"
import { itemCodes } from "../questionnaire"

const sheet = (value: number, overrides: Answers = {}): Answers => ({
  ...Object.fromEntries(itemCodes.map((code) => [code, value])),
  ...overrides,
})

describe("primaryTitle: what a result is called", () => {
  it("names the primary type when its verdict applies", () => {
    expect(primaryTitle(scoreConstitution(sheet(1)))).toBe("平和质")
    expect(primaryTitle(scoreConstitution(sheet(5)))).toBe("气虚质")
  })

  it("titles a primary that is only 倾向是 as a tendency", () => {
    // 痰湿质 31.25 (倾向是) is the highest biased type, but 平和质 is 否 beside it only
    // when 平和质 is under 60: push 平和质 under 60 (q02 3, q03 4) as well.
    const tanshi = ["q28", "q29", "q30", "q31", "q32", "q33", "q34", "q35"]
    const result = scoreConstitution(
      sheet(1, {
        q02: 3,
        q03: 4,
        ...Object.fromEntries(tanshi.map((item, i) => [item, i < 1 ? 4 : 2])),
      })
    )
    expect(result.verdicts).toMatchObject({ pinghe: "否", tanshi: "倾向是", qixu: "否" })
    expect(result.primary).toBe("tanshi")
    expect(primaryTitle(result)).toBe("痰湿质倾向")
  })

  it("says 未见明显偏颇体质 when 平和质 is 否 and every other type is 否 too", () => {
    // 平和质 59.38 (否), 气虚质 the highest biased type but under 30 (否).
    const result = scoreConstitution(sheet(1, { q02: 3, q03: 4 }))
    expect(result.primary).toBe("qixu")
    expect(result.verdicts.qixu).toBe("否")
    expect(NO_TYPE_TITLE).toBe("未见明显偏颇体质")
    expect(primaryTitle(result)).toBe("未见明显偏颇体质")
  })
})
