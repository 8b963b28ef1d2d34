import { formatCnMobile, parseCnMobile } from "../cn-mobile"
import { createMemberClient, type Member } from "../commerce/member-client"
import { membershipOf } from "../commerce/member-membership"
import { displayName, profileOf } from "../commerce/member-profile"
import { ApiError } from "../http"
import { recordingFetch } from "./support/recording-fetch"

const member: Member = {
  id: "cus_1",
  email: "a@b.cn",
  phone: "+8613800138000",
  first_name: "三",
  last_name: "张",
  metadata: { signup_method: "phone", birth_date: "1990-05-20" },
  created_at: "2026-11-24T00:00:00Z",
}

const client = (fetch: ReturnType<typeof recordingFetch>["fetch"]) =>
  createMemberClient({ baseUrl: "http://shop", publishableKey: "pk", fetch })

const bodyOf = (init: RequestInit | undefined) => JSON.parse(String(init?.body))
const headersOf = (init: RequestInit | undefined) => init?.headers as Record<string, string>

describe("member profile", () => {
  it("reads birth date and occupation from metadata, empty when missing", () => {
    expect(profileOf(member)).toEqual({
      first_name: "三",
      last_name: "张",
      birth_date: "1990-05-20",
      occupation: "",
    })
  })

  it("sends names and metadata, with empty fields clearing the old value", async () => {
    const { fetch, calls } = recordingFetch({ body: { customer: member } })
    const saved = await client(fetch).updateProfile("tok", {
      first_name: "",
      last_name: "张",
      birth_date: "",
      occupation: "教师",
    })
    expect(calls[0].url).toBe("http://shop/store/customers/me")
    expect(calls[0].init?.method).toBe("POST")
    expect(headersOf(calls[0].init).authorization).toBe("Bearer tok")
    expect(calls[0].init?.cacheHint).toBe("no-store")
    expect(bodyOf(calls[0].init)).toEqual({
      first_name: null,
      last_name: "张",
      metadata: { birth_date: "", occupation: "教师" },
    })
    expect(saved.id).toBe("cus_1")
  })

  it("names a member by name, else by formatted phone, else by email", () => {
    expect(displayName(member)).toBe("张三")
    expect(displayName({ ...member, first_name: null, last_name: null })).toBe("138 0013 8000")
    expect(displayName({ ...member, first_name: null, last_name: null, phone: null })).toBe(
      "a@b.cn"
    )
  })
})

describe("membership", () => {
  it("reads 团体会员 and the company from metadata; a member who never chose is 个人会员", () => {
    expect(membershipOf(member)).toEqual({ type: "individual" })
    expect(
      membershipOf({
        metadata: { membership_type: "group", company_name: "岳阳某公司", company_nature: "企业" },
      })
    ).toEqual({ type: "group", company_name: "岳阳某公司", company_nature: "企业" })
    expect(membershipOf({ metadata: null })).toEqual({ type: "individual" })
  })

  it("posts the type and company to the membership route", async () => {
    const { fetch, calls } = recordingFetch({ body: { customer: member } })
    await client(fetch).setMembership("tok", {
      type: "group",
      company_name: "岳阳某公司",
      company_nature: "企业",
    })
    expect(calls[0].url).toBe("http://shop/store/customers/me/membership")
    expect(calls[0].init?.method).toBe("POST")
    expect(headersOf(calls[0].init).authorization).toBe("Bearer tok")
    expect(bodyOf(calls[0].init)).toEqual({
      type: "group",
      company_name: "岳阳某公司",
      company_nature: "企业",
    })
  })
})

