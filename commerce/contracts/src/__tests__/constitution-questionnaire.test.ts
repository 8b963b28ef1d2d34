import ccmq from "../../ccmq.json"
import {
  itemsForSex,
  questionnaireProblems,
  standardQuestionnaireItems,
  type QuestionBankItem,
} from "../constitution-questionnaire"

const standard = () => standardQuestionnaireItems(ccmq)

describe("a question bank version's items", () => {
  it("reads the standard as 60 scorable items with 平和质's reverse-scored ones", () => {
    const items = standard()
    expect(items).toHaveLength(60)
    expect(questionnaireProblems(items)).toEqual([])
    expect(items.find((i) => i.code === "q02")).toMatchObject({
      types: ["pinghe", "qixu"],
      reverse_in: ["pinghe"],
    })
    expect(items.find((i) => i.code === "q41")).toMatchObject({
      text_female: expect.stringContaining("带下"),
      text_male: expect.stringContaining("阴囊"),
    })
  })

  it("names every problem in Chinese: unknown type, reverse outside its types, a type left without items", () => {
    const items: QuestionBankItem[] = standard()
    const broken = items.map((item) =>
      item.code === "q01" ? { ...item, types: ["pinghe", "wuxing" as never] } : item
    )
    expect(questionnaireProblems(broken)).toEqual([
      expect.stringContaining("q01：计分体质须为 pinghe"),
    ])
    const reversed = items.map((item) =>
      item.code === "q09" ? { ...item, reverse_in: ["pinghe" as const] } : item
    )
    expect(questionnaireProblems(reversed)).toEqual(["q09：反向计分的体质须是该题计分的体质之一"])
    // 湿热质's items asked of women only leave men without a 湿热质 score.
    const womenOnly = items.map((item) =>
      item.types.includes("shire") ? { ...item, sex: "female" as const } : item
    )
    expect(questionnaireProblems(womenOnly)).toEqual(["男性作答时以下体质没有题目：shire"])
    expect(questionnaireProblems([])).toEqual(["问卷至少需要一道题目"])
    expect(questionnaireProblems([...items, items[0]])).toEqual(["q01：题目编号重复"])
  })

  it("asks one sex only its items, in order", () => {
    const items = standard().map((item) =>
      item.code === "q07" ? { ...item, sex: "male" as const, sort: 100 } : item
    )
    expect(itemsForSex(items, "female").map((i) => i.code)).not.toContain("q07")
    expect(itemsForSex(items, "male").at(-1)?.code).toBe("q07")
  })
})
