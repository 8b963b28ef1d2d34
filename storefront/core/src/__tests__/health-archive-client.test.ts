import { createHealthArchiveClient } from "../commerce/health-archive-client"
import { ApiError, type FetchLike } from "../http"
import { recordingFetch } from "./support/recording-fetch"

const client = (fetch: FetchLike) =>
  createHealthArchiveClient({ baseUrl: "http://shop/", publishableKey: "pk", fetch })
const headersOf = (init: RequestInit | undefined) => init?.headers as Record<string, string>

describe("health archive client", () => {
  it("reads the member's kits with their token, never cached", async () => {
    const { fetch, calls } = recordingFetch({ body: { kits: [], count: 0 } })
    const result = await client(fetch).listKits("tok")
    expect(calls[0].url).toBe("http://shop/store/health-archive/kits")
    expect(headersOf(calls[0].init).authorization).toBe("Bearer tok")
    expect(headersOf(calls[0].init)["x-publishable-api-key"]).toBe("pk")
    expect(calls[0].init?.cacheHint).toBe("no-store")
    expect(result).toEqual({ kits: [], count: 0 })
  })

  it("unwraps single records and escapes ids in the path", async () => {
    const { fetch, calls } = recordingFetch(
      { body: { kit: { id: "kit/1" } } },
      { body: { report: { id: "rep_1" } } },
      { body: { persons: [{ id: "per_1" }] } },
      { body: { consents: [] } },
      { body: { assessments: [{ id: "ca_1" }] } },
      { body: { uploads: [] } }
    )
    const api = client(fetch)
    expect(await api.kit("tok", "kit/1")).toEqual({ id: "kit/1" })
    expect(await api.report("tok", "rep_1")).toEqual({ id: "rep_1" })
    expect(await api.persons("tok")).toEqual([{ id: "per_1" }])
    expect(await api.consents("tok")).toEqual([])
    expect(await api.assessments("tok")).toEqual([{ id: "ca_1" }])
    expect(await api.uploads("tok")).toEqual([])
    expect(calls.map((c) => new URL(c.url).pathname)).toEqual([
      "/store/health-archive/kits/kit%2F1",
      "/store/health-archive/reports/rep_1",
      "/store/health-archive/persons",
      "/store/health-archive/consents",
      "/store/health-archive/assessments",
      "/store/health-archive/uploads",
    ])
  })

  it("saves a 就诊人 with their ID number and removes one by id", async () => {
    const { fetch, calls } = recordingFetch(
      { status: 201, body: { person: { id: "tsub_1", id_number_masked: "1101**********002X" } } },
      { body: { id: "tsub/1", object: "person", deleted: true } }
    )
    const api = client(fetch)
    const person = { relation: "parent" as const, name: "张桂兰", id_number: "11010519491231002X" }
    expect(await api.addPerson("tok", person)).toEqual({
      id: "tsub_1",
      id_number_masked: "1101**********002X",
    })
    await api.removePerson("tok", "tsub/1")
    expect(calls.map((c) => [c.init?.method, new URL(c.url).pathname])).toEqual([
      ["POST", "/store/health-archive/persons"],
      ["DELETE", "/store/health-archive/persons/tsub%2F1"],
    ])
    expect(JSON.parse(String(calls[0].init?.body))).toEqual(person)
  })

  it("activates a kit with the person and the consent versions the member saw", async () => {
    const { fetch, calls } = recordingFetch({ body: { kit: { id: "kit_1", status: "activated" } } })
    const kit = await client(fetch).activateKit("tok", {
      barcode: "GT1234567897",
      person: { relation: "parent", name: "王芳", sex: "female", birth_date: "1960-03-02" },
      consents: [{ kind: "testing", version: "2026-11" }],
    })
    expect(calls[0].url).toBe("http://shop/store/health-archive/kits/activate")
    expect(calls[0].init?.method).toBe("POST")
    expect(headersOf(calls[0].init)["content-type"]).toBe("application/json")
    expect(JSON.parse(String(calls[0].init?.body))).toEqual({
      barcode: "GT1234567897",
      person: { relation: "parent", name: "王芳", sex: "female", birth_date: "1960-03-02" },
      consents: [{ kind: "testing", version: "2026-11" }],
    })
    expect(kit.status).toBe("activated")
  })

  it("passes the server's Chinese refusal of a used barcode on", async () => {
    const { fetch } = recordingFetch({
      status: 409,
      body: { type: "conflict", message: "这个条码已激活，请核对采样盒上的条码" },
    })
    const error = await client(fetch)
      .activateKit("tok", { barcode: "GT1234567897", person_id: "per_1", consents: [] })
      .catch((e) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 409, message: "这个条码已激活，请核对采样盒上的条码" })
  })

  it("withdraws a consent and deletes an upload", async () => {
    const { fetch, calls } = recordingFetch(
      { body: { consent: { id: "con_1", withdrawn_at: "2026-11-24T00:00:00Z" } } },
      { body: { id: "up_1", deleted: true } }
    )
    const consent = await client(fetch).withdrawConsent("tok", "con_1")
    await client(fetch).deleteUpload("tok", "up_1")
    expect(calls[0].url).toBe("http://shop/store/health-archive/consents/con_1/withdraw")
    expect(calls[0].init?.method).toBe("POST")
    expect(consent.withdrawn_at).toBe("2026-11-24T00:00:00Z")
    expect(calls[1].url).toBe("http://shop/store/health-archive/uploads/up_1")
    expect(calls[1].init?.method).toBe("DELETE")
  })

  it("uploads files as multipart under `files`, letting the body set its content type", async () => {
    const { fetch, calls } = recordingFetch({ status: 201, body: { uploads: [{ id: "up_1" }] } })
    const uploads = await client(fetch).upload(
      "tok",
      [{ name: "病历.pdf", blob: new Blob(["%PDF"], { type: "application/pdf" }) }],
      "2025 年体检"
    )
    const form = calls[0].init?.body as FormData
    expect(calls[0].url).toBe("http://shop/store/health-archive/uploads")
    expect(form).toBeInstanceOf(FormData)
    expect((form.get("files") as File).name).toBe("病历.pdf")
    expect(form.get("note")).toBe("2025 年体检")
    expect(headersOf(calls[0].init)).not.toHaveProperty("content-type")
    expect(headersOf(calls[0].init).authorization).toBe("Bearer tok")
    expect(uploads).toEqual([{ id: "up_1" }])
  })

  it("deletes the whole archive only with the typed confirmation", async () => {
    const { fetch, calls } = recordingFetch({ body: { deleted: true } })
    await client(fetch).deleteArchive("tok", "删除")
    expect(calls[0].url).toBe("http://shop/store/health-archive")
    expect(calls[0].init?.method).toBe("DELETE")
    expect(JSON.parse(String(calls[0].init?.body))).toEqual({ confirm: "删除" })
  })

  it("hands file answers back unread, so they can be streamed on", async () => {
    const calls: string[] = []
    const fetch: FetchLike = async (url) => {
      calls.push(url)
      return new Response("%PDF-1.7", { headers: { "content-type": "application/pdf" } })
    }
    const response = await client(fetch).reportFile("tok", "rep_1")
    expect(calls[0]).toBe("http://shop/store/health-archive/reports/rep_1/file")
    expect(response.headers.get("content-type")).toBe("application/pdf")
    expect(await response.text()).toBe("%PDF-1.7")
    await client(fetch).uploadFile("tok", "up_1")
    await client(fetch).exportArchive("tok")
    expect(calls.slice(1)).toEqual([
      "http://shop/store/health-archive/uploads/up_1/file",
      "http://shop/store/health-archive/export",
    ])
  })

  it("turns a refused file into an ApiError, even when the body is not JSON", async () => {
    const answers = [
      new Response(JSON.stringify({ message: "报告不存在" }), { status: 404 }),
      new Response("<html>Bad gateway</html>", { status: 502 }),
    ]
    const fetch: FetchLike = async () => answers.shift()!
    await expect(client(fetch).reportFile("tok", "rep_x")).rejects.toMatchObject({
      status: 404,
      message: "报告不存在",
    })
    await expect(client(fetch).exportArchive("tok")).rejects.toMatchObject({
      status: 502,
      message: "请求失败（502）",
    })
  })
})
