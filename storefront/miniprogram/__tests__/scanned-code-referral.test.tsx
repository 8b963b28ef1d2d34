import { render, waitFor } from "@testing-library/react"
import App from "../src/app"
import Home from "../src/pages/index/index"
import { pendingReferral, rememberReferral } from "../src/lib/referral"
import { completeSignIn } from "../src/lib/sign-in"
import { fakeBackend } from "./support/fake-backend"
import { stand } from "./support/taro-stand-in"

type Bound = { body: unknown; auth: string }

beforeEach(() => stand.reset())

/** Answers the bind call as commerce would and records what the mini-program sent. */
function bindingBackend(): Bound[] {
  const bound: Bound[] = []
  fakeBackend({
    "POST /store/affiliate/bind": ({
      body,
      headers,
    }: {
      body: unknown
      headers: Record<string, string>
    }) => {
      bound.push({ body, auth: headers.authorization })
      return { body: { ok: true } }
    },
  })
  return bound
}

describe("a friend who scans the poster's 小程序码 (scene=ref%3D<code>)", () => {
  it("keeps the code WeChat hands over encoded, as it does for a scanned code", () => {
    expect(rememberReferral({ scene: "ref%3DSCAN2345" })).toBe("SCAN2345")
    expect(pendingReferral()).toBe("SCAN2345")
    // Some entries hand the scene over decoded already: the same code.
    expect(rememberReferral({ scene: "ref=SCAN2346" })).toBe("SCAN2346")
    expect(pendingReferral()).toBe("SCAN2346")
  })

  it("is remembered from the launch options' query when the scan starts the mini-program", () => {
    stand.params = { scene: "ref%3DSCAN2345" }
    render(
      <App>
        <div />
      </App>
    )
    expect(pendingReferral()).toBe("SCAN2345")
  })

  it("is remembered by the home page the code opens (also on a warm start, which reopens it)", async () => {
    stand.params = { scene: "ref%3DHMPG2345" }
    render(<Home />)
    await waitFor(() => expect(pendingReferral()).toBe("HMPG2345"))
  })

  it("is bound at sign-in with the same request a shared card's ?ref= makes", async () => {
    stand.params = { scene: "ref%3DSCAN2345" }
    render(
      <App>
        <div />
      </App>
    )
    const fromScan = bindingBackend()
    await expect(completeSignIn("tok_scan")).resolves.toBe("bound")
    expect(pendingReferral()).toBeNull()

    stand.reset()
    rememberReferral({ ref: "SCAN2345" })
    const fromCard = bindingBackend()
    await expect(completeSignIn("tok_scan")).resolves.toBe("bound")

    expect(fromScan).toEqual([{ body: { code: "SCAN2345" }, auth: "Bearer tok_scan" }])
    expect(fromCard).toEqual(fromScan)
  })
})