describe("password and phone", () => {
  it("posts the current and the new password", async () => {
    const { fetch, calls } = recordingFetch({ body: { success: true } })
    await client(fetch).changePassword("tok", "old-pass", "new-pass-1")
    expect(calls[0].url).toBe("http://shop/store/customers/me/password")
    expect(bodyOf(calls[0].init)).toEqual({
      current_password: "old-pass",
      new_password: "new-pass-1",
    })
  })

  it("passes the back end's refusal on as an ApiError", async () => {
    const { fetch } = recordingFetch({
      status: 400,
      body: { type: "invalid_data", message: "当前密码不正确" },
    })
    const error = await client(fetch)
      .changePassword("tok", "wrong", "new-pass-1")
      .catch((e) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 400, message: "当前密码不正确" })
  })

  it("binds a phone with its code and answers the updated member", async () => {
    const { fetch, calls } = recordingFetch({ body: { customer: member } })
    const bound = await client(fetch).bindPhone("tok", "13800138000", "123456")
    expect(calls[0].url).toBe("http://shop/store/customers/me/phone")
    expect(bodyOf(calls[0].init)).toEqual({ phone: "13800138000", code: "123456" })
    expect(bound.phone).toBe("+8613800138000")
  })

  it("binds the number WeChat verified with the getPhoneNumber code", async () => {
    const { fetch, calls } = recordingFetch({ body: { customer: member } })
    const bound = await client(fetch).bindWechatPhone("tok", "phone-code-1")
    expect(calls[0].url).toBe("http://shop/store/customers/me/phone/wechat")
    expect(calls[0].init?.method).toBe("POST")
    expect(bodyOf(calls[0].init)).toEqual({ code: "phone-code-1" })
    expect(bound.phone).toBe("+8613800138000")
  })

  it("reads mainland mobile numbers however they were typed", () => {
    expect(parseCnMobile(" 138 0013-8000 ")).toBe("13800138000")
    expect(parseCnMobile("+8613800138000")).toBe("13800138000")
    expect(parseCnMobile("12800138000")).toBeNull()
    expect(parseCnMobile("1380013800")).toBeNull()
    expect(parseCnMobile(null)).toBeNull()
    expect(formatCnMobile("+8613800138000")).toBe("138 0013 8000")
    expect(formatCnMobile(null)).toBe("")
  })
})

describe("address book", () => {
  const medusaAddress = (id: string, isDefault: boolean, created: string) => ({
    id,
    last_name: "王",
    first_name: "小明",
    phone: "13800138000",
    province: "湖南省",
    city: "岳阳市",
    address_2: "岳阳楼区",
    address_1: "南湖大道 1 号",
    is_default_shipping: isDefault,
    created_at: created,
  })

  it("lists the default address first, then the newest, in the shop's words", async () => {
    const { fetch, calls } = recordingFetch({
      body: {
        addresses: [
          medusaAddress("old", false, "2026-01-01"),
          medusaAddress("new", false, "2026-03-01"),
          medusaAddress("home", true, "2026-02-01"),
        ],
      },
    })
    const book = await client(fetch).addresses.list("tok")
    expect(new URL(calls[0].url).pathname).toBe("/store/customers/me/addresses")
    expect(calls[0].init?.cacheHint).toBe("no-store")
    expect(book.map((a) => a.id)).toEqual(["home", "new", "old"])
    expect(book[0]).toEqual({
      id: "home",
      name: "王小明",
      phone: "13800138000",
      province: "湖南省",
      city: "岳阳市",
      district: "岳阳楼区",
      street: "南湖大道 1 号",
      is_default: true,
    })
  })

  it("saves the district in address_2 and splits the name as the checkout does", async () => {
    const { fetch, calls } = recordingFetch({ body: {} }, { body: {} })
    const input = {
      name: "欧阳娜娜",
      phone: "13800138000",
      province: "湖南省",
      city: "岳阳市",
      district: "岳阳楼区",
      street: "南湖大道 1 号",
    }
    await client(fetch).addresses.add("tok", { ...input, is_default: true })
    await client(fetch).addresses.update("tok", "addr 1", input)
    expect(calls[0].url).toBe("http://shop/store/customers/me/addresses")
    expect(bodyOf(calls[0].init)).toEqual({
      last_name: "欧",
      first_name: "阳娜娜",
      phone: "13800138000",
      province: "湖南省",
      city: "岳阳市",
      address_2: "岳阳楼区",
      address_1: "南湖大道 1 号",
      country_code: "cn",
      is_default_shipping: true,
    })
    expect(calls[1].url).toBe("http://shop/store/customers/me/addresses/addr%201")
    expect(bodyOf(calls[1].init)).not.toHaveProperty("is_default_shipping")
  })

  it("makes an address the default and deletes one", async () => {
    const { fetch, calls } = recordingFetch({ body: {} }, { body: {} })
    await client(fetch).addresses.makeDefault("tok", "a1")
    await client(fetch).addresses.remove("tok", "a2")
    expect(calls[0].url).toBe("http://shop/store/customers/me/addresses/a1")
    expect(bodyOf(calls[0].init)).toEqual({ is_default_shipping: true })
    expect(calls[1].url).toBe("http://shop/store/customers/me/addresses/a2")
    expect(calls[1].init?.method).toBe("DELETE")
    expect(headersOf(calls[1].init).authorization).toBe("Bearer tok")
  })
})

