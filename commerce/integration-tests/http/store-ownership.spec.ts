import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { randomUUID } from "crypto"
import { createServer, type Server } from "http"
import type { AddressInfo } from "net"
import ccmq from "@health/contracts/ccmq.json"
import { addDays, shanghaiToday } from "../../src/modules/appointment/rules/appointment-calendar"
import { ESCORT_MESSAGING_MODULE } from "../../src/modules/escort-messaging"
import type EscortMessagingModuleService from "../../src/modules/escort-messaging/service"
import { CONSULTATION_MODULE } from "../../src/modules/consultation"
import type ConsultationModuleService from "../../src/modules/consultation/service"
import seed from "../../src/scripts/seed"
import { adminHeaders, registerCustomer } from "../helpers/actors"
import { cartReadyForPayment, YUEYANG_ADDRESS } from "../helpers/checkout"
import { eventually } from "../helpers/eventually"
import { confirmOfflinePayment } from "../helpers/offline-payment"
import { makeReportPdf } from "../helpers/report-pdf"
import { captureRunningExpressApp, registeredRoutes } from "../helpers/running-express-app"
import { consentPages, serveConsentPages } from "../helpers/cms-consent-pages"
import { ESCORT_CONSENTS } from "../helpers/escort-consents"

jest.setTimeout(600_000)

