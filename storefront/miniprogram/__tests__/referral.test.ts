import { bindPendingReferral, pendingReferral, rememberReferral } from "../src/lib/referral"
import { fakeBackend, refuse } from "./support/fake-backend"
import { stand } from "./support/taro-stand-in"

beforeEach(() => stand.reset())

describe("the referral code a shared card or poster opens with", () => {
  it("is kept from ?ref= and from a QR scene, normalized as the web does", () => {
    expect(rememberReferral({ ref: " abc2345 " })).toBe("ABC2345")
    expect(pendingReferral()).toBe("ABC2345")
    expect(rememberReferral({ scene: encodeURIComponent("ref=XYZ7777") })).toBe("XYZ7777")
    expect(pendingReferral()).toBe("XYZ7777")
  })

  it("ignores what cannot be a share code and keeps the newer valid one", () => {
    rememberReferral({ ref: "KEEP2345" })
    expect(rememberReferral({ ref: "<script>" })).toBeNull()
    expect(pendingReferral()).toBe("KEEP2345")
  })

  it("waits 30 days at most, like the web's cookie", () => {
    rememberReferral({ ref: "KEEP2345" })
    expect(pendingReferral(Date.now() + 29 * 24 * 3600_000)).toBe("KEEP2345")
    expect(pendingReferral(Date.now() + 31 * 24 * 3600_000)).toBeNull()
  })
})

describe("binding the pending referrer after sign-in", () => {
  it("binds through POST /store/affiliate/bind with the member's token, then forgets the code", async () => {
    rememberReferral({ ref: "KEEP2345" })
    const bodies: unknown[] = []
    fakeBackend({
      "POST /store/affiliate/bind": ({
        body,
        headers,
      }: {
        body: unknown
        headers: Record<string, string>
      }) => {
        bodies.push({ body, auth: headers.authorization })
        return { body: { ok: true } }
      },
    })
    await expect(bindPendingReferral("tok_1")).resolves.toBe("bound")
    expect(bodies).toEqual([{ body: { code: "KEEP2345" }, auth: "Bearer tok_1" }])
    expect(pendingReferral()).toBeNull()
  })

  it("reports commerce's refusal (already bound, own code) and does not try again", async () => {
    rememberReferral({ ref: "KEEP2345" })
    fakeBackend({
      "POST /store/affiliate/bind": refuse(409, "您已绑定推荐人"),
    })
    await expect(bindPendingReferral("tok_1")).resolves.toEqual({ refused: "您已绑定推荐人" })
    expect(pendingReferral()).toBeNull()
  })

  it("keeps the code for the next sign-in or order when commerce is down", async () => {
    rememberReferral({ ref: "KEEP2345" })
    fakeBackend({ "POST /store/affiliate/bind": refuse(503, "down") })
    await expect(bindPendingReferral("tok_1")).resolves.toBe("none")
    expect(pendingReferral()).toBe("KEEP2345")
  })

  it("does nothing without a pending code", async () => {
    await expect(bindPendingReferral("tok_1")).resolves.toBe("none")
    expect(stand.requests).toHaveLength(0)
  })
})
