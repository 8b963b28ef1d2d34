import {
  classifyBalanced,
  classifyBiased,
  scoreConstitution,
  type Answers,
} from "../score-constitution"
import type { QuestionBankItem } from "@health/contracts"
import {
  constitutionTypes,
  itemCodes,
  reverseScoredIn,
  STANDARD_QUESTIONNAIRE,
  type ScoringQuestionnaire,
} from "../questionnaire"
import { describeAnswerProblems, findAnswerProblems } from "../validate-answers"

const sheet = (value: number, overrides: Answers = {}): Answers => ({
  ...Object.fromEntries(itemCodes.map((code) => [code, value])),
  ...overrides,
})
const itemsOf = (code: string) => constitutionTypes.find((t) => t.code === code)!.items
/** Answers every item of one type with `value`, the rest with `rest`. */
const typeAt = (code: string, value: number, rest = 1): Answers =>
  sheet(rest, Object.fromEntries(itemsOf(code).map((item) => [item, value])))

describe("verdict thresholds, exactly at the boundaries", () => {
  // n = 5 makes the transformed score land exactly on 30, 40 and 60: (raw − 5) / 20 × 100.
  const score = (transformed: number) => ({ raw: 5 + (transformed * 20) / 100, n: 5 })

  it("a biased type is 否 just under 30, 倾向是 at exactly 30, 是 at exactly 40", () => {
    expect(classifyBiased({ raw: 10.99, n: 5 })).toBe("否")
    expect(classifyBiased(score(30))).toBe("倾向是")
    expect(classifyBiased({ raw: 12.99, n: 5 })).toBe("倾向是")
    expect(classifyBiased(score(40))).toBe("是")
  })

  it("平和质 at exactly 60 with every other type under 30 is 是", () => {
    expect(classifyBalanced(score(60), [score(25), score(29)])).toBe("是")
  })

  it("平和质 at exactly 60 with another type at exactly 30 is only 基本是", () => {
    expect(classifyBalanced(score(60), [score(30), score(10)])).toBe("基本是")
  })

  it("平和质 with another type at exactly 40 is 否", () => {
    expect(classifyBalanced(score(60), [score(40)])).toBe("否")
  })

  it("平和质 just under 60 is 否 whatever the others are", () => {
    expect(classifyBalanced({ raw: 16.99, n: 5 }, [score(0)])).toBe("否")
  })
})

describe("scoreConstitution on whole answer sheets", () => {
  it("all answers 1: 平和质 scores 75 (its reverse items count 5) and is 是; every other type 0 and 否", () => {
    const result = scoreConstitution(sheet(1))
    // 平和质 has 8 items, 6 reversed: raw = 2×1 + 6×5 = 32 → (32 − 8) / 32 × 100 = 75.
    expect(result.scores.pinghe).toBe(75)
    expect(result.verdicts.pinghe).toBe("是")
    for (const type of constitutionTypes.filter((t) => t.code !== "pinghe")) {
      expect(result.scores[type.code]).toBe(0)
      expect(result.verdicts[type.code]).toBe("否")
    }
    expect(result.primary).toBe("pinghe")
  })

  it("all answers 5: every biased type scores 100 and is 是; 平和质 is 否", () => {
    const result = scoreConstitution(sheet(5))
    // 平和质: 2×5 + 6×1 = 16 → (16 − 8) / 32 × 100 = 25.
    expect(result.scores.pinghe).toBe(25)
    expect(result.verdicts.pinghe).toBe("否")
    for (const type of constitutionTypes.filter((t) => t.code !== "pinghe")) {
      expect(result.scores[type.code]).toBe(100)
      expect(result.verdicts[type.code]).toBe("是")
    }
    // Ties go to the standard's order: 气虚质 comes first.
    expect(result.primary).toBe("qixu")
  })

  it("reverse-scores 平和质's reverse items only for 平和质", () => {
    expect(reverseScoredIn.pinghe).toEqual(["q02", "q03", "q04", "q05", "q07", "q08"])
    // q02 and q03 (疲乏, 气短) also count for 气虚质, where they are scored as answered.
    const result = scoreConstitution(sheet(1, { q02: 5, q03: 5 }))
    const qixuItems = itemsOf("qixu").length
    expect(result.scores.qixu).toBe(
      Math.round(((10 + (qixuItems - 2) - qixuItems) * 10000) / (4 * qixuItems)) / 100
    )
    // For 平和质 the two answers of 5 become 1: raw = 2×1 + 4×5 + 2×1 = 24 → 50.
    expect(result.scores.pinghe).toBe(50)
  })

  it("a 气虚 person: 气虚质 是 and primary, 平和质 否", () => {
    const result = scoreConstitution(typeAt("qixu", 4))
    expect(result.scores.qixu).toBe(75)
    expect(result.verdicts.qixu).toBe("是")
    expect(result.verdicts.pinghe).toBe("否")
    expect(result.primary).toBe("qixu")
  })

  it("the closest achievable scores around 30 fall on the right side (n = 8: 28.13 否, 31.25 倾向是)", () => {
    const items = itemsOf("tanshi")
    // One item at 4 and seven at 2: raw 18 → (18 − 8) / 32 × 100 = 31.25.
    const above = scoreConstitution(
      sheet(1, Object.fromEntries(items.map((item, i) => [item, i < 1 ? 4 : 2])))
    )
    expect(above.scores.tanshi).toBe(31.25)
    expect(above.verdicts.tanshi).toBe("倾向是")
    // One item at 3 and seven at 2: raw 17 → 28.125, shown as 28.13.
    const under = scoreConstitution(
      sheet(1, Object.fromEntries(items.map((item, i) => [item, i < 1 ? 3 : 2])))
    )
    expect(under.scores.tanshi).toBe(28.13)
    expect(under.verdicts.tanshi).toBe("否")
  })

  it("平和质 either side of 60 on real sheets (n = 8: 59.38 否, 62.5 是)", () => {
    // q01 and q06 count as answered, the other six reversed: 2 + 5+5+5+5 + 3+3 = 28 → 62.5.
    const above = scoreConstitution(sheet(1, { q02: 3, q03: 3 }))
    expect(above.scores.pinghe).toBe(62.5)
    expect(above.verdicts.pinghe).toBe("是")
    expect(above.primary).toBe("pinghe")
    // One step more on q03: 2 + 20 + 3 + 2 = 27 → 59.375, and no 偏颇 type reaches 30 either.
    const under = scoreConstitution(sheet(1, { q02: 3, q03: 4 }))
    expect(under.scores.pinghe).toBe(59.38)
    expect(under.verdicts.pinghe).toBe("否")
    expect(Object.values(under.verdicts).every((verdict) => verdict === "否")).toBe(true)
    // The report still leads with the highest 偏颇 type: 气虚质 (q02, q03 count there too).
    expect(under.primary).toBe("qixu")
  })

  it("平和质 is only 基本是 beside a 倾向是 type, and 否 beside a 是 type, on real sheets", () => {
    const tanshi = itemsOf("tanshi")
    // 痰湿质 at 31.25 (倾向是): one item at 4 and seven at 2.
    const tendency = scoreConstitution(
      sheet(1, Object.fromEntries(tanshi.map((item, i) => [item, i < 1 ? 4 : 2])))
    )
    expect(tendency.verdicts).toMatchObject({ pinghe: "基本是", tanshi: "倾向是" })
    expect(tendency.primary).toBe("pinghe")
    // 痰湿质 at 43.75 (是): three items at 4, five at 2 → raw 22.
    const biased = scoreConstitution(
      sheet(1, Object.fromEntries(tanshi.map((item, i) => [item, i < 3 ? 4 : 2])))
    )
    expect(biased.scores.tanshi).toBe(43.75)
    expect(biased.verdicts).toMatchObject({ pinghe: "否", tanshi: "是" })
    expect(biased.primary).toBe("tanshi")
  })

  it("gives every achievable raw score of every type the verdict of its exact transformed score", () => {
    for (const type of constitutionTypes.filter((t) => t.code !== "pinghe")) {
      const n = type.items.length
      for (let raw = n; raw <= 5 * n; raw++) {
        const exact = ((raw - n) * 100) / (4 * n)
        const expected = exact >= 40 ? "是" : exact >= 30 ? "倾向是" : "否"
        expect([type.code, raw, classifyBiased({ raw, n })]).toEqual([type.code, raw, expected])
      }
    }
  })

  it("scores the sex-specific item q41 the same for both sexes (only its wording differs)", () => {
    expect(itemsOf("shire")).toContain("q41")
    const a = scoreConstitution(sheet(1, { q41: 5 }))
    expect(a.scores.shire).toBeGreaterThan(0)
  })

  it("refuses to score a sheet with a missing answer", () => {
    const answers = sheet(3)
    delete answers.q10
    expect(() => scoreConstitution(answers)).toThrow("q10")
  })
})