describe("order cancellation", () => {
  it("asks whether the member may cancel, and cancels with the member's token", async () => {
    const answer = { cancellation: { allowed: false, reason: "检测盒已寄出" } }
    const reading = recordingFetch({ body: answer })
    expect(await client(reading.fetch).orderCancellation("tok", "order_1")).toEqual(
      answer.cancellation
    )
    expect(reading.calls[0].url).toBe("http://shop/store/orders/order_1/cancellation")
    expect(headersOf(reading.calls[0].init).authorization).toBe("Bearer tok")

    const cancelling = recordingFetch({ body: { order: { id: "order_1" } } })
    await client(cancelling.fetch).cancelOrder("tok", "order_1")
    expect(cancelling.calls[0].url).toBe("http://shop/store/orders/order_1/cancel")
    expect(cancelling.calls[0].init?.method).toBe("POST")
    expect(headersOf(cancelling.calls[0].init).authorization).toBe("Bearer tok")
  })

  it("passes the shop's refusal on as an ApiError with its message", async () => {
    const { fetch } = recordingFetch({ status: 400, body: { message: "订单已取消" } })
    await expect(client(fetch).cancelOrder("tok", "order_1")).rejects.toMatchObject({
      status: 400,
      message: "订单已取消",
    })
  })
})

describe("share earnings", () => {
  it("asks the affiliate plugin for the products on the page, and skips the call for none", async () => {
    const earning = { product_id: "prod_1", price: 1999, rate_percent: 10, amount: 199.9 }
    const { fetch, calls } = recordingFetch({ body: { share_earnings: [earning] } })
    expect(await client(fetch).affiliate.shareEarnings("tok", ["prod_1", "prod_2"])).toEqual([
      earning,
    ])
    expect(calls[0].url).toBe(
      "http://shop/store/affiliate/share-earnings?product_id=prod_1&product_id=prod_2"
    )
    expect(headersOf(calls[0].init).authorization).toBe("Bearer tok")
    expect(await client(fetch).affiliate.shareEarnings("tok", [])).toEqual([])
    expect(calls).toHaveLength(1)
  })
})

describe("open WeChat payments", () => {
  it("reads the member's open checkouts with their token", async () => {
    const open = [{ cart_id: "cart_1", amount: 699, titles: ["运动基因检测"], time_expire: "t" }]
    const reading = recordingFetch({ body: { pending_payments: open } })
    expect(await client(reading.fetch).pendingPayments("tok")).toEqual(open)
    expect(reading.calls[0].url).toBe("http://shop/store/customers/me/pending-payments")
    expect(headersOf(reading.calls[0].init).authorization).toBe("Bearer tok")
  })
})
