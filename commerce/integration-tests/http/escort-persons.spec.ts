import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { Modules } from "@medusajs/framework/utils"
import { randomUUID } from "crypto"
import seed from "../../src/scripts/seed"
import { registerCustomer } from "../helpers/actors"
import { freePortSync } from "../helpers/free-port"
import {
  identityStandinEnv,
  startIdentityStandin,
  type IdentityStandin,
} from "../helpers/identity-verification-standin"
import { useConsentCms } from "../helpers/cms-consent-pages"
import { ESCORT_CONSENTS } from "../helpers/escort-consents"

jest.setTimeout(300_000)

process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`
// The app reads the 实名认证 provider's settings when it boots: the stand-in's address first.
const STANDIN_PORT = freePortSync()
Object.assign(process.env, identityStandinEnv(STANDIN_PORT))

type Headers = { headers: Record<string, string> }

// Valid mainland ID numbers (GB 11643 check digits).
const MOTHER_ID = "11010519491231002X"
const FATHER_ID = "430602199003151231"

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    useConsentCms()
    let standin: IdentityStandin
    let alice: Headers
    let bob: Headers
    let halfDayVariant: string

    const failure = (promise: Promise<unknown>): Promise<any> =>
      promise.catch((e: any) => e.response)
    const pg = () => getContainer().resolve("__pg_connection__")

    const booking = (person: Record<string, unknown>) => ({
      variant_id: halfDayVariant,
      extras: [],
      hospital_id: "hosp-xiangya",
      hospital_name: "中南大学湘雅医院",
      department: "心血管内科",
      city: "长沙市",
      date: "2026-12-20",
      time_window: { start: "08:00", end: "12:00" },
      meeting_point: "湘雅医院门诊楼一楼大厅",
      needs: [],
      consents: ESCORT_CONSENTS,
      ...person,
    })

    const accessRows = async (ownerId: string) =>
      (
        await pg().raw(
          `select actor_id, action, resource_type, resource_id from archive_access
           where owner_id = ? and resource_type = 'person' order by created_at`,
          [ownerId]
        )
      ).rows as { actor_id: string; action: string; resource_type: string; resource_id: string }[]

    const customerId = async (headers: Headers) =>
      (await api.get("/store/customers/me", headers)).data.customer.id as string

    beforeAll(async () => {
      standin = await startIdentityStandin(STANDIN_PORT)
      const container = getContainer()
      await seed({ container, args: [] } as never)
      const [apiKey] = await container.resolve(Modules.API_KEY).listApiKeys({ type: "publishable" })
      alice = await registerCustomer(api, apiKey.token, "alice-persons@example.com")
      bob = await registerCustomer(api, apiKey.token, "bob-persons@example.com")
      const store = { headers: { "x-publishable-api-key": apiKey.token } }
      const { data } = await api.get("/store/escort-services", store)
      halfDayVariant = data.services.find(
        (s: { title: string }) => s.title === "半日陪诊"
      ).variant_id
      await standin.registerPerson("张桂兰", MOTHER_ID)
      await standin.registerPerson("李建国", FATHER_ID)
    })

    afterAll(() => {
      standin?.process.kill()
    })

    it("saves a 就诊人 once verified, shows the ID number only masked, logs every read and keeps members apart", async () => {
      const aliceId = await customerId(alice)
      const saved = await api.post(
        "/store/health-archive/persons",
        { relation: "parent", name: "张桂兰", id_number: MOTHER_ID.toLowerCase() },
        alice
      )
      expect(saved.status).toBe(201)
      expect(saved.data.person).toMatchObject({
        relation: "parent",
        relation_label: expect.any(String),
        name: "张桂兰",
        sex: "female",
        birth_date: "1949-12-31",
        id_number_masked: "1101**********002X",
        verified_at: expect.any(String),
      })
      expect(JSON.stringify(saved.data)).not.toContain(MOTHER_ID)
      const personId = saved.data.person.id as string

      // Stored sealed: no column holds the name or the full ID number.
      const [row] = (await pg().raw(`select * from test_subject where id = ?`, [personId])).rows
      expect(JSON.stringify(row)).not.toContain(MOTHER_ID)
      expect(JSON.stringify(row)).not.toContain("张桂兰")
      expect(row.identity_verification_id).toMatch(/^idv_/)

      const listed = await api.get("/store/health-archive/persons", alice)
      expect(listed.data.persons).toEqual([saved.data.person])
      expect(JSON.stringify(listed.data)).not.toContain(MOTHER_ID)

      // Bob sees none of alice's people and cannot remove them.
      expect((await api.get("/store/health-archive/persons", bob)).data.persons).toEqual([])
      const foreign = await failure(api.delete(`/store/health-archive/persons/${personId}`, bob))
      expect(foreign.status).toBe(404)
      expect(foreign.data.message).toBe("没有找到这位就诊人")

      expect(await accessRows(aliceId)).toEqual([
        { actor_id: aliceId, action: "create", resource_type: "person", resource_id: personId },
        { actor_id: aliceId, action: "list", resource_type: "person", resource_id: null },
      ])
    })

    it("refuses to save a 就诊人 whose name and ID number do not verify, or an invalid ID number, in Chinese", async () => {
      const mismatch = await failure(
        api.post(
          "/store/health-archive/persons",
          { relation: "parent", name: "张桂芳", id_number: MOTHER_ID },
          bob
        )
      )
      expect(mismatch.status).toBe(400)
      expect(mismatch.data.message).toBe(
        "就诊人姓名与身份证号不一致，未通过实名认证，请核对后重新填写"
      )
      const invalid = await failure(
        api.post(
          "/store/health-archive/persons",
          { relation: "parent", name: "张桂兰", id_number: "110105194912310021" },
          bob
        )
      )
      expect(invalid.status).toBe(400)
      expect(invalid.data.message).toContain("请填写正确的 18 位身份证号")
      const noRelation = await failure(
        api.post("/store/health-archive/persons", { name: "张桂兰", id_number: MOTHER_ID }, bob)
      )
      expect(noRelation.status).toBe(400)
      expect(noRelation.data.message).toContain("请选择就诊人与您的关系")
      expect((await api.get("/store/health-archive/persons", bob)).data.persons).toEqual([])
    })

    it("books for a saved 就诊人 by id without asking 实名认证 again, refuses another member's, and still takes the typed form", async () => {
      const saved = await api.post(
        "/store/health-archive/persons",
        { relation: "parent", name: "李建国", id_number: FATHER_ID },
        alice
      )
      const personId = saved.data.person.id as string
      const callsBefore = (await standin.calls()).length

      const booked = await api.post(
        "/store/escort-bookings",
        booking({ person_id: personId }),
        alice
      )
      expect(booked.status).toBe(201)
      const [row] = (
        await pg().raw(`select person_name, person_id_masked from escort_booking where id = ?`, [
          booked.data.booking.id,
        ])
      ).rows
      expect(row).toEqual({ person_name: "李建国", person_id_masked: "4306**********1231" })
      // Verified when saved: the provider is not asked (nor paid) again.
      expect((await standin.calls()).length).toBe(callsBefore)

      // Bob cannot book for alice's person, and the answer does not say it exists.
      const foreign = await failure(
        api.post("/store/escort-bookings", booking({ person_id: personId }), bob)
      )
      expect(foreign.status).toBe(404)
      expect(foreign.data.message).toBe("没有找到这位就诊人")

      // Either a saved person or a typed one, never both or neither.
      const both = await failure(
        api.post(
          "/store/escort-bookings",
          booking({ person_id: personId, person: { name: "李建国", id_number: FATHER_ID } }),
          alice
        )
      )
      expect(both.status).toBe(400)
      expect(both.data.message).toContain("请选择一位就诊人，或填写就诊人姓名和身份证号")
      const neither = await failure(api.post("/store/escort-bookings", booking({}), alice))
      expect(neither.status).toBe(400)
      expect(neither.data.message).toContain("请选择一位就诊人，或填写就诊人姓名和身份证号")

      // Older clients still send the name and ID number, verified at booking.
      const typed = await api.post(
        "/store/escort-bookings",
        booking({ person: { name: "张桂兰", id_number: MOTHER_ID } }),
        bob
      )
      expect(typed.status).toBe(201)
      expect((await standin.calls()).length).toBe(callsBefore + 1)
      // Booking for a saved person keeps them for the next booking.
      const kept = await api.get("/store/health-archive/persons", alice)
      expect(kept.data.persons.map((p: { name: string }) => p.name)).toEqual(["李建国"])
    })

    it("removes a saved 就诊人: gone from the list and from booking, the removal logged", async () => {
      const bobId = await customerId(bob)
      const { data } = await api.post(
        "/store/health-archive/persons",
        { relation: "other", name: "张桂兰", id_number: MOTHER_ID },
        bob
      )
      const mother = data.person
      const removed = await api.delete(`/store/health-archive/persons/${mother.id}`, bob)
      expect(removed.data).toEqual({ id: mother.id, object: "person", deleted: true })
      const after = await api.get("/store/health-archive/persons", bob)
      expect(after.data.persons).toEqual([])
      const gone = await failure(
        api.post("/store/escort-bookings", booking({ person_id: mother.id }), bob)
      )
      expect(gone.status).toBe(404)
      const again = await failure(api.delete(`/store/health-archive/persons/${mother.id}`, bob))
      expect(again.status).toBe(404)
      expect(await accessRows(bobId)).toContainEqual({
        actor_id: bobId,
        action: "delete",
        resource_type: "person",
        resource_id: mother.id,
      })
    })

    it("erasing the archive erases removed 就诊人 too: no sealed ID number is left behind", async () => {
      const bobId = await customerId(bob)
      const { data } = await api.post(
        "/store/health-archive/persons",
        { relation: "other", name: "张桂兰", id_number: MOTHER_ID },
        bob
      )
      await api.delete(`/store/health-archive/persons/${data.person.id}`, bob)
      await api.post(
        "/store/health-archive/persons",
        { relation: "parent", name: "李建国", id_number: FATHER_ID },
        bob
      )
      const erased = await api.delete("/store/health-archive", {
        ...bob,
        data: { confirm: "删除" },
      })
      expect(erased.data.removed).toMatchObject({ persons: 2 })
      const { rows } = await pg().raw(`select id from test_subject where customer_id = ?`, [bobId])
      expect(rows).toEqual([])
    })
  },
})
