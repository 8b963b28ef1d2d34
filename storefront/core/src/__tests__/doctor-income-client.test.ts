import { createDoctorIncomeClient } from "../consultation/doctor-income-client"
import { ApiError, type FetchLike } from "../http"
import { recordingFetch } from "./support/recording-fetch"

const options = (fetch: FetchLike) => ({ baseUrl: "http://shop/", publishableKey: "pk", fetch })
const headersOf = (init: RequestInit | undefined) => init?.headers as Record<string, string>

describe("doctor income client", () => {
  it("reads the doctor's income page with their token, never from a cache", async () => {
    const answer = {
      income: { pending_fen: 2100, available_fen: 0, withdrawn_fen: 0, requested_fen: 0 },
      earnings: [],
      count: 0,
      limit: 20,
      offset: 20,
      withdrawals: [],
      wechat: { bound: false, bound_at: null },
    }
    const { fetch, calls } = recordingFetch({ body: answer })
    const client = createDoctorIncomeClient(options(fetch))
    expect(await client.income("tok", { limit: 20, offset: 20 })).toEqual(answer)
    expect(calls[0].url).toBe("http://shop/doctor/income?limit=20&offset=20")
    expect(headersOf(calls[0].init).authorization).toBe("Bearer tok")
    expect((calls[0].init as { cacheHint?: string }).cacheHint).toBe("no-store")
  })

  it("withdraws integer fen and surfaces the Chinese 409 when one is still open", async () => {
    const { fetch, calls } = recordingFetch(
      {
        status: 201,
        body: { withdrawal: { id: "docwd_1", amount_fen: 2100, status: "requested" } },
      },
      { status: 409, body: { message: "已有一笔提现申请待处理，请等财务处理后再申请" } }
    )
    const client = createDoctorIncomeClient(options(fetch))
    expect((await client.requestWithdrawal("", 2100)).id).toBe("docwd_1")
    expect(calls[0].url).toBe("http://shop/doctor/income/withdrawals")
    expect(JSON.parse(String(calls[0].init?.body))).toEqual({ amount_fen: 2100 })
    const refused = await client.requestWithdrawal("", 100).catch((e) => e)
    expect(refused).toBeInstanceOf(ApiError)
    expect(refused.message).toBe("已有一笔提现申请待处理，请等财务处理后再申请")
    await expect(client.requestWithdrawal("", 10.5)).rejects.toThrow()
    expect(calls).toHaveLength(2)
  })

  it("binds the WeChat of a wx.login code with the doctor's token", async () => {
    const wechat = { bound: true, bound_at: "2026-12-07T10:00:00.000Z" }
    const { fetch, calls } = recordingFetch({ body: { wechat } })
    const client = createDoctorIncomeClient(options(fetch))
    expect(await client.bindWechat("tok", "wx-code-1")).toEqual(wechat)
    expect(calls[0].url).toBe("http://shop/doctor/wechat/bind")
    expect(JSON.parse(String(calls[0].init?.body))).toEqual({ code: "wx-code-1" })
    expect(headersOf(calls[0].init).authorization).toBe("Bearer tok")
  })
})
