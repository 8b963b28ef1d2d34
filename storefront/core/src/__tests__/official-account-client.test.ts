import { ApiError } from "../http"
import { createOfficialAccountClient } from "../commerce/official-account-client"
import { recordingFetch } from "./support/recording-fetch"

describe("official account client", () => {
  it("binds the follower of the link with the member's token and the link's token", async () => {
    const { fetch, calls } = recordingFetch({
      body: { official_account: { bound: true, following: true } },
    })
    const api = createOfficialAccountClient({ baseUrl: "http://shop", publishableKey: "pk", fetch })
    expect(await api.bind("tok_member", "oab.1")).toEqual({ bound: true, following: true })
    expect(calls[0].url).toBe("http://shop/store/wechat/official-account/bind")
    expect(calls[0].init?.method).toBe("POST")
    expect(JSON.parse(String(calls[0].init?.body))).toEqual({ token: "oab.1" })
    expect((calls[0].init?.headers as Record<string, string>).authorization).toBe(
      "Bearer tok_member"
    )
  })

  it("passes commerce's Chinese refusal on", async () => {
    const { fetch } = recordingFetch({
      status: 409,
      body: { type: "conflict", message: "该微信已绑定其他会员" },
    })
    const api = createOfficialAccountClient({ baseUrl: "http://shop", publishableKey: "pk", fetch })
    const refusal = await api.bind("tok", "oab.1").catch((error: unknown) => error)
    expect(refusal).toBeInstanceOf(ApiError)
    expect(refusal).toMatchObject({ status: 409, message: "该微信已绑定其他会员" })
  })
})
