import { addressProblem, emailProblem } from "../commerce/checkout-problems"
import {
  COLLECTION_SIGN_IN_PROBLEM,
  collectionSlotProblem,
  readCollectionPick,
} from "../appointments/collection-pick"
import { shiftDay } from "../appointments/appointment-rules"
import { OFFLINE_PAYMENT_REFUSAL, offersOfflinePayment } from "../commerce/offline-payment"
import { maxStoreCreditFen, storeCreditFen } from "../commerce/store-credit"
import type { SiteAvailability } from "../appointments/types"

describe("storeCreditFen", () => {
  it("applies nothing unless the member asked for it", () => {
    expect(storeCreditFen(false, "100")).toEqual({ fen: 0 })
  })

  it("reads yuan with up to two decimals as integer fen", () => {
    expect(storeCreditFen(true, "80.5")).toEqual({ fen: 8050 })
    expect(storeCreditFen(true, " 0.01 ")).toEqual({ fen: 1 })
    expect(storeCreditFen(true, "600")).toEqual({ fen: 60000 })
  })

  it.each(["", "abc", "0", "-5", "1.234", "1e3"])("refuses %j with a message", (typed) => {
    expect(storeCreditFen(true, typed)).toEqual({
      problem: "请填写正确的抵扣金额（元，最多两位小数）",
    })
  })

  it("never goes above the member's balance when it is known", () => {
    expect(storeCreditFen(true, "120", 120)).toEqual({ fen: 12000 })
    expect(storeCreditFen(true, "120.01", 120)).toEqual({
      problem: "抵扣金额不能超过可用余额 ¥120.00",
    })
  })

  it("offers at most the balance or the order total, whichever is less", () => {
    expect(maxStoreCreditFen(120, 399)).toBe(12000)
    expect(maxStoreCreditFen(500, "399.9")).toBe(39990)
    expect(maxStoreCreditFen(-3, 399)).toBe(0)
  })
})

describe("offline payment", () => {
  it("is offered for a 岳阳 shipping city only, as commerce checks it", () => {
    expect(offersOfflinePayment("岳阳市")).toBe(true)
    expect(offersOfflinePayment("长沙市")).toBe(false)
    // A 岳阳 collection site qualifies wherever the kit would be sent.
    expect(offersOfflinePayment("长沙市", "岳阳市")).toBe(true)
    expect(offersOfflinePayment("长沙市", "长沙市")).toBe(false)
    expect(offersOfflinePayment(null, null)).toBe(false)
    expect(offersOfflinePayment("")).toBe(false)
    expect(offersOfflinePayment(undefined)).toBe(false)
    expect(OFFLINE_PAYMENT_REFUSAL).toBe("线下支付仅限岳阳地区，请选择微信支付")
  })
})

describe("readCollectionPick", () => {
  it("needs a site, then a day and slot", () => {
    expect(readCollectionPick({ siteId: "", slot: "" })).toEqual({
      problem: "请选择现场采集的采集点",
    })
    expect(readCollectionPick({ siteId: "site-1", slot: "" })).toEqual({
      problem: "请选择现场采集的日期和时段",
    })
    expect(readCollectionPick({ siteId: "site-1", slot: "明天 上午" })).toEqual({
      problem: "请选择现场采集的日期和时段",
    })
  })

  it("reads the site, day and slot picked", () => {
    expect(
      readCollectionPick({
        siteId: "site-1",
        slot: "2026-12-03 10:00-11:00",
        siteName: "岳阳楼区采集点",
      })
    ).toEqual({
      choice: {
        site_id: "site-1",
        date: "2026-12-03",
        slot: "10:00-11:00",
        site_name: "岳阳楼区采集点",
      },
    })
    expect(COLLECTION_SIGN_IN_PROBLEM).toBe(
      "现场采集需先登录会员，以便为您预约采集时段；也可以选择顺丰包邮寄送采样盒"
    )
  })
})

describe("collectionSlotProblem", () => {
  const availability: Pick<SiteAvailability, "days"> = {
    days: [
      {
        date: "2026-12-03",
        slots: [
          { slot: "09:00-10:00", capacity: 2, remaining: 0, bookable: false },
          { slot: "10:00-11:00", capacity: 2, remaining: 1, bookable: true },
          { slot: "11:00-12:00", capacity: 2, remaining: 2, bookable: false },
        ],
      },
    ],
  }

  it("lets a slot with a place left through", () => {
    expect(
      collectionSlotProblem(availability, { date: "2026-12-03", slot: "10:00-11:00" })
    ).toBeNull()
  })

  it("says when the slot filled up, passed or does not exist", () => {
    expect(collectionSlotProblem(availability, { date: "2026-12-03", slot: "09:00-10:00" })).toBe(
      "所选时段刚刚已约满，请选择其他时段"
    )
    expect(collectionSlotProblem(availability, { date: "2026-12-03", slot: "11:00-12:00" })).toBe(
      "所选时段已过或暂不可预约，请重新选择"
    )
    expect(collectionSlotProblem(availability, { date: "2026-12-04", slot: "10:00-11:00" })).toBe(
      "所选时段不可预约，请重新选择日期和时段"
    )
  })
})

describe("shiftDay", () => {
  it("moves a calendar day across month and year ends", () => {
    expect(shiftDay("2026-12-31", 1)).toBe("2027-01-01")
    expect(shiftDay("2026-12-03", -7)).toBe("2026-11-26")
  })
})

describe("checkout form problems", () => {
  const address = {
    name: "赵晓",
    phone: "139 0000 1111",
    province: "湖南省",
    city: "岳阳市",
    district: "岳阳楼区",
    street: "洞庭南路 1 号",
  }

  it("lets a complete mainland address through", () => {
    expect(addressProblem(address)).toBeNull()
    expect(
      addressProblem({ ...address, city: "仙桃市", province: "湖北省", district: "" })
    ).toBeNull()
  })

  it.each([
    [{ name: " " }, "请填写收货人姓名"],
    [{ name: "赵".repeat(21) }, "收货人姓名最多 20 个字"],
    [{ phone: "1390000111" }, "请输入正确的 11 位手机号"],
    [{ province: "" }, "请选择省份"],
    [{ city: "武汉市" }, "请选择湖南省下的城市"],
    [{ district: "" }, "请选择岳阳市下的区县"],
    [{ street: "1号" }, "请填写详细地址（街道、门牌号）"],
  ])("names the first thing to fix in %j", (change, problem) => {
    expect(addressProblem({ ...address, ...change })).toBe(problem)
  })

  it("wants an email for order notices", () => {
    expect(emailProblem(" buyer@example.com ")).toBeNull()
    expect(emailProblem("buyer@")).toBe("请填写正确的邮箱，用于接收订单通知")
  })
})