process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`
process.env.CMS_CACHE_TTL_MS = "0"

const runningApp = captureRunningExpressApp()

type Headers = { headers: Record<string, string> }
const noThrow = { validateStatus: () => true }

/** Member A's things, whose ids member B and a visitor try on every route. */
type Owned = {
  cartId: string
  lineId: string
  paymentCollectionId: string
  orderId: string
  addressId: string
  appointmentId: string
  kitId: string
  reportId: string
  uploadId: string
  consentId: string
  personId: string
  assessmentId: string
  messageId: string
  escortBookingId: string
  escortPictureId: string
  escortMessageId: string
  consultationId: string
  consultationAttachmentId: string
  consultationShareId: string
}

/**
 * Which of A's ids a path parameter takes, by the path segment in front of it. A store
 * route whose id follows any other segment fails the test until it is added here or to
 * PUBLIC_IDS with a reason.
 */
const MEMBER_IDS: Record<string, keyof Owned> = {
  carts: "cartId",
  "line-items": "lineId",
  "payment-collections": "paymentCollectionId",
  orders: "orderId",
  addresses: "addressId",
  appointments: "appointmentId",
  kits: "kitId",
  reports: "reportId",
  uploads: "uploadId",
  consents: "consentId",
  // A's saved people (就诊人 and tested people).
  persons: "personId",
  assessments: "assessmentId",
  "escort-bookings": "escortBookingId",
  // A 陪诊 conversation's pictures and the service report's documents (the same uploads).
  images: "escortPictureId",
  documents: "escortPictureId",
  // A message in A's 陪诊 conversation (reported to moderation by its reader).
  messages: "escortMessageId",
  // 问诊: A's consultation, a picture sent in it, and an archive item A shared with its doctor.
  consultations: "consultationId",
  attachments: "consultationAttachmentId",
  "shared-items": "consultationShareId",
}

/** Ids anyone may know: catalog and store settings, the same for every shopper. */
const PUBLIC_IDS: Record<string, string> = {
  products: "catalog: every shopper sees the same products",
  "product-variants": "catalog",
  "product-categories": "catalog",
  "product-tags": "catalog",
  "product-types": "catalog",
  "product-options": "catalog",
  collections: "catalog",
  regions: "the store's regions (China), shown to everyone",
  currencies: "currency codes",
  "return-reasons": "reasons a shop offers for returns, not any member's",
  "shipping-options":
    "delivery options of the shop; the cart named in the body is checked (see the body-id test)",
  "consultation-doctors": "licence-verified doctors' public profiles, the same for every shopper",
  doctors: "a licence-verified doctor's free phone/video slots, the same for every shopper",
  escorts: "an escort's opened, moderated and anonymised reviews, shown to every member who books",
  "clinic-sessions":
    "义诊 sessions published in the CMS for every member; the routes act on the caller's own sign-up",
  "group-sessions":
    "在线咨询 sessions an expert opened to every member; joining, asking and the live room act on the caller's own seat",
}

/** What each mutating route would need to succeed, so a refusal is the guard's, not validation's. */
function bodyFor(method: string, pattern: string, extra: { variantId: string; optionId: string }) {
  const bodies: Record<string, unknown> = {
    "POST /store/carts/:id": { email: "b@example.com", metadata: { taken: "yes" } },
    "POST /store/carts/:id/line-items": { variant_id: extra.variantId, quantity: 5 },
    "POST /store/carts/:id/line-items/:line_id": { quantity: 7 },
    "POST /store/carts/:id/promotions": { promo_codes: ["NOPE"] },
    "DELETE /store/carts/:id/promotions": { promo_codes: ["NOPE"] },
    "POST /store/carts/:id/shipping-methods": { option_id: extra.optionId },
    "POST /store/carts/:id/store-credit": { amount: 0 },
    "POST /store/customers/me/addresses/:address_id": { first_name: "改" },
    "POST /store/appointments/:id/cancel": { reason: "不是我的" },
    "POST /store/consultations/:id/messages": { text: "不是我的问诊" },
    "POST /store/escort-bookings/:id/review": { rating: 1, tags: ["不是我的"] },
    "POST /store/escort-bookings/:id/messages/:message_id/report": { reason: "不是我的会话" },
    "POST /store/consultations/:id/pay": {
      payment_method: { provider_id: "pp_system_default", channel: "pc_browser" },
    },
    "POST /store/consultations/:id/shared-items": { item_type: "upload", item_id: "mupl_x" },
    "POST /store/appointments/:id/reschedule": {
      date: addDays(shanghaiToday(), 5),
      slot: "10:00-11:00",
    },
    "POST /store/orders/:id/transfer/request": { description: "给我" },
    "POST /store/orders/:id/transfer/accept": { token: "x" },
    "POST /store/orders/:id/transfer/decline": { token: "x" },
    "POST /store/orders/:id/test-method": { line_item_id: "ordli_x", method: "mail_in" },
    "POST /store/payment-collections/:id/payment-sessions": { provider_id: "pp_system_default" },
  }
  return bodies[`${method} ${pattern}`] ?? {}
}

/** A Strapi 5 stand-in with one collection site, enough to book an appointment. */
function startCmsStandIn() {
  const site = {
    id: 1,
    documentId: "site-a",
    name: "岳阳楼区采集点",
    city: "岳阳市",
    district: "岳阳楼区",
    address: "洞庭南路 1 号",
    capacity_per_slot: 5,
    active: true,
    publishedAt: "2026-11-01T00:00:00.000Z",
  }
  const pages = consentPages()
  return createServer((req, res) => {
    if (serveConsentPages(pages, req, res)) return
    const path = new URL(req.url ?? "/", "http://cms").pathname
    res.writeHead(path.startsWith("/api/collection-sites") ? 200 : 404, {
      "content-type": "application/json",
    })
    if (path === "/api/collection-sites/site-a") return res.end(JSON.stringify({ data: site }))
    if (path === "/api/collection-sites") {
      return res.end(
        JSON.stringify({
          data: [site],
          meta: { pagination: { page: 1, pageSize: 100, pageCount: 1, total: 1 } },
        })
      )
    }
    res.end(JSON.stringify({ data: null, error: { status: 404, message: "Not Found" } }))
  })
}

/** A multipart body as browsers send it. */
function multipart(files: { name: string; bytes: Buffer; type: string }[]) {
  const form = new FormData()
  for (const file of files) {
    form.append("files", new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name)
  }
  return form
}

const CONSENTS = [
  { kind: "testing", version: "2026-11" },
  { kind: "storage", version: "2026-11" },
]

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let publishableKey: string
    let visitor: Headers
    let memberA: Headers
    let memberB: Headers
    let owned: Owned
    let variantId: string
    let optionId: string
    let baseUrl: string
    let cms: Server

    const postForm = async (path: string, form: FormData, who: Headers) => {
      const response = await fetch(`${baseUrl}${path}`, {
        method: "POST",
        headers: who.headers,
        body: form,
      })
      return { status: response.status, data: await response.json() }
    }

    /** Places a paid (system provider) order from a fresh cart of `who`'s. */
    async function placeOrder(who: Headers) {
      const { cartId, paymentCollectionId } = await cartReadyForPayment(
        api as never,
        who,
        "tumor-risk-gene-test",
        YUEYANG_ADDRESS
      )
      await api.post(
        `/store/payment-collections/${paymentCollectionId}/payment-sessions`,
        { provider_id: "pp_system_default" },
        who
      )
      const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, who)
      return data as { type: string; order: { id: string }; order_access_token?: string }
    }

    beforeAll(async () => {
      cms = startCmsStandIn()
      await new Promise<void>((resolve) => cms.listen(0, "127.0.0.1", resolve))
      process.env.CMS_URL = `http://127.0.0.1:${(cms.address() as AddressInfo).port}`
      const container = getContainer()
      await seed({ container, args: [] } as never)
      const [key] = await container.resolve(Modules.API_KEY).listApiKeys({ type: "publishable" })
      publishableKey = key.token
      visitor = { headers: { "x-publishable-api-key": publishableKey } }
      baseUrl = (api as unknown as { defaults: { baseURL: string } }).defaults.baseURL
      memberA = await registerCustomer(api as never, publishableKey, "a@example.com")
      memberB = await registerCustomer(api as never, publishableKey, "b@example.com")
      const lab = await adminHeaders(container, api as never, "lab@health.local", ["lab"])

      // A's order, its kit taken through to a report, and A's archive around it.
      const placed = await placeOrder(memberA)
      const orderId = placed.order.id
      // Offline: the lab ships only once finance has the money.
      await confirmOfflinePayment(container, orderId)
      const kits = await eventually(
        async () =>
          (await api.get(`/store/health-archive/kits?order_id=${orderId}`, memberA)).data.kits,
        (list: { id: string }[]) => list.length > 0
      )
      const kitId = kits[0].id as string
      const { barcode } = (await api.post(`/admin/health-archive/kits/${kitId}/ship`, {}, lab)).data
        .kit
      await api.post(
        "/store/health-archive/kits/activate",
        {
          barcode,
          person: { relation: "self", name: "王小明", sex: "male", birth_date: "1990-05-01" },
          consents: CONSENTS,
        },
        memberA
      )
      await api.post(`/admin/health-archive/kits/${kitId}/receive`, {}, lab)
      const batch = await postForm(
        "/admin/health-archive/report-batches",
        multipart([
          {
            name: `${barcode}.pdf`,
            bytes: await makeReportPdf({ barcode }),
            type: "application/pdf",
          },
        ]),
        lab
      )
      await eventually(
        async () =>
          (await api.get(`/admin/health-archive/report-batches/${batch.data.batch.id}`, lab)).data
            .batch,
        (b: { status: string }) => b.status === "done"
      )
      const reportId = (await api.get(`/store/health-archive/kits/${kitId}`, memberA)).data.kit
        .report.id as string
      const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from("胸片")])
      const uploaded = await postForm(
        "/store/health-archive/uploads",
        multipart([{ name: "胸片.jpg", bytes: jpeg, type: "image/jpeg" }]),
        memberA
      )
      const consentId = (await api.get("/store/health-archive/consents", memberA)).data.consents[0]
        .id as string
      const personId = (await api.get("/store/health-archive/persons", memberA)).data.persons[0]
        .id as string

      // A's open cart, with a line and a payment collection.
      const open = await cartReadyForPayment(api as never, memberA, "tumor-risk-gene-test")
      const cart = (await api.get(`/store/carts/${open.cartId}`, memberA)).data.cart
      variantId = cart.items[0].variant_id
      // A courier, whichever order Medusa lists the options in: the guest's mailed kit cannot
      // complete with 采集点现场采集 (it failed a verification run with 400 when listed first).
      const { data: options } = await api.get(
        `/store/shipping-options?cart_id=${open.cartId}&fields=${encodeURIComponent("+type.code")}`,
        memberA
      )
      optionId = options.shipping_options.find(
        (o: { type?: { code?: string } }) => o.type?.code !== "on-site-collection"
      ).id

      const address = (
        await api.post("/store/customers/me/addresses", { ...YUEYANG_ADDRESS }, memberA)
      ).data.customer.addresses[0].id as string
      const appointment = await api.post(
        "/store/appointments",
        {
          site_id: "site-a",
          date: addDays(shanghaiToday(), 3),
          slot: "09:00-10:00",
          order_id: orderId,
        },
        memberA
      )
      const { services } = (await api.get("/store/escort-services", memberA)).data
      const escortBooking = await api.post(
        "/store/escort-bookings",
        {
          variant_id: services[0].variant_id,
          hospital_name: "中南大学湘雅医院",
          department: "心血管内科",
          city: "长沙市",
          date: addDays(shanghaiToday(), 3),
          time_window: { start: "08:00", end: "12:00" },
          person: { name: "张桂兰", id_number: "11010519491231002X" },
          meeting_point: "门诊楼一楼大厅",
          consents: ESCORT_CONSENTS,
        },
        memberA
      )
      // A picture of A's booking, in its service report (recorded directly: the escort's
      // side is not what this test is about).
      const messaging = container.resolve<EscortMessagingModuleService>(ESCORT_MESSAGING_MODULE)
      const escortPicture = await messaging.recordUpload({
        booking_id: escortBooking.data.booking.id,
        uploader_type: "escort",
        uploader_id: "esc_ownership",
        mime_type: "image/jpeg",
        size: 1,
        file_id: "file_ownership",
        key_id: "none",
      })
      const escortMessage = await messaging.recordMessage({
        booking_id: escortBooking.data.booking.id,
        sender_type: "escort",
        sender_id: "esc_ownership",
        text: "我已到达门诊楼",
        image_upload_id: null,
      })
      await messaging.recordReport(escortBooking.data.booking.id, "esc_ownership", {
        steps: [{ step: "就诊", note: "顺利" }],
        doctor_advice: "按时服药",
        document_upload_ids: [escortPicture.id],
      })
      // A's consultation with a verified doctor (set up directly: staff's side is not tested here).
      const consultations = container.resolve<ConsultationModuleService>(CONSULTATION_MODULE)
      await consultations.upsertFromCms(
        [
          {
            cms_document_id: "expert-ownership",
            name: "王医生",
            title: null,
            hospital: null,
            departments: [],
            specialties: [],
            introduction: null,
            photo_url: null,
          },
        ],
        new Date()
      )
      const [doctor] = await consultations.doctors({ all: true })
      await consultations.updateDoctorDetails(doctor.id, {
        license_number: "110430000000009",
        prices: { text: 3000 },
      })
      await consultations.verifyLicense(doctor.id, new Date())
      const consultation = await api.post(
        "/store/consultations",
        { doctor_id: doctor.id, mode: "text", question: "最近总是失眠，怎么调理？" },
        memberA
      )
      const consultationId = consultation.data.consultation.id as string
      const consultationAttachment = await consultations.recordAttachment({
        consultation_id: consultationId,
        uploader_type: "member",
        uploader_id: consultation.data.consultation.id,
        mime_type: "image/jpeg",
        size: 1,
        file_id: "file_ownership",
        key_id: "none",
      })
      const consultationShare = await consultations.shareItem({
        consultation_id: consultationId,
        customer_id: (await api.get("/store/customers/me", memberA)).data.customer.id,
        item_type: "upload",
        item_id: uploaded.data.uploads[0].id,
      })
      const answers = Object.fromEntries(ccmq.items.map((item) => [item.id, 3]))
      const assessment = await api.post(
        "/store/constitution/assessments",
        { sex: "female", answers },
        memberA
      )
      const messages = await eventually(
        async () => (await api.get("/store/inbox", memberA)).data.messages,
        (list: unknown[]) => list.length > 0
      )

      owned = {
        cartId: open.cartId,
        lineId: cart.items[0].id,
        paymentCollectionId: open.paymentCollectionId,
        orderId,
        addressId: address,
        appointmentId: appointment.data.appointment.id,
        kitId,
        reportId,
        uploadId: uploaded.data.uploads[0].id,
        consentId,
        personId,
        assessmentId: assessment.data.assessment.id,
        messageId: messages[0].id,
        escortBookingId: escortBooking.data.booking.id,
        escortPictureId: escortPicture.id,
        escortMessageId: escortMessage.id,
        consultationId,
        consultationAttachmentId: consultationAttachment.id,
        consultationShareId: consultationShare.id,
      }
      for (const [name, id] of Object.entries(owned)) {
        if (typeof id !== "string" || !id) throw new Error(`A's ${name} was not created`)
      }
    })

    afterAll(async () => {
      await new Promise((resolve) => cms.close(resolve))
    })

    /** Everything of A's the routes could reveal or change, read behind the API's back. */
    async function stateOfA() {
      const container = getContainer()
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const sorted = <T extends { id: string }>(rows: T[] | undefined | null) =>
        [...(rows ?? [])].sort((x, y) => x.id.localeCompare(y.id))
      const { data: carts } = await query.graph({
        entity: "cart",
        fields: [
          "id",
          "email",
          "customer_id",
          "metadata",
          "completed_at",
          "items.id",
          "items.quantity",
          "items.variant_id",
          "shipping_methods.id",
          "shipping_methods.shipping_option_id",
          "promotions.id",
          "credit_lines.id",
          "payment_collection.payment_sessions.id",
        ],
        filters: { id: owned.cartId },
      })
      const cart = carts[0] as any
      const { data: orders } = await query.graph({
        entity: "order",
        fields: ["id", "status", "customer_id", "email", "canceled_at", "metadata"],
        filters: { id: owned.orderId },
      })
      const changes = await container
        .resolve(Modules.ORDER)
        .listOrderChanges({ order_id: owned.orderId }, { select: ["id", "change_type", "status"] })
      const [address] = await container
        .resolve(Modules.CUSTOMER)
        .listCustomerAddresses({ id: owned.addressId })
      const asA = async (path: string) => {
        const { status, data } = await api.get(path, { ...memberA, ...noThrow })
        return { status, data }
      }
      const appointment = (await asA(`/store/appointments/${owned.appointmentId}`)).data.appointment
      const kit = (await asA(`/store/health-archive/kits/${owned.kitId}`)).data.kit
      const inbox = (await asA("/store/inbox")).data
      const escortBooking = (await asA(`/store/escort-bookings/${owned.escortBookingId}`)).data
        .booking
      return {
        cart: {
          ...cart,
          items: sorted(cart.items),
          shipping_methods: sorted(cart.shipping_methods),
          promotions: sorted(cart.promotions),
          credit_lines: sorted(cart.credit_lines),
          payment_collection: sorted(cart.payment_collection?.payment_sessions),
        },
        order: orders[0],
        order_changes: sorted(changes as { id: string }[]),
        address: address && {
          first_name: address.first_name,
          address_1: address.address_1,
          customer_id: address.customer_id,
        },
        appointment: { status: appointment.status, date: appointment.date, slot: appointment.slot },
        escort_booking: { status: escortBooking.status, events: escortBooking.events.length },
        escort_conversation: {
          messages: (await asA(`/store/escort-bookings/${owned.escortBookingId}/messages`)).data,
          report: (await asA(`/store/escort-bookings/${owned.escortBookingId}/service-report`))
            .data,
        },
        consultation: (({ status, messages, shared_items }) => ({
          status,
          messages,
          shared_items,
        }))((await asA(`/store/consultations/${owned.consultationId}`)).data.consultation),
        kit: { status: kit.status, report: kit.report?.id },
        report: (await asA(`/store/health-archive/reports/${owned.reportId}`)).status,
        upload: (await asA(`/store/health-archive/uploads/${owned.uploadId}`)).status,
        persons: (await asA("/store/health-archive/persons")).data.persons.map(
          (p: { id: string }) => p.id
        ),
        consents: (await asA("/store/health-archive/consents")).data.consents.map(
          (c: { id: string; status?: string; withdrawn_at?: string | null }) => [
            c.id,
            c.status,
            c.withdrawn_at,
          ]
        ),
        assessment: (await asA(`/store/constitution/assessments/${owned.assessmentId}`)).status,
        inbox: inbox.messages.map((m: { id: string; read_at?: string | null }) => [
          m.id,
          m.read_at,
        ]),
      }
    }

    it("answers every store route that takes an id, Medusa's and ours, only for the id's owner", async () => {
      const routes = registeredRoutes(runningApp(), "/store").filter((route) =>
        route.pattern.includes("/:")
      )
      // Medusa's and ours are both there: a sanity check that the router was read.
      const patterns = routes.map((route) => route.pattern)
      expect(patterns).toEqual(
        expect.arrayContaining([
          "/store/orders/:id",
          "/store/carts/:id/line-items/:line_id",
          "/store/orders/:id/transfer/request",
          "/store/health-archive/reports/:id/file",
          "/store/carts/:id/store-credit",
        ])
      )

      const unknown: string[] = []
      const tried: { method: string; path: string; pattern: string }[] = []
      for (const { method, pattern } of routes) {
        const segments = pattern.split("/")
        let path = ""
        let publicRoute = false
        for (let i = 1; i < segments.length; i++) {
          const segment = segments[i]
          if (!segment.startsWith(":")) {
            path += `/${segment}`
            continue
          }
          const owner = segments[i - 1]
          if (PUBLIC_IDS[owner]) {
            publicRoute = true
            break
          }
          const key = MEMBER_IDS[owner]
          if (!key) {
            unknown.push(`${method} ${pattern}`)
            break
          }
          path += `/${encodeURIComponent(owned[key])}`
        }
        if (publicRoute || unknown.includes(`${method} ${pattern}`)) continue
        tried.push({ method, path, pattern })
      }
      expect(unknown).toEqual([])

      const before = await stateOfA()
      const leaks: string[] = []
      for (const { method, path, pattern } of tried) {
        for (const [who, headers] of [
          ["B", memberB],
          ["visitor", visitor],
        ] as const) {
          const response = await api.request({
            method,
            url: path,
            data: method === "GET" ? undefined : bodyFor(method, pattern, { variantId, optionId }),
            ...headers,
            ...noThrow,
          })
          if (response.status < 400 || response.status >= 500) {
            leaks.push(`${who} ${method} ${path} → ${response.status}`)
          }
        }
      }
      expect(leaks).toEqual([])
      expect(await stateOfA()).toEqual(before)
      // Every route above was tried, among them the one the review used.
      expect(tried.map((t) => `${t.method} ${t.pattern}`)).toContain("GET /store/orders/:id")
    })

    it("refuses A's cart and order ids in bodies and queries, and keeps A's data", async () => {
      const before = await stateOfA()
      const attempts: [string, () => Promise<{ status: number; data: any }>][] = []
      for (const [who, headers] of [
        ["B", memberB],
        ["visitor", visitor],
      ] as const) {
        const options = { ...headers, ...noThrow }
        attempts.push(
          [
            `${who} opens a payment collection for A's cart`,
            () => api.post("/store/payment-collections", { cart_id: owned.cartId }, options),
          ],
          [
            `${who} lists shipping options of A's cart`,
            () => api.get(`/store/shipping-options?cart_id=${owned.cartId}`, options),
          ],
          [
            `${who} prices a shipping option for A's cart`,
            () =>
              api.post(
                `/store/shipping-options/${optionId}/calculate`,
                { cart_id: owned.cartId },
                options
              ),
          ],
          [
            `${who} asks to return A's order`,
            () =>
              api.post(
                "/store/returns",
                { order_id: owned.orderId, items: [{ id: owned.lineId, quantity: 1 }] },
                options
              ),
          ]
        )
      }
      attempts.push(
        [
          "B books an appointment for A's order",
          () =>
            api.post(
              "/store/appointments",
              {
                site_id: "site-a",
                date: addDays(shanghaiToday(), 4),
                slot: "09:00-10:00",
                order_id: owned.orderId,
              },
              { ...memberB, ...noThrow }
            ),
        ],
        [
          "B marks A's message read",
          async () => {
            const response = await api.post(
              "/store/inbox/read",
              { ids: [owned.messageId] },
              { ...memberB, ...noThrow }
            )
            // Answered for B's own messages: none of them was A's.
            return response.status === 200 && response.data.updated === 0
              ? { status: 404, data: {} }
              : response
          },
        ]
      )
      const answered: string[] = []
      for (const [what, attempt] of attempts) {
        const { status, data } = await attempt()
        if (status < 400 || status >= 500) answered.push(`${what} → ${status}`)
        else if (
          status !== 401 &&
          data?.message !== undefined &&
          !/[\u4e00-\u9fff]/.test(data.message)
        ) {
          answered.push(`${what} → ${status} in English: ${data.message}`)
        }
      }
      expect(answered).toEqual([])
      expect(await stateOfA()).toEqual(before)
    })

    it("lists nothing of A's to B who filters a list by A's order id", async () => {
      const orders = await api.get(`/store/orders?id=${owned.orderId}`, memberB)
      expect(orders.data.orders).toEqual([])
      const kits = await api.get(`/store/health-archive/kits?order_id=${owned.orderId}`, memberB)
      expect(kits.data.kits).toEqual([])
      const appointments = await api.get("/store/appointments", memberB)
      expect(appointments.data.appointments).toEqual([])
      const escortBookings = await api.get("/store/escort-bookings", memberB)
      expect(escortBookings.data.bookings).toEqual([])
    })

    it("lets A read and use A's own order and cart", async () => {
      const order = await api.get(`/store/orders/${owned.orderId}`, memberA)
      expect(order.data.order.id).toBe(owned.orderId)
      const cart = await api.get(`/store/carts/${owned.cartId}`, memberA)
      expect(cart.data.cart.id).toBe(owned.cartId)
      const cancellation = await api.get(`/store/orders/${owned.orderId}/cancellation`, memberA)
      expect(cancellation.status).toBe(200)
    })

    it("answers B and visitors on A's order and cart with a Chinese 404, as for ids that do not exist", async () => {
      for (const headers of [memberB, visitor]) {
        const order = await api.get(`/store/orders/${owned.orderId}`, { ...headers, ...noThrow })
        const missing = await api.get("/store/orders/order_01NOTHERE", { ...headers, ...noThrow })
        expect([order.status, order.data.message]).toEqual([404, "订单不存在"])
        expect([missing.status, missing.data.message]).toEqual([order.status, order.data.message])
        const cart = await api.post(
          `/store/carts/${owned.cartId}/customer`,
          {},
          { ...headers, ...noThrow }
        )
        expect([cart.status, cart.data.message]).toEqual([404, "购物车不存在或已失效，请重新选购"])
        // Spelling the path differently reaches the same guard (Express matches case-insensitively).
        const shouted = await api.get(`/STORE/Orders/${owned.orderId}/`, { ...headers, ...noThrow })
        expect(shouted.status).toBe(404)
      }
    })

    it("turns order transfer off, even for the order's own customer", async () => {
      const request = await api.post(
        `/store/orders/${owned.orderId}/transfer/request`,
        {},
        { ...memberA, ...noThrow }
      )
      expect([request.status, request.data.message]).toEqual([404, "本店不支持转移订单"])
    })

    it("gives a guest buyer a token that opens their order, and nothing else", async () => {
      // A visitor fills a cart and checks out as a guest.
      const { data: regions } = await api.get("/store/regions", visitor)
      const { data: created } = await api.post(
        "/store/carts",
        { region_id: regions.regions[0].id },
        visitor
      )
      const cartId = created.cart.id as string
      await api.post(
        `/store/carts/${cartId}/line-items`,
        { variant_id: variantId, quantity: 1 },
        visitor
      )
      await api.post(
        `/store/carts/${cartId}`,
        {
          email: "guest@example.com",
          shipping_address: YUEYANG_ADDRESS,
          billing_address: YUEYANG_ADDRESS,
        },
        visitor
      )
      // Medusa gives the cart a guest customer for the e-mail: the visitor still holds it.
      await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: optionId }, visitor)
      const { data: collection } = await api.post(
        "/store/payment-collections",
        { cart_id: cartId },
        visitor
      )
      await api.post(
        `/store/payment-collections/${collection.payment_collection.id}/payment-sessions`,
        { provider_id: "pp_system_default" },
        visitor
      )
      const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, visitor)
      expect(completed.type).toBe("order")
      const orderId = completed.order.id as string
      const token = completed.order_access_token as string
      expect(token).toMatch(/^\d+\.[\w-]+$/)

      const withHeader = await api.get(`/store/orders/${orderId}`, {
        headers: { ...visitor.headers, "x-order-token": token },
      })
      expect(withHeader.data.order.email).toBe("guest@example.com")
      const withQuery = await api.get(
        `/store/orders/${orderId}?token=${encodeURIComponent(token)}&fields=id,email`,
        visitor
      )
      expect(withQuery.data.order).toMatchObject({ id: orderId, email: "guest@example.com" })

      const without = await api.get(`/store/orders/${orderId}`, { ...visitor, ...noThrow })
      expect(without.status).toBe(404)
      // The token opens only its own order, only to read it.
      const other = await api.get(`/store/orders/${owned.orderId}`, {
        headers: { ...memberB.headers, "x-order-token": token },
        ...noThrow,
      })
      expect(other.status).toBe(404)
      const forged = await api.get(`/store/orders/${orderId}`, {
        headers: {
          ...visitor.headers,
          "x-order-token": `${token.split(".")[0]}.${"A".repeat(43)}`,
        },
        ...noThrow,
      })
      expect(forged.status).toBe(404)
      const cancel = await api.post(
        `/store/orders/${orderId}/cancel`,
        {},
        {
          headers: { ...visitor.headers, "x-order-token": token },
          ...noThrow,
        }
      )
      expect(cancel.status).toBeGreaterThanOrEqual(400)
      expect(cancel.status).toBeLessThan(500)
    })

    it("keeps a visitor's cart a guest cart when they type a member's e-mail", async () => {
      const { data: regions } = await api.get("/store/regions", visitor)
      const cartId = (await api.post("/store/carts", { region_id: regions.regions[0].id }, visitor))
        .data.cart.id as string
      await api.post(
        `/store/carts/${cartId}/line-items`,
        { variant_id: variantId, quantity: 1 },
        visitor
      )
      await api.post(
        `/store/carts/${cartId}`,
        { email: "B@example.com", shipping_address: YUEYANG_ADDRESS },
        visitor
      )
      // The visitor goes on with their checkout; member B did not get the cart.
      const shipping = await api.post(
        `/store/carts/${cartId}/shipping-methods`,
        { option_id: optionId },
        { ...visitor, ...noThrow }
      )
      expect(shipping.status).toBe(200)
      const { data } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "cart", fields: ["customer.has_account"], filters: { id: cartId } })
      expect((data[0] as any).customer.has_account).toBe(false)
    })

    it("lets a member claim the visitor's cart they filled before signing in, and then only them", async () => {
      const { data: regions } = await api.get("/store/regions", visitor)
      const cartId = (await api.post("/store/carts", { region_id: regions.regions[0].id }, visitor))
        .data.cart.id as string
      await api.post(
        `/store/carts/${cartId}/line-items`,
        { variant_id: variantId, quantity: 1 },
        visitor
      )
      const claimed = await api.post(`/store/carts/${cartId}/customer`, {}, memberB)
      expect(claimed.status).toBe(200)
      const byB = await api.get(`/store/carts/${cartId}`, memberB)
      expect(byB.data.cart.items).toHaveLength(1)
      for (const headers of [visitor, memberA]) {
        const refused = await api.get(`/store/carts/${cartId}`, { ...headers, ...noThrow })
        expect(refused.status).toBe(404)
      }
    })
  },
})
