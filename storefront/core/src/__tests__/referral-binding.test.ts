import { ApiError } from "../http"
import { bindPendingReferral } from "../affiliate/referral-binding"

/** A store like the web's cookie or the mini-program's storage, holding one code. */
function storeWith(code: string | null) {
  const state = { code, forgotten: 0 }
  return {
    state,
    store: {
      read: () => state.code,
      forget: () => {
        state.code = null
        state.forgotten++
      },
    },
  }
}

describe("binding the share code a member arrived with", () => {
  it("binds the kept code once and forgets it", async () => {
    const { state, store } = storeWith("ABC2345")
    const bound: string[] = []
    const outcome = await bindPendingReferral(store, async (code) => void bound.push(code))
    expect(outcome).toBe("bound")
    expect(bound).toEqual(["ABC2345"])
    expect(state.forgotten).toBe(1)
    expect(await bindPendingReferral(store, async () => undefined)).toBe("none")
  })

  it("asks nothing when there is no code", async () => {
    const bind = jest.fn()
    expect(await bindPendingReferral(storeWith(null).store, bind)).toBe("none")
    expect(bind).not.toHaveBeenCalled()
  })

  it("forgets a code commerce refuses and says why", async () => {
    const { state, store } = storeWith("OWN2345")
    const outcome = await bindPendingReferral(store, async () => {
      throw new ApiError(400, "不能绑定自己的分享码")
    })
    expect(outcome).toEqual({ refused: "不能绑定自己的分享码" })
    expect(state.code).toBeNull()
  })

  it("keeps the code for the next try when commerce is down", async () => {
    const { state, store } = storeWith("ABC2345")
    const outcome = await bindPendingReferral(store, async () => {
      throw new ApiError(503, "服务暂不可用")
    })
    expect(outcome).toBe("none")
    expect(state.code).toBe("ABC2345")
    const unreachable = await bindPendingReferral(store, async () => {
      throw new TypeError("fetch failed")
    })
    expect(unreachable).toBe("none")
    expect(state.code).toBe("ABC2345")
  })
})
