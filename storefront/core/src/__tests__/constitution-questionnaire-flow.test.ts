import {
  answerCodeOf,
  answersForSubmission,
  buildQuestions,
  emptyQuestionnaireState,
  hasProgress,
  nextIndex,
  parseQuestionnaireState,
  progressOf,
  questionnaireVersion,
  serializeQuestionnaireState,
  unansweredCodes,
  type QuestionnaireItemInput,
} from "../constitution/questionnaire-flow"

const V = "ZYYXH/T157-2009"
/** As the CMS gives them: q41 twice (q41f, q41m), deliberately out of order. */
const items: QuestionnaireItemInput[] = [
  { code: "q42", text: "瘀斑？", sex: "all", sort: 43, version: V },
  { code: "q41m", text: "阴囊潮湿？", sex: "male", sort: 42, version: V },
  { code: "q01", text: "精力充沛？", sex: "all", sort: 1, version: V },
  { code: "q41f", text: "带下色黄？", sex: "female", sort: 42, version: V },
  { code: "q40", text: "尿色深？", sex: "all", sort: 41, version: V },
]

describe("questions from the CMS items", () => {
  it("orders items by the CMS's sort and keeps the sex-specific wording for the person's sex", () => {
    const female = buildQuestions(items, "female")
    expect(female.map((q) => q.code)).toEqual(["q01", "q40", "q41", "q42"])
    expect(female[2]).toMatchObject({ code: "q41", itemCode: "q41f", text: "带下色黄？" })
    const male = buildQuestions(items, "male")
    expect(male.map((q) => q.itemCode)).toEqual(["q01", "q40", "q41m", "q42"])
  })

  it("answers both wordings of the sex-specific item under q41", () => {
    expect(answerCodeOf({ code: "q41f", sex: "female" })).toBe("q41")
    expect(answerCodeOf({ code: "q41m", sex: "male" })).toBe("q41")
    expect(answerCodeOf({ code: "q01", sex: "all" })).toBe("q01")
  })

  it("names the items' version", () => {
    expect(questionnaireVersion(items)).toBe(V)
    expect(questionnaireVersion([{ code: "q01", text: "x" }])).toBeNull()
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

  it("submits exactly the questions' answers, dropping one kept from the other wording", () => {
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
