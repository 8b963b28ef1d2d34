import {
  createConstitutionAdminClient,
  createConstitutionClient,
} from "../constitution/constitution-client"
import { ApiError, type FetchLike } from "../http"
import { recordingFetch } from "./support/recording-fetch"

const client = (fetch: FetchLike) =>
  createConstitutionClient({ baseUrl: "http://shop/", publishableKey: "pk", fetch })
const headersOf = (init: RequestInit | undefined) => init?.headers as Record<string, string>

describe("constitution client", () => {
  it("scores a visitor's sheet without a token and a member's with theirs", async () => {
    const assessment = { primary: "qixu", saved: false }
    const { fetch, calls } = recordingFetch(
      { body: { assessment } },
      { status: 201, body: { assessment: { ...assessment, saved: true, id: "cass_1" } } }
    )
    const api = client(fetch)
    expect(await api.assess({ sex: "female", answers: { q01: 3 } })).toEqual(assessment)
    expect(calls[0].url).toBe("http://shop/store/constitution/assessments")
    expect(calls[0].init?.method).toBe("POST")
    expect(JSON.parse(String(calls[0].init?.body))).toEqual({ sex: "female", answers: { q01: 3 } })
    expect(headersOf(calls[0].init).authorization).toBeUndefined()
    expect(calls[0].init?.cacheHint).toBe("no-store")

    expect((await api.assess({ sex: "male", answers: { q01: 3 } }, "tok")).id).toBe("cass_1")
    expect(headersOf(calls[1].init).authorization).toBe("Bearer tok")
  })

  it("reads the current question bank or one version, and sends the version answered", async () => {
    const questionnaire = { version: 2, label: "2027 年修订版", published_at: null, items: [] }
    const { fetch, calls } = recordingFetch(
      { body: { questionnaire } },
      { body: { questionnaire: { ...questionnaire, version: 1 } } },
      { body: { assessment: { saved: false } } },
      { body: { assessment: { saved: false } } }
    )
    const api = client(fetch)
    expect(await api.questionnaire()).toEqual(questionnaire)
    expect((await api.questionnaire(1)).version).toBe(1)
    expect(calls.map((call) => call.url)).toEqual([
      "http://shop/store/constitution/questionnaire",
      "http://shop/store/constitution/questionnaire?version=1",
    ])
    await api.assess({ sex: "female", answers: { q41: 2 }, questionnaireVersion: 2 })
    await api.assess({ sex: "female", answers: { q41: 2 }, questionnaireVersion: null })
    expect(calls.slice(2).map((call) => JSON.parse(String(call.init?.body)))).toEqual([
      { sex: "female", answers: { q41: 2 }, questionnaire_version: 2 },
      { sex: "female", answers: { q41: 2 } },
    ])
  })

  it("passes the server's 400 listing the items on as an ApiError", async () => {
    const { fetch } = recordingFetch({
      status: 400,
      body: { type: "invalid_data", message: "未作答的题目: q41" },
    })
    const error = await client(fetch)
      .assess({ sex: "male", answers: {} })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 400, message: "未作答的题目: q41" })
  })

  it("reads the member's history and one result by escaped id", async () => {
    const { fetch, calls } = recordingFetch(
      { body: { assessments: [], count: 0, limit: 5, offset: 0 } },
      { body: { assessment: { id: "cass/1" } } }
    )
    const api = client(fetch)
    expect((await api.history("tok", { limit: 5 })).count).toBe(0)
    expect(calls[0].url).toBe("http://shop/store/constitution/assessments?limit=5")
    expect(await api.assessment("tok", "cass/1")).toEqual({ id: "cass/1" })
    expect(calls[1].url).toBe("http://shop/store/constitution/assessments/cass%2F1")
    expect(headersOf(calls[1].init).authorization).toBe("Bearer tok")
  })
})

describe("constitution admin client", () => {
  const sections = { summary: "气虚为主", diet: "", exercise: "", emotion: "", daily: "" }

  it("lists by status, saves drafts and publishes with the staff token", async () => {
    const { fetch, calls } = recordingFetch(
      { body: { assessments: [], count: 0, limit: 20, offset: 0 } },
      { body: { assessment: { id: "cass_1" } } },
      { body: { review: { status: "draft" } } },
      { body: { review: { status: "published" } } }
    )
    const api = createConstitutionAdminClient({ baseUrl: "http://shop", fetch })
    await api.list("staff", { status: "pending" })
    expect(calls[0].url).toBe("http://shop/admin/constitution/assessments?status=pending")
    expect(headersOf(calls[0].init).authorization).toBe("Bearer staff")
    expect(headersOf(calls[0].init)["x-publishable-api-key"]).toBeUndefined()
    expect(await api.get("staff", "cass_1")).toEqual({ id: "cass_1" })
    expect((await api.saveDraft("staff", "cass_1", sections)).status).toBe("draft")
    expect(calls[2].url).toBe("http://shop/admin/constitution/assessments/cass_1/review")
    expect(JSON.parse(String(calls[2].init?.body))).toEqual({ sections })
    expect((await api.publish("staff", "cass_1")).status).toBe("published")
    expect(calls[3].url).toBe("http://shop/admin/constitution/assessments/cass_1/review/publish")
    expect(calls[3].init?.method).toBe("POST")
    expect(JSON.parse(String(calls[3].init?.body))).toEqual({})
  })

  it("revises with the new sections, the 修订说明 and the version edited", async () => {
    const { fetch, calls } = recordingFetch({ body: { review: { revision: 3 } } })
    const api = createConstitutionAdminClient({ baseUrl: "http://shop", fetch })
    const review = await api.revise("staff", "cass_1", {
      sections,
      reason: "补充饮食建议",
      baseRevision: 2,
    })
    expect(review.revision).toBe(3)
    expect(calls[0].url).toBe("http://shop/admin/constitution/assessments/cass_1/review/revise")
    expect(calls[0].init?.method).toBe("POST")
    expect(JSON.parse(String(calls[0].init?.body))).toEqual({
      sections,
      reason: "补充饮食建议",
      base_revision: 2,
    })
  })
})