describe("answer validation", () => {
  it("lists missing, out-of-range, non-integer and unknown items", () => {
    const answers: Record<string, unknown> = sheet(3)
    delete answers.q01
    delete answers.q60
    answers.q02 = 6
    answers.q03 = 2.5
    answers.q04 = "3"
    answers.q99 = 1
    const problems = findAnswerProblems(answers)
    expect(problems).toEqual({
      missing: ["q01", "q60"],
      invalid: ["q02", "q03", "q04"],
      unknown: ["q99"],
    })
    expect(describeAnswerProblems(problems)).toBe(
      "未作答的题目: q01, q60；答案须为 1 到 5 的整数: q02, q03, q04；不存在的题目: q99"
    )
  })

  it("accepts a complete sheet", () => {
    expect(describeAnswerProblems(findAnswerProblems(sheet(2)))).toBeNull()
  })
})

describe("scoring with a version's items", () => {
  const standard = STANDARD_QUESTIONNAIRE
  const withItem = (code: string, change: Partial<QuestionBankItem>): ScoringQuestionnaire => ({
    ...standard,
    version: 2,
    items: standard.items.map((item) => (item.code === code ? { ...item, ...change } : item)),
  })

  it("a reverse flag the version drops is no longer reversed", () => {
    // Standard: 容易疲乏 (q02) at 5 counts 6 − 5 = 1 for 平和质 (raw 28); unreversed 5 (raw 32).
    const answers = sheet(1, { q02: 5 })
    expect(scoreConstitution(answers).scores.pinghe).toBe(62.5)
    const plain = withItem("q02", { reverse_in: [] })
    expect(scoreConstitution(answers, plain).scores.pinghe).toBe(75)
  })

  it("an item asked of one sex counts only in that sex's scores, and the other is not asked it", () => {
    const womenOnly = withItem("q07", { sex: "female" })
    const answers = sheet(1, { q07: 5 })
    expect(findAnswerProblems(answers, womenOnly, "female").unknown).toEqual([])
    expect(findAnswerProblems(answers, womenOnly, "male").unknown).toEqual(["q07"])
    const { q07: _notAsked, ...men } = answers
    // 平和质 has 7 items for men (raw 2 + 5×5 = 27 → 71.43) and 8 for women (q07 reversed: 1).
    expect(scoreConstitution(men, womenOnly, "male").scores.pinghe).toBe(71.43)
    expect(scoreConstitution(answers, womenOnly, "female").scores.pinghe).toBe(62.5)
  })
})
