import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { Modules } from "@medusajs/framework/utils"
import { randomUUID } from "crypto"
import { createServer, type Server } from "http"
import Redis from "ioredis"
import { signCmsHook } from "../../src/lib/cms/cms-hook-signature"
import { LogSmsSender } from "../../src/lib/sms/log-sms-sender"
import { ESCORT_MODULE } from "../../src/modules/escort"
import type EscortModuleService from "../../src/modules/escort/service"
import seed from "../../src/scripts/seed"
import { adminHeaders, registerCustomer } from "../helpers/actors"
import { eventually } from "../helpers/eventually"
import { freePortSync } from "../helpers/free-port"
import { consentPages, serveConsentPages } from "../helpers/cms-consent-pages"
import { ESCORT_CONSENTS } from "../helpers/escort-consents"

jest.setTimeout(300_000)

const prefix = (process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`)
process.env.SMS_PROVIDER = "log"
const SECRET = "escort-hospitals-spec-webhook-secret"
// The CMS stand-in listens here; the app reads hospitals from it from the start.
const CMS_PORT = freePortSync()
process.env.CMS_URL = `http://127.0.0.1:${CMS_PORT}`

type Headers = { headers: Record<string, string> }

type CmsHospital = Record<string, unknown> & { documentId: string }

const sop = (extra: object[] = []) => [
  { id: 1, step: "register", title: "取号挂号", tips: "提前 30 分钟到达" },
  { id: 2, step: "wait", title: "分诊候诊", tips: "留意叫号屏" },
  ...extra,
  { id: 9, step: "pay_and_collect", title: "缴费取药", tips: null },
]

/** Strapi 5's REST answer for hospitals with departments and SOP populated. */
const catalogue = (): CmsHospital[] => [
  {
    documentId: "hosp-xiangya",
    name: "中南大学湘雅医院",
    level: "三级甲等",
    city: "长沙市",
    address: "湖南省长沙市开福区湘雅路 87 号",
    latitude: 28.2161,
    longitude: 112.9887,
    guide: "## 就医指南\n\n地铁 1 号线湘雅医院站",
    sort: 1,
    active: true,
    departments: [
      {
        documentId: "dept-neuro",
        name: "神经内科",
        sort: 2,
        sop: sop(),
      },
      {
        documentId: "dept-cardio",
        name: "心血管内科",
        sort: 1,
        sop: sop([{ id: 3, step: "examine", title: "心电图与抽血", tips: "抽血需空腹" }]),
      },
    ],
  },
  {
    documentId: "hosp-provincial",
    name: "湖南省人民医院",
    level: "三级甲等",
    city: "长沙市",
    address: "湖南省长沙市芙蓉区解放西路 61 号",
    latitude: 28.1951,
    longitude: 112.9851,
    guide: null,
    sort: 2,
    departments: [{ documentId: "dept-gastro", name: "消化内科", sort: 1, sop: sop() }],
  },
  {
    documentId: "hosp-yueyang",
    name: "岳阳市中心医院",
    level: "三级甲等",
    city: "岳阳市",
    address: "湖南省岳阳市岳阳楼区东茅岭路 39 号",
    latitude: 29.3625,
    longitude: 113.1288,
    guide: null,
    sort: 3,
    departments: [{ documentId: "dept-ortho", name: "骨科", sort: 1, sop: [] }],
  },
  // Missing coordinates: an escort could not be sent there, so commerce leaves it out.
  {
    documentId: "hosp-unfinished",
    name: "编辑中的医院",
    level: "二级",
    city: "长沙市",
    address: "待定",
    latitude: null,
    longitude: null,
    departments: [],
  },
]

const CONSENT_PAGES = consentPages()

function startCmsStandIn(state: { down: boolean; hospitals: CmsHospital[] }) {
  return createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://cms")
    const send = (status: number, body: object) => {
      res.writeHead(status, { "content-type": "application/json" })
      res.end(JSON.stringify(body))
    }
    if (state.down) return send(502, { data: null, error: { status: 502, message: "Bad Gateway" } })
    if (serveConsentPages(CONSENT_PAGES, req, res)) return
    if (url.pathname !== "/api/hospitals") return send(404, { data: null, error: { status: 404 } })
    const page = Number(url.searchParams.get("pagination[page]") || 1)
    const size = Number(url.searchParams.get("pagination[pageSize]") || 25)
    const data = state.hospitals.slice((page - 1) * size, page * size)
    send(200, {
      data,
      meta: {
        pagination: {
          page,
          pageSize: size,
          pageCount: Math.max(1, Math.ceil(state.hospitals.length / size)),
          total: state.hospitals.length,
        },
      },
    })
  })
}

