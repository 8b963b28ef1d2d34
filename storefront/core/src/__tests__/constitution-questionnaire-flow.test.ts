import {
  answersForSubmission,
  buildQuestions,
  emptyQuestionnaireState,
  hasProgress,
  itemText,
  nextIndex,
  parseQuestionnaireState,
  progressOf,
  serializeQuestionnaireState,
  unansweredCodes,
  type QuestionnaireItemInput,
} from "../constitution/questionnaire-flow"

const V = "ZYYXH/T157-2009"
/** As a question bank version gives them: q41 once, with a wording per sex; deliberately out of order. */
const items: QuestionnaireItemInput[] = [
  { code: "q42", text: "瘀斑？", sex: "all", sort: 42 },
  {
    code: "q41",
    text: "带下色黄？／阴囊潮湿？",
    text_female: "带下色黄？",
    text_male: "阴囊潮湿？",
    sex: "all",
    sort: 41,
  },
  { code: "q01", text: "精力充沛？", sex: "all", sort: 1 },
  { code: "q40", text: "尿色深？", sex: "all", sort: 40, text_female: null },
]

describe("questions from a version's items", () => {
  it("orders items by the CMS's sort and asks the sex-specific item in the person's wording", () => {
    const female = buildQuestions(items, "female")
    expect(female.map((q) => [q.code, q.text, q.sexSpecific])).toEqual([
      ["q01", "精力充沛？", false],
      ["q40", "尿色深？", false],
      ["q41", "带下色黄？", true],
      ["q42", "瘀斑？", false],
    ])
    const male = buildQuestions(items, "male")
    expect(male.map((q) => q.code)).toEqual(["q01", "q40", "q41", "q42"])
    expect(male[2]).toEqual({ code: "q41", text: "阴囊潮湿？", sexSpecific: true, types: [] })
  })

  it("falls back to the common text when an item has no wording for that sex", () => {
    expect(itemText({ code: "q41", text: "共同措辞", text_female: "带下色黄？" }, "male")).toBe(
      "共同措辞"
    )
    expect(itemText({ code: "q41", text: "共同措辞", text_female: "" }, "female")).toBe("共同措辞")
  })

  it("asks an item kept for one sex only of that sex", () => {
    const only = [...items, { code: "q61", text: "仅女性？", sex: "female" as const, sort: 61 }]
    expect(buildQuestions(only, "female").map((q) => q.code)).toContain("q61")
    expect(buildQuestions(only, "male").map((q) => q.code)).not.toContain("q61")
  })
})

describe("answering", () => {
  const questions = buildQuestions(items, "female")

  it("lists what is unanswered and how far along the person is", () => {
    const answers = { q01: 3, q41: 5, q40: 0, q42: 2.5 }
    expect(unansweredCodes(questions, answers)).toEqual(["q40", "q42"])
    expect(progressOf(questions, answers)).toEqual({
      answered: 2,
      total: 4,
      percent: 50,
      complete: false,
    })
    expect(progressOf(questions, { q01: 1, q40: 1, q41: 1, q42: 1 }).complete).toBe(true)
  })

  it("goes next to the first unanswered question after this one, else simply the next", () => {
    expect(nextIndex(questions, { q01: 1, q40: 2 }, 0)).toBe(2)
    expect(nextIndex(questions, { q01: 1, q40: 2, q41: 3, q42: 4 }, 0)).toBe(1)
    expect(nextIndex(questions, {}, 3)).toBe(3)
  })

  it("submits exactly the questions' answers, dropping keys no question asks", () => {
    const male = buildQuestions(items, "male")
    expect(answersForSubmission(male, { q01: 2, q41: 4, q99: 3, q40: 9 })).toEqual({
      q01: 2,
      q41: 4,
    })
  })
})

describe("resume later", () => {
  it("round-trips through storage text with the time it was saved", () => {
    const state = { ...emptyQuestionnaireState(V), sex: "male" as const, answers: { q01: 4 } }
    const text = serializeQuestionnaireState(
      { ...state, index: 7 },
      new Date("2026-12-01T08:00:00Z")
    )
    expect(parseQuestionnaireState(text, V)).toEqual({
      version: V,
      sex: "male",
      answers: { q01: 4 },
      index: 7,
      saved_at: "2026-12-01T08:00:00.000Z",
    })
    expect(hasProgress(parseQuestionnaireState(text, V))).toBe(true)
  })

  it("drops a state answered against other items, damaged text and bad answers", () => {
    const text = serializeQuestionnaireState({ ...emptyQuestionnaireState(V), answers: { q01: 2 } })
    expect(parseQuestionnaireState(text, "2027-01")).toBeNull()
    expect(parseQuestionnaireState("{not json", V)).toBeNull()
    expect(parseQuestionnaireState(null, V)).toBeNull()
    expect(parseQuestionnaireState(JSON.stringify({ v: 2, version: V }), V)).toBeNull()
    const messy = JSON.stringify({
      v: 1,
      version: V,
      sex: "other",
      index: -3,
      answers: { q01: 6, q02: "3", q03: 3, evil: 1 },
    })
    expect(parseQuestionnaireState(messy, V)).toMatchObject({
      sex: null,
      index: 0,
      answers: { q03: 3 },
    })
    expect(hasProgress(emptyQuestionnaireState(V))).toBe(false)
  })
})
