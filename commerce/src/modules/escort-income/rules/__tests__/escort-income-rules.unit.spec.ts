import { earningAfterRefund, escortEarningFen } from "../escort-earning-share"
import { escortIncomeDefaults } from "../escort-income-defaults"
import { escortLevel, levelCondition, levelShortfall } from "../escort-level"

const rules = escortIncomeDefaults().level_rules

describe("escort earning share", () => {
  it("takes the level's whole percent of the price in integer fen, rounding down", () => {
    expect(escortEarningFen(19900, 60)).toBe(11940)
    expect(escortEarningFen(19900, 70)).toBe(13930)
    // 33% of 199.99 is 65.9967: the escort gets 65.99, the odd fraction stays with the platform.
    expect(escortEarningFen(19999, 33)).toBe(6599)
    expect(escortEarningFen(1, 99)).toBe(0)
    expect(escortEarningFen(0, 80)).toBe(0)
    expect(escortEarningFen(12345, 100)).toBe(12345)
  })

  it("refuses fractional fen and percentages outside 0–100", () => {
    expect(() => escortEarningFen(199.5, 60)).toThrow()
    expect(() => escortEarningFen(19900, 60.5)).toThrow()
    expect(() => escortEarningFen(19900, 101)).toThrow()
    expect(() => escortEarningFen(-1, 60)).toThrow()
  })

  it("reverses an earning to the share of what the platform keeps after a refund", () => {
    const earning = { price_fen: 19900, share_percent: 60, amount_fen: 11940 }
    expect(earningAfterRefund(earning, 19900)).toBe(0)
    expect(earningAfterRefund(earning, 9950)).toBe(5970)
    expect(earningAfterRefund(earning, 1)).toBe(11939)
    expect(earningAfterRefund(earning, 50000)).toBe(0)
  })

  it("defaults to 60/70/80 percent and a 24-hour release, overridable by ESCORT_* env", () => {
    expect(escortIncomeDefaults()).toMatchObject({
      share_percent: { trainee: 60, silver: 70, gold: 80 },
      release_hours: 24,
    })
    process.env.ESCORT_SHARE_GOLD = "85"
    process.env.ESCORT_INCOME_RELEASE_HOURS = "48"
    try {
      expect(escortIncomeDefaults()).toMatchObject({
        share_percent: { gold: 85 },
        release_hours: 48,
      })
    } finally {
      delete process.env.ESCORT_SHARE_GOLD
      delete process.env.ESCORT_INCOME_RELEASE_HOURS
    }
  })
})

describe("escort levels", () => {
  it("starts everyone at 见习 and needs both volume and ratings for 银牌", () => {
    expect(escortLevel({ completed: 0, ratingAverage: null, ratingCount: 0 }, rules)).toBe(
      "trainee"
    )
    expect(escortLevel({ completed: 500, ratingAverage: null, ratingCount: 0 }, rules)).toBe(
      "trainee"
    )
    expect(escortLevel({ completed: 19, ratingAverage: 5, ratingCount: 19 }, rules)).toBe("trainee")
    expect(escortLevel({ completed: 20, ratingAverage: 4.5, ratingCount: 5 }, rules)).toBe("silver")
    expect(escortLevel({ completed: 20, ratingAverage: 4.49, ratingCount: 5 }, rules)).toBe(
      "trainee"
    )
    expect(escortLevel({ completed: 20, ratingAverage: 5, ratingCount: 4 }, rules)).toBe("trainee")
  })

  it("gives 金牌 at 100 services with 20 ratings averaging 4.8, else the highest level met", () => {
    expect(escortLevel({ completed: 100, ratingAverage: 4.8, ratingCount: 20 }, rules)).toBe("gold")
    expect(escortLevel({ completed: 100, ratingAverage: 4.7, ratingCount: 20 }, rules)).toBe(
      "silver"
    )
    expect(escortLevel({ completed: 99, ratingAverage: 5, ratingCount: 60 }, rules)).toBe("silver")
  })

  it("follows rules operations changed, and a rule without ratings asks for volume alone", () => {
    const volumeOnly = {
      silver: { min_completed: 3, min_ratings: 0, min_rating: 5 },
      gold: { min_completed: 10, min_ratings: 2, min_rating: 4 },
    }
    expect(escortLevel({ completed: 3, ratingAverage: null, ratingCount: 0 }, volumeOnly)).toBe(
      "silver"
    )
    expect(escortLevel({ completed: 10, ratingAverage: 4, ratingCount: 2 }, volumeOnly)).toBe(
      "gold"
    )
  })

  it("explains each level's condition and what is still missing, in Chinese", () => {
    expect(levelCondition(null)).toBe("入职即为见习陪诊员")
    expect(levelCondition(rules.silver)).toBe("完成 20 单服务，至少 5 条评分且平均分不低于 4.5")
    expect(
      levelShortfall({ completed: 12, ratingAverage: 4.2, ratingCount: 3 }, rules.silver)
    ).toBe("再完成 8 单，再获得 2 条评分，平均分达到 4.5")
    expect(
      levelShortfall({ completed: 20, ratingAverage: 4.6, ratingCount: 5 }, rules.silver)
    ).toBeNull()
  })
})
