import { createBackends } from "../backends"
import { recordingFetch } from "./support/recording-fetch"

describe("createBackends", () => {
  it("sends every commerce client to the one Medusa with its publishable key and fetch", async () => {
    const { fetch, calls } = recordingFetch(
      { body: { products: [], count: 0 } },
      { body: { appointments: [] } },
      { body: { messages: [], count: 0, unread: 0 } }
    )
    const cms = recordingFetch()
    const backends = createBackends({
      commerce: { baseUrl: "http://shop/", publishableKey: "pk_web", fetch },
      cms: { baseUrl: "http://cms", fetch: cms.fetch },
    })
    await backends.commerce.listProducts({ regionId: "reg_1" })
    await backends.appointments.list("tok")
    await backends.inbox.list("tok")

    expect(calls.map((call) => new URL(call.url).origin)).toEqual([
      "http://shop",
      "http://shop",
      "http://shop",
    ])
    for (const call of calls) {
      expect((call.init?.headers as Record<string, string>)["x-publishable-api-key"]).toBe("pk_web")
    }
    expect((calls[1].init?.headers as Record<string, string>).authorization).toBe("Bearer tok")
    expect(cms.calls).toEqual([])
  })

  it("sends CMS reads to the CMS with its token, not to commerce", async () => {
    const commerce = recordingFetch()
    const { fetch, calls } = recordingFetch({
      body: { data: [], meta: { pagination: { page: 1, pageSize: 10, pageCount: 0, total: 0 } } },
    })
    const backends = createBackends({
      commerce: { baseUrl: "http://shop", publishableKey: "pk", fetch: commerce.fetch },
      cms: { baseUrl: "http://cms", token: "cms_token", fetch },
    })
    await backends.cms.listArticles({ pageSize: 10 })

    expect(new URL(calls[0].url).origin).toBe("http://cms")
    expect((calls[0].init?.headers as Record<string, string>).authorization).toBe(
      "Bearer cms_token"
    )
    expect(commerce.calls).toEqual([])
  })
})
