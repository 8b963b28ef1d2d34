import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { ESCORT_MODULE } from ".."
import EscortModuleService from "../service"
import { Escort } from "../models/escort"
import { EscortBooking } from "../models/escort-booking"
import { EscortBookingEvent } from "../models/escort-booking-event"
import { EscortHospital } from "../models/escort-hospital"

jest.setTimeout(60_000)

const member = { actor_type: "customer" as const, actor_id: "cus_1" }
const staff = { actor_type: "staff" as const, actor_id: "user_1" }
const newBooking = (start = "08:00", end = "12:00", city = "长沙市") => ({
  customer_id: "cus_1",
  service_id: "prod_half_day",
  service_name: "半日陪诊",
  hospital_id: null,
  hospital_name: "中南大学湘雅医院",
  department_name: "心血管内科",
  city,
  service_date: "2030-03-01",
  start_time: start,
  end_time: end,
  person: { name: "张桂兰", id_number: "11010519491231002X" },
  meeting_point: "门诊楼一楼大厅",
  needs: ["轮椅"],
  variant_id: "variant_half_day",
  extras: ["wheelchair"],
  price_fen: 22900,
})

moduleIntegrationTestRunner<EscortModuleService>({
  moduleName: ESCORT_MODULE,
  moduleModels: [Escort, EscortBooking, EscortBookingEvent, EscortHospital],
  resolve: "./src/modules/escort",
  testSuite: ({ service }) => {
    const escortIn = async (phone: string, city = "长沙市") => {
      const escort = await service.createEscorts({ phone, name: "李师傅", city })
      return { id: escort.id, city: escort.city }
    }
    const paid = async (start?: string, end?: string, city?: string) => {
      const booking = await service.createBooking(newBooking(start, end, city), member)
      await service.markPaid(booking.id, staff)
      return booking.id
    }

    it("seals the ID number and keeps only its masked form readable", async () => {
      const booking = await service.createBooking(newBooking(), member)
      expect(booking.person_id_masked).toBe("1101**********002X")
      const [stored] = await service.listEscortBookings({ id: booking.id })
      expect(stored.person_id_ciphertext).not.toContain("19491231")
      expect(JSON.stringify(service.presentBooking(booking, "open_task"))).not.toContain("1101")
    })

    it("gives a task to exactly one of ten escorts accepting at once", async () => {
      const id = await paid()
      const escorts = await Promise.all(
        Array.from({ length: 10 }, (_, i) => escortIn(`+861390000${String(i).padStart(4, "0")}`))
      )
      const results = await Promise.allSettled(escorts.map((e) => service.acceptTask(id, e)))
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1)
      const refusals = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[]
      expect(refusals).toHaveLength(9)
      expect(new Set(refusals.map((r) => r.reason.message))).toEqual(
        new Set(["该订单已被其他陪诊员接单"])
      )
      const events = await service.bookingEvents(id)
      expect(events.filter((e) => e.status === "accepted")).toHaveLength(1)
    })

    it("never lets one escort hold two overlapping tasks, even accepting both at once", async () => {
      const escort = await escortIn("+8613700000001")
      const a = await paid("08:00", "12:00")
      const b = await paid("11:00", "15:00")
      const results = await Promise.allSettled([
        service.acceptTask(a, escort),
        service.acceptTask(b, escort),
      ])
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1)
      const [refused] = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[]
      expect(refused.reason.message).toBe("您在该时段已有陪诊任务，不能重复接单")
    })

    it("hides another city's tasks and refuses unpaid ones", async () => {
      const escort = await escortIn("+8613700000002")
      const elsewhere = await paid("08:00", "12:00", "武汉市")
      await expect(service.acceptTask(elsewhere, escort)).rejects.toThrow("未找到该任务")
      const unpaid = await service.createBooking(newBooking(), member)
      await expect(service.acceptTask(unpaid.id, escort)).rejects.toThrow(
        "该订单已被其他陪诊员接单"
      )
      expect(await service.escortTasks(escort, "open")).toEqual([])
    })

    it("moves one step at a time, once, only for the assigned escort", async () => {
      const escort = await escortIn("+8613700000003")
      const other = await escortIn("+8613700000004")
      const id = await paid()
      await service.acceptTask(id, escort)
      await expect(service.progressTask(id, other.id, "departed", {})).rejects.toThrow(
        "未找到该任务"
      )
      const twice = await Promise.allSettled([
        service.progressTask(id, escort.id, "departed", {}),
        service.progressTask(id, escort.id, "departed", {}),
      ])
      expect(twice.filter((r) => r.status === "fulfilled")).toHaveLength(1)
      await expect(service.progressTask(id, escort.id, "accompanying", {})).rejects.toThrow(
        "请先完成「已到达」，不能跳过步骤直接到「陪同就医」"
      )
      const events = await service.bookingEvents(id)
      expect(events.map((e) => e.status)).toEqual([
        "pending_payment",
        "awaiting_escort",
        "accepted",
        "departed",
      ])
    })

    it("reassigns in one transaction: of ten reassignments at once one moves the task, a refused one moves nothing", async () => {
      const id = await paid("13:00", "15:00")
      const first = await escortIn("+8613600000001")
      await service.acceptTask(id, first)
      const busy = await escortIn("+8613600000002")
      await service.acceptTask(await paid("14:00", "16:00"), busy)
      await expect(
        service.reassignTask(id, first.id, busy, { id: "user_1", note: "运营改派" })
      ).rejects.toThrow("您在该时段已有陪诊任务，不能重复接单")
      expect((await service.ownedBooking(id)).escort_id).toBe(first.id)

      const others = await Promise.all(
        Array.from({ length: 10 }, (_, i) => escortIn(`+861370000${String(i).padStart(4, "0")}`))
      )
      const results = await Promise.allSettled(
        others.map((to) =>
          service.reassignTask(id, first.id, to, { id: "user_1", note: "运营改派" })
        )
      )
      const won = results.flatMap((r, i) => (r.status === "fulfilled" ? [others[i].id] : []))
      expect(won).toHaveLength(1)
      const row = await service.ownedBooking(id)
      expect([row.status, row.escort_id]).toEqual(["accepted", won[0]])
      const staffEvents = (await service.bookingEvents(id)).filter((e) => e.actor_type === "staff")
      expect(staffEvents.map((e) => e.note)).toEqual(["运营已登记收款", "运营改派"])
    })

    it("replaces the synced hospitals whole: kept, changed, removed, and back when republished", async () => {
      const hospital = (id: string, city: string, address = "某路 1 号") => ({
        id,
        name: `${id} 医院`,
        level: "三级甲等",
        city,
        address,
        latitude: 28.2161,
        longitude: 112.9887,
        guide: null,
        sort: 0,
        departments: [{ id: `${id}-d`, name: "心血管内科", sop: [] }],
      })
      expect(await service.hospitalsSyncedAt()).toBeNull()
      expect(
        await service.replaceHospitals(
          [hospital("a", "长沙市"), hospital("b", "岳阳市")],
          new Date()
        )
      ).toEqual({ kept: 2, removed: 0 })
      expect((await service.hospitalsIn("长沙市")).map((h) => h.id)).toEqual(["a"])
      expect(
        await service.replaceHospitals(
          [hospital("a", "长沙市", "新地址")],
          new Date(Date.now() + 1)
        )
      ).toEqual({ kept: 1, removed: 1 })
      expect(await service.hospital("b")).toBeNull()
      expect((await service.hospital("a"))?.address).toBe("新地址")
      expect((await service.hospital("a"))?.latitude).toBe(28.2161)
      await service.replaceHospitals(
        [hospital("a", "长沙市"), hospital("b", "岳阳市")],
        new Date(Date.now() + 2)
      )
      expect((await service.hospitalsIn(null)).map((h) => h.id).sort()).toEqual(["a", "b"])
      expect(await service.hospitalsSyncedAt()).not.toBeNull()
    })
  },
})
