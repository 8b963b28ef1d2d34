import { getEscortBookingGuarantee } from "../escort/escort-guarantee-client"
import { ApiError, type FetchLike } from "../http"
import { recordingFetch } from "./support/recording-fetch"

const options = (fetch: FetchLike) => ({ baseUrl: "http://shop/", publishableKey: "pk", fetch })
const headersOf = (init: RequestInit | undefined) => init?.headers as Record<string, string>

describe("escort booking guarantee client", () => {
  it("reads the booking's policy and complaint outcome with the member's token", async () => {
    const guarantee = {
      insured: true,
      policy: { policy_no: "PL20261207000001", coverage_fen: 5_000_000 },
      complaint: {
        status: "upheld",
        status_label: "已认定，平台先行赔付",
        compensation_paid_fen: 19900,
      },
    }
    const { fetch, calls } = recordingFetch({ body: { guarantee } })
    expect(await getEscortBookingGuarantee(options(fetch), "tok", "escbk/1")).toEqual(guarantee)
    expect(calls[0].url).toBe("http://shop/store/escort-bookings/escbk%2F1/guarantee")
    expect(headersOf(calls[0].init).authorization).toBe("Bearer tok")
  })

  it("surfaces another member's booking as the Chinese 404", async () => {
    const { fetch } = recordingFetch({ status: 404, body: { message: "未找到该陪诊订单" } })
    const refused = await getEscortBookingGuarantee(options(fetch), "tok", "escbk_x").catch(
      (e) => e
    )
    expect(refused).toBeInstanceOf(ApiError)
    expect(refused.message).toBe("未找到该陪诊订单")
  })
})
