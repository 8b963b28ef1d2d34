import {
  bindEscortWechat,
  confirmEscortService,
  disputeEscortBooking,
  getEscortIncome,
  listEscortWithdrawals,
  requestEscortWithdrawal,
} from "../escort/escort-income-client"
import { ApiError, type FetchLike } from "../http"
import { recordingFetch } from "./support/recording-fetch"

const options = (fetch: FetchLike) => ({ baseUrl: "http://shop/", publishableKey: "pk", fetch })
const headersOf = (init: RequestInit | undefined) => init?.headers as Record<string, string>

describe("escort income client", () => {
  it("reads the escort's income with their token, never from a cache", async () => {
    const answer = {
      income: {
        balance_fen: 11940,
        pending_fen: 0,
        frozen_fen: 0,
        withdrawn_fen: 0,
        level: "trainee",
        level_label: "见习",
        share_percent: 60,
        completed_count: 1,
        rating_average: 5,
        next_level: { level_label: "银牌", needs: "再完成 19 单" },
        rules: [],
      },
      earnings: [],
    }
    const { fetch, calls } = recordingFetch({ body: answer })
    expect(await getEscortIncome(options(fetch), "tok")).toEqual(answer)
    expect(calls[0].url).toBe("http://shop/escort/income")
    expect(headersOf(calls[0].init).authorization).toBe("Bearer tok")
  })

  it("withdraws integer fen and surfaces the Chinese 409 when the balance is short", async () => {
    const { fetch, calls } = recordingFetch(
      {
        status: 201,
        body: { withdrawal: { id: "escwd_1", amount_fen: 500, status: "requested" } },
      },
      { status: 409, body: { message: "可提现余额不足：当前可提现 ¥0.00，申请 ¥5.00" } },
      { body: { withdrawals: [{ id: "escwd_1" }] } }
    )
    expect((await requestEscortWithdrawal(options(fetch), "tok", 500)).id).toBe("escwd_1")
    expect(JSON.parse(String(calls[0].init?.body))).toEqual({ amount_fen: 500 })
    const refused = await requestEscortWithdrawal(options(fetch), "tok", 500).catch((e) => e)
    expect(refused).toBeInstanceOf(ApiError)
    expect(refused.message).toContain("可提现余额不足")
    expect(await listEscortWithdrawals(options(fetch), "tok")).toEqual([{ id: "escwd_1" }])
    expect(calls[2].init?.method).toBeUndefined()
  })

  it("binds the escort's WeChat with wx.login's code and surfaces the 409 for another's", async () => {
    const { fetch, calls } = recordingFetch(
      { body: { wechat: { bound: true, bound_at: "2026-12-07T01:00:00.000Z" } } },
      { status: 409, body: { message: "该微信已绑定其他陪诊员账号，请用本人微信绑定" } }
    )
    expect(await bindEscortWechat(options(fetch), "tok", "wx-code-1")).toEqual({
      bound: true,
      bound_at: "2026-12-07T01:00:00.000Z",
    })
    expect(calls[0].url).toBe("http://shop/escort/wechat/bind")
    expect(calls[0].init?.method).toBe("POST")
    expect(JSON.parse(String(calls[0].init?.body))).toEqual({ code: "wx-code-1" })
    expect(headersOf(calls[0].init).authorization).toBe("Bearer tok")
    const refused = await bindEscortWechat(options(fetch), "tok", "wx-code-2").catch((e) => e)
    expect(refused).toBeInstanceOf(ApiError)
    expect(refused.status).toBe(409)
    expect(refused.message).toBe("该微信已绑定其他陪诊员账号，请用本人微信绑定")
  })

  it("confirms with a rating and tags, or without any, and disputes with a reason", async () => {
    const { fetch, calls } = recordingFetch(
      { body: { booking: { id: "escbk/1", status: "confirmed" } } },
      { body: { booking: { id: "escbk_2", status: "confirmed" } } },
      { status: 201, body: { dispute: { id: "escdsp_1", status: "open" } } }
    )
    await confirmEscortService(options(fetch), "m", "escbk/1", { rating: 5, tags: ["耐心"] })
    expect(calls[0].url).toBe("http://shop/store/escort-bookings/escbk%2F1/confirm")
    expect(JSON.parse(String(calls[0].init?.body))).toEqual({ rating: 5, tags: ["耐心"] })
    await confirmEscortService(options(fetch), "m", "escbk_2", { tags: ["耐心"] })
    expect(JSON.parse(String(calls[1].init?.body))).toEqual({})
    const dispute = await disputeEscortBooking(options(fetch), "m", "escbk_2", "迟到")
    expect(dispute.id).toBe("escdsp_1")
    expect(calls[2].url).toBe("http://shop/store/escort-bookings/escbk_2/dispute")
    expect(JSON.parse(String(calls[2].init?.body))).toEqual({ reason: "迟到" })
  })
})
