import { DEFAULT_MODERATION_WORDS } from "../default-words"
import { normalizeForScreening, screenText } from "../screen-text"

const screen = (text: string) => screenText(text, DEFAULT_MODERATION_WORDS)
const words = (text: string) => screen(text).matches.map((m) => `${m.category}:${m.word}`)

describe("the moderation filter", () => {
  it("passes an ordinary review", () => {
    expect(screen("陪诊员很耐心，提前到了医院，帮老人挂号取药，非常感谢！")).toEqual({
      flagged: false,
      matches: [],
    })
  })

  it("finds medical advertising words", () => {
    expect(words("祖传秘方，根治高血压，无效退款")).toEqual(
      expect.arrayContaining([
        "medical_ad:祖传秘方",
        "medical_ad:根治",
        "medical_ad:无效退款",
        "medical_ad:秘方",
      ])
    )
  })

  it("sees through spaces, punctuation, invisible characters and full-width letters", () => {
    expect(words("包 治 百 病")).toContain("medical_ad:包治")
    expect(words("根·治！")).toContain("medical_ad:根治")
    expect(words("根\u200b治")).toContain("medical_ad:根治")
    expect(words("特　效　药")).toContain("medical_ad:特效药")
    expect(words("加ＱＱ详聊")).toContain("contact:加qq")
    expect(normalizeForScreening("ＡＢＣ　１２３")).toBe("abc123")
  })

  it("finds phone numbers however they are spelled", () => {
    expect(words("电话13812345678")).toContain("contact:手机号")
    expect(words("138 1234 5678")).toContain("contact:手机号")
    expect(words("１３８－１２３４－５６７８")).toContain("contact:手机号")
    expect(words("幺三八一二三四五六七八")).toContain("contact:手机号")
    expect(words("座机 0731-84327777")).toContain("contact:固定电话")
    // An order amount or a date is not a phone number.
    expect(words("花了199元，2026年12月8日")).toEqual([])
  })

  it("finds WeChat and QQ ids", () => {
    expect(words("有事 vx: zhang_san88")).toContain("contact:微信号")
    expect(words("微信号：ｈｅａｌｔｈ２０２６")).toContain("contact:微信号")
    expect(words("Q Q 12345678")).toContain("contact:QQ号")
  })

  it("uses only the words it is given (staff switched the rest off)", () => {
    expect(screenText("根治", [])).toEqual({ flagged: false, matches: [] })
    expect(screenText("某某神仙水", [{ word: "神仙水", category: "other" }]).matches).toEqual([
      { category: "other", word: "神仙水" },
    ])
  })
})
