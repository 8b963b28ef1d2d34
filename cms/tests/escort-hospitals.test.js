const http = require("http")
const request = require("supertest")
const { startCms } = require("./strapi-harness")

const TOKEN = "dev-storefront-read-token-0123456789abcdef"
const HOSPITALS = "api::hospital.hospital"
const DEPARTMENTS = "api::department.department"

/** A stand-in for commerce's POST /hooks/cms that records what it receives. */
function startReceiver() {
  const received = []
  const server = http.createServer((req, res) => {
    let raw = ""
    req.on("data", (chunk) => (raw += chunk))
    req.on("end", () => {
      received.push(JSON.parse(raw))
      res.statusCode = 202
      res.end("{}")
    })
  })
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ server, received }))
  )
}

async function waitFor(find) {
  const deadline = Date.now() + 20_000
  for (;;) {
    const found = find()
    if (found || Date.now() > deadline) return found
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** What commerce's sync asks for: every hospital with its departments and their SOPs. */
const WITH_SOP =
  "populate[departments][populate][sop]=true&populate[departments][sort]=sort:asc&sort=sort:asc"

describe("陪诊 hospitals and department SOPs in the CMS", () => {
  let cms
  let api
  let receiver

  beforeAll(async () => {
    receiver = await startReceiver()
    process.env.COMMERCE_CMS_HOOK_URL = `http://127.0.0.1:${receiver.server.address().port}/hooks/cms`
    process.env.CMS_WEBHOOK_SECRET = "test-cms-webhook-secret"
    delete process.env.CMS_API_TOKEN
    cms = await startCms()
    api = request(cms.strapi.server.httpServer)
  })

  afterAll(async () => {
    await cms?.stop()
    receiver?.server.close()
  })

  it("serves the demo hospitals publicly with level, coordinates, guide, and each department's SOP in order", async () => {
    const { body } = await api
      .get(`/api/hospitals?filters[city][$eq]=${encodeURIComponent("长沙市")}&${WITH_SOP}`)
      .expect(200)
    expect(body.data.map((h) => h.name)).toEqual(["中南大学湘雅医院", "湖南省人民医院"])
    const [xiangya] = body.data
    expect(xiangya).toMatchObject({
      level: "三级甲等",
      city: "长沙市",
      address: "湖南省长沙市开福区湘雅路 87 号",
      latitude: 28.2161,
      longitude: 112.9887,
    })
    expect(xiangya.guide).toContain("就医指南")
    expect(xiangya.departments.map((d) => d.name)).toEqual(["心血管内科", "神经内科", "老年病科"])
    const cardiology = xiangya.departments[0]
    expect(cardiology.sop.map((s) => s.step)).toEqual([
      "register",
      "wait",
      "consult",
      "examine",
      "pay_and_collect",
    ])
    expect(cardiology.sop[3]).toMatchObject({ title: "心电图与抽血" })
    expect(cardiology.sop[3].tips).toContain("空腹")
    // The storefront token reads the same.
    const token = await api
      .get(`/api/departments?filters[name][$eq]=${encodeURIComponent("儿科")}&populate=*`)
      .set("Authorization", `Bearer ${TOKEN}`)
      .expect(200)
    expect(token.body.data).toHaveLength(1)
    expect(token.body.data[0].hospital.name).toBe("岳阳市中心医院")
  })

  it("is read-only for the public and the storefront token", async () => {
    await api
      .post("/api/hospitals")
      .send({ data: { name: "冒充医院" } })
      .expect(403)
    await api
      .post("/api/departments")
      .set("Authorization", `Bearer ${TOKEN}`)
      .send({ data: { name: "冒充科室" } })
      .expect(403)
    const [department] = await cms.strapi.documents(DEPARTMENTS).findMany({})
    await api.delete(`/api/departments/${department.documentId}`).expect(403)
  })

  it("refuses a hospital without its address or coordinates", async () => {
    await expect(
      cms.strapi
        .documents(HOSPITALS)
        .create({ data: { name: "缺地址医院", slug: "no-address", level: "二级", city: "长沙市" } })
    ).rejects.toThrow()
  })

  it("tells commerce when a hospital or a department's SOP changes, so it syncs its copy", async () => {
    const [hospital] = await cms.strapi
      .documents(HOSPITALS)
      .findMany({ filters: { slug: "yueyang-central" } })
    await cms.strapi
      .documents(HOSPITALS)
      .update({ documentId: hospital.documentId, data: { address: "岳阳市东茅岭路 39 号新院区" } })
    const hospitalHook = await waitFor(() =>
      receiver.received.find((r) => r.document_id === hospital.documentId)
    )
    expect(hospitalHook).toMatchObject({ model: "hospital", event: "entry.update" })
    expect(hospitalHook.entry.address).toBe("岳阳市东茅岭路 39 号新院区")

    const [department] = await cms.strapi
      .documents(DEPARTMENTS)
      .findMany({ filters: { name: "骨科" } })
    await cms.strapi.documents(DEPARTMENTS).update({
      documentId: department.documentId,
      data: { sop: [{ step: "register", title: "骨科挂号", tips: "带上既往片子" }] },
    })
    const departmentHook = await waitFor(() =>
      receiver.received.find((r) => r.document_id === department.documentId)
    )
    expect(departmentHook).toMatchObject({ model: "department", event: "entry.update" })
  })
})
