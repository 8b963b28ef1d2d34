import { planCommissions, reversedShare } from "../commission-plan"
import { maskedMemberLabel, maskPhone } from "../mask"
import { productRatesFromMetadata, validateRates } from "../rates"
import { isWellFormedReferralCode, newReferralCode } from "../referral-code"
import { shareEarningFen } from "../share-earning"

describe("rates", () => {
  it("accepts one to three levels of whole basis points and refuses a fourth", () => {
    expect(validateRates([800, 400])).toEqual([800, 400])
    expect(validateRates([800, 400, 200])).toEqual([800, 400, 200])
    expect(() => validateRates([800, 400, 200, 100])).toThrow("最多 3 级")
    expect(() => validateRates([])).toThrow("至少需要")
    expect(() => validateRates([8.5])).toThrow("整数")
    expect(() => validateRates([6000])).toThrow("0 到 5000")
  })

  it("reads a product's own cashback percents and ignores malformed ones", () => {
    expect(productRatesFromMetadata({ affiliate_rates: "10,5" })).toEqual([1000, 500])
    expect(productRatesFromMetadata({ affiliate_rates: "8.5" })).toEqual([850])
    expect(productRatesFromMetadata({ affiliate_rates: "10，5" })).toEqual([1000, 500])
    expect(productRatesFromMetadata({ affiliate_rates: "1,1,1,1" })).toBeNull()
    expect(productRatesFromMetadata({ affiliate_rates: "abc" })).toBeNull()
    expect(productRatesFromMetadata(null)).toBeNull()
  })
})

describe("commission plan", () => {
  const upline = [
    { affiliate_id: "b", status: "member" },
    { affiliate_id: "a", status: "distributor" },
  ]

  it("pays ¥80 and ¥40 on a ¥1,000 line and rounds down to the fen", () => {
    const plan = planCommissions({
      upline,
      rates_bp: [800, 400],
      lines: [{ line_item_id: "l1", product_id: "p", paid: 100000 }],
    })
    expect(plan.map((p) => [p.affiliate_id, p.level, p.amount])).toEqual([
      ["b", 1, 8000],
      ["a", 2, 4000],
    ])
    const odd = planCommissions({
      upline,
      rates_bp: [800],
      lines: [{ line_item_id: "l1", product_id: "p", paid: 1999 }],
    })
    expect(odd.map((p) => p.amount)).toEqual([159])
  })

  it("reverses running totals so partial refunds add up to a full one", () => {
    expect(reversedShare(8000, 50000, 100000)).toBe(4000)
    expect(reversedShare(159, 1000, 1999)).toBe(80)
    expect(reversedShare(159, 1999, 1999)).toBe(159)
    expect(reversedShare(159, 5000, 1999)).toBe(159)
  })
})

describe("masks and codes", () => {
  it("masks names, phones and emails", () => {
    expect(maskedMemberLabel({ last_name: "张", first_name: "三丰" })).toBe("张**")
    expect(maskedMemberLabel({ phone: "+8613812345678" })).toBe("138****5678")
    expect(maskedMemberLabel({ email: "demo@health.local" })).toBe("d***@health.local")
    expect(maskedMemberLabel({})).toBe("会员")
    expect(maskPhone("123")).toBeNull()
  })

  it("makes codes without look-alike characters", () => {
    for (let i = 0; i < 200; i++) {
      const code = newReferralCode()
      expect(isWellFormedReferralCode(code)).toBe(true)
      expect(code).not.toMatch(/[01OIL]/)
    }
  })
})

describe("share earning", () => {
  it("pays the level-1 rate on the price, the product's own rate first, fen rounded down", () => {
    expect(shareEarningFen(199_900, null, [800, 400])).toEqual({ amount_fen: 15_992, rate_bp: 800 })
    expect(shareEarningFen(99, {}, [800])).toEqual({ amount_fen: 7, rate_bp: 800 })
    expect(shareEarningFen(69_900, { affiliate_rates: "10,5" }, [800, 400])).toEqual({
      amount_fen: 6_990,
      rate_bp: 1000,
    })
    // A malformed product rate falls back to the programme, as commissions do.
    expect(shareEarningFen(10_000, { affiliate_rates: "abc" }, [800])).toEqual({
      amount_fen: 800,
      rate_bp: 800,
    })
    expect(shareEarningFen(10_000, null, [])).toEqual({ amount_fen: 0, rate_bp: 0 })
  })
})