medusaIntegrationTestRunner({
  inApp: true,
  env: { CMS_WEBHOOK_SECRET: SECRET },
  testSuite: ({ api, getContainer }) => {
    const redis = new Redis(process.env.REDIS_URL || "redis://127.0.0.1:6379")
    const cmsState = { down: false, hospitals: catalogue() }
    let cms: Server
    let store: Headers
    let admin: Headers
    let halfDayVariant: string
    let phoneSeq = 0

    beforeAll(async () => {
      cms = startCmsStandIn(cmsState)
      await new Promise<void>((resolve) => cms.listen(CMS_PORT, "127.0.0.1", resolve))
      // Again here: a file run before this one on the same app may have pointed it elsewhere.
      process.env.CMS_URL = `http://127.0.0.1:${CMS_PORT}`
      const container = getContainer()
      await seed({ container, args: [] } as never)
      const [key] = await container.resolve(Modules.API_KEY).listApiKeys({ type: "publishable" })
      store = { headers: { "x-publishable-api-key": key.token } }
      admin = await adminHeaders(container, api as never)
      const { data } = await api.get("/store/escort-services", store)
      halfDayVariant = data.services.find(
        (s: { title: string }) => s.title === "半日陪诊"
      ).variant_id
    })

    afterAll(async () => {
      await new Promise((resolve) => cms.close(resolve))
      const keys = await redis.keys(`${prefix}:*`)
      if (keys.length) await redis.del(...keys)
      await redis.quit()
    })

    const failure = (promise: Promise<unknown>): Promise<any> =>
      promise.catch((e: any) => e.response)
    const hospitalsIn = async (city: string) =>
      (await api.get(`/store/escort-hospitals?city=${encodeURIComponent(city)}`, store)).data
        .hospitals as any[]
    const signedHook = (body: object) => {
      const raw = JSON.stringify(body)
      const at = Math.floor(Date.now() / 1000)
      return api.post("/hooks/cms", raw, {
        headers: {
          "content-type": "application/json",
          "x-cms-timestamp": String(at),
          "x-cms-signature": signCmsHook(SECRET, at, raw),
        },
        transformRequest: [(data: unknown) => data],
      })
    }

    it("serves the CMS's hospitals by city, follows the CMS's change events, and keeps the last copy while the CMS is down", async () => {
      const changsha = await hospitalsIn("长沙市")
      expect(changsha.map((h) => h.id)).toEqual(["hosp-xiangya", "hosp-provincial"])
      const [xiangya] = changsha
      expect(xiangya).toEqual({
        id: "hosp-xiangya",
        name: "中南大学湘雅医院",
        level: "三级甲等",
        city: "长沙市",
        address: "湖南省长沙市开福区湘雅路 87 号",
        latitude: 28.2161,
        longitude: 112.9887,
        guide: "## 就医指南\n\n地铁 1 号线湘雅医院站",
        departments: [
          {
            id: "dept-cardio",
            name: "心血管内科",
            sop: [
              { step: "挂号", step_key: "register", title: "取号挂号", tips: "提前 30 分钟到达" },
              { step: "候诊", step_key: "wait", title: "分诊候诊", tips: "留意叫号屏" },
              { step: "检查", step_key: "examine", title: "心电图与抽血", tips: "抽血需空腹" },
              { step: "缴费取药", step_key: "pay_and_collect", title: "缴费取药", tips: null },
            ],
          },
          expect.objectContaining({ id: "dept-neuro", name: "神经内科" }),
        ],
      })
      expect((await hospitalsIn("岳阳市")).map((h) => h.name)).toEqual(["岳阳市中心医院"])
      expect(await hospitalsIn("常德市")).toEqual([])
      const all = (await api.get("/store/escort-hospitals", store)).data.hospitals
      expect(all).toHaveLength(3)
      const badCity = await failure(
        api.get(`/store/escort-hospitals?city=${"长".repeat(40)}`, store)
      )
      expect(badCity.status).toBe(400)
      expect(badCity.data.message).toContain("城市名称不超过 32 字")

      // An editor moves a hospital and removes another; the CMS announces it.
      cmsState.hospitals = catalogue()
        .filter((h) => h.documentId !== "hosp-provincial")
        .map((h) =>
          h.documentId === "hosp-xiangya" ? { ...h, address: "湖南省长沙市开福区湘雅路 88 号" } : h
        )
      const hook = await signedHook({
        event: "entry.update",
        model: "hospital",
        document_id: "hosp-xiangya",
        entry: { documentId: "hosp-xiangya" },
      })
      expect(hook.status).toBe(202)
      expect(hook.data.jobs).toContain("cms/sync-escort-hospitals")
      const moved = await eventually(
        () => hospitalsIn("长沙市"),
        (list) => list.length === 1 && list[0].address === "湖南省长沙市开福区湘雅路 88 号"
      )
      expect(moved.map((h) => h.id)).toEqual(["hosp-xiangya"])

      // The CMS goes down: members and escorts keep the last copy; staff's sync says why not.
      cmsState.down = true
      try {
        expect((await hospitalsIn("长沙市")).map((h) => h.id)).toEqual(["hosp-xiangya"])
        const sync = await failure(api.post("/admin/escort-hospitals/sync", {}, admin))
        expect(sync.status).toBe(503)
        expect(sync.data.message).toBe("医院信息暂时无法从内容平台读取，请稍后再试")
        expect((await hospitalsIn("长沙市")).map((h) => h.id)).toEqual(["hosp-xiangya"])
      } finally {
        cmsState.down = false
      }
      cmsState.hospitals = catalogue()
      const synced = await api.post("/admin/escort-hospitals/sync", {}, admin)
      expect(synced.data.sync).toEqual({ kept: 3, removed: 0 })
      const listed = (await api.get("/admin/escort-hospitals", admin)).data
      expect(listed.hospitals).toHaveLength(3)
      expect(Date.parse(listed.synced_at)).toBeGreaterThan(Date.now() - 60_000)
    })

    it("books by hospital and department from the catalogue, refuses what is not in it, and shows the escort the hospital and the department's SOP", async () => {
      await api.post("/admin/escort-hospitals/sync", {}, admin)
      const key = store.headers["x-publishable-api-key"]
      const member = await registerCustomer(api as never, key, `hosp-${randomUUID()}@example.com`)
      const booking = (overrides: Record<string, unknown>) => ({
        variant_id: halfDayVariant,
        extras: [],
        hospital_id: "hosp-xiangya",
        hospital_name: "湘雅",
        department_id: "dept-cardio",
        department: "心内",
        city: "长沙市",
        date: "2027-01-04",
        time_window: { start: "08:00", end: "12:00" },
        person: { name: "张桂兰", id_number: "11010519491231002X" },
        meeting_point: "门诊楼一楼大厅",
        consents: ESCORT_CONSENTS,
        needs: [],
        ...overrides,
      })
      const refusals: [Record<string, unknown>, string][] = [
        [{ hospital_id: "hosp-nowhere" }, "没有找到这家医院，请从医院列表中重新选择"],
        [{ hospital_id: null }, "长沙市的陪诊医院请从列表中选择"],
        [
          { hospital_id: "hosp-yueyang", department_id: "dept-ortho" },
          "岳阳市中心医院不在长沙市，请重新选择城市或医院",
        ],
        [{ department_id: "dept-gastro" }, "中南大学湘雅医院没有这个科室，请从科室列表中选择"],
        [
          { department_id: null, department: "眼科" },
          "中南大学湘雅医院没有这个科室，请从科室列表中选择",
        ],
      ]
      for (const [overrides, message] of refusals) {
        const refused = await failure(
          api.post("/store/escort-bookings", booking(overrides), member)
        )
        expect([overrides, refused.status, refused.data.message]).toEqual([overrides, 400, message])
      }

      // Picked from the catalogue: the catalogue's names are kept on the booking.
      const created = await api.post("/store/escort-bookings", booking({}), member)
      expect(created.status).toBe(201)
      expect(created.data.booking).toMatchObject({
        hospital: { id: "hosp-xiangya", name: "中南大学湘雅医院" },
        department: "心血管内科",
        department_id: "dept-cardio",
      })
      // By the department's name in that hospital works too.
      const byName = await api.post(
        "/store/escort-bookings",
        booking({ department_id: null, department: "神经内科" }),
        member
      )
      expect(byName.data.booking.department_id).toBe("dept-neuro")
      // A city the catalogue does not cover yet still takes a typed-in hospital.
      const typed = await api.post(
        "/store/escort-bookings",
        booking({
          city: "常德市",
          hospital_id: null,
          hospital_name: "常德市第一人民医院",
          department_id: null,
          department: "老年科",
        }),
        member
      )
      expect(typed.status).toBe(201)
      expect(typed.data.booking).toMatchObject({
        hospital: { id: null, name: "常德市第一人民医院" },
        department: "老年科",
        department_id: null,
      })

      // An escort of the city sees the hospital and the SOP on the task.
      const id = created.data.booking.id as string
      const escorts = getContainer().resolve<EscortModuleService>(ESCORT_MODULE)
      await escorts.markPaid(id, { actor_type: "staff", actor_id: "user_test" })
      const signIn = async (city: string) => {
        const phone = `1390000${String(++phoneSeq).padStart(4, "0")}`
        await api.post("/admin/escorts", { phone, name: `陪诊员${phoneSeq}`, city }, admin)
        await redis.del(`${prefix}:otp:cooldown:+86${phone}`)
        await api.post("/store/auth/sms-codes", { phone, purpose: "login" }, store)
        const code = LogSmsSender.latestTo(`+86${phone}`)?.params.code as string
        const { data } = await api.post("/auth/escort/phone", { phone, code })
        return { headers: { authorization: `Bearer ${data.token}` } }
      }
      const escort = await signIn("长沙市")
      const open = (await api.get(`/escort/tasks/${id}`, escort)).data.task
      expect(open.person).toEqual({ name: "张**" })
      expect(open.events).toBeUndefined()
      expect(open.hospital).toEqual({
        id: "hosp-xiangya",
        name: "中南大学湘雅医院",
        level: "三级甲等",
        address: "湖南省长沙市开福区湘雅路 87 号",
        latitude: 28.2161,
        longitude: 112.9887,
        guide: "## 就医指南\n\n地铁 1 号线湘雅医院站",
      })
      expect(open.sop.map((s: any) => s.step)).toEqual(["挂号", "候诊", "检查", "缴费取药"])

      expect((await api.post(`/escort/tasks/${id}/accept`, {}, escort)).status).toBe(200)
      const mine = (await api.get(`/escort/tasks/${id}`, escort)).data.task
      expect(mine.person).toEqual({ name: "张桂兰", id_number: "1101**********002X" })
      expect(mine.events.map((e: any) => e.status)).toEqual([
        "pending_payment",
        "awaiting_escort",
        "accepted",
      ])
      expect(mine.sop).toEqual(open.sop)

      // Another escort (same city, task taken; or another city) gets 404, as for a made-up id.
      for (const who of [await signIn("长沙市"), await signIn("岳阳市")]) {
        const hidden = await failure(api.get(`/escort/tasks/${id}`, who))
        expect([hidden.status, hidden.data.message]).toEqual([404, "未找到该任务"])
      }
      const none = await failure(api.get("/escort/tasks/escbk_nope", escort))
      expect(none.status).toBe(404)
      // A task of a city outside the catalogue has no hospital details and no SOP.
      await escorts.markPaid(typed.data.booking.id, { actor_type: "staff", actor_id: "user_test" })
      const elsewhere = (
        await api.get(`/escort/tasks/${typed.data.booking.id}`, await signIn("常德市"))
      ).data.task
      expect(elsewhere.hospital).toMatchObject({ id: null, address: null, latitude: null })
      expect(elsewhere.sop).toEqual([])
    })
  },
})
