import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { APPOINTMENT_MODULE } from ".."
import AppointmentModuleService from "../service"
import { Appointment } from "../models/appointment"
import { AppointmentEvent } from "../models/appointment-event"
import { ClinicSignup } from "../models/clinic-signup"

jest.setTimeout(60_000)

const SITE = { id: "site_yy", name: "岳阳楼区采集点", address: "岳阳市 岳阳楼区 洞庭南路 1 号" }
const member = (id: string) => ({ actor_type: "customer" as const, actor_id: id })
const booking = (customer_id: string, overrides: Record<string, unknown> = {}) => ({
  customer_id,
  site: SITE,
  capacity: 2,
  date: "2030-03-01",
  slot: "09:00-10:00",
  ...overrides,
})
const SESSION = {
  id: "session_1",
  title: "中医专家义诊",
  starts_at: "2030-03-02T01:00:00.000Z",
  place: "岳阳市中医院",
}

moduleIntegrationTestRunner<AppointmentModuleService>({
  moduleName: APPOINTMENT_MODULE,
  moduleModels: [Appointment, AppointmentEvent, ClinicSignup],
  resolve: "./src/modules/appointment",
  testSuite: ({ service }) => {
    it("gives the last place of a slot to exactly one of two members booking at once", async () => {
      await service.bookAppointment(booking("cus_first"), member("cus_first"))
      const results = await Promise.allSettled([
        service.bookAppointment(booking("cus_a"), member("cus_a")),
        service.bookAppointment(booking("cus_b"), member("cus_b")),
      ])
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1)
      const [refused] = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[]
      expect(refused.reason.message).toBe("3月1日（周五）09:00-10:00 已约满，请选择其他时段或日期")
      const usage = await service.slotUsage(SITE.id, "2030-03-01", "2030-03-01")
      expect(usage.get("2030-03-01 09:00-10:00")).toBe(2)
    })

    it("seals the person's name and phone and keeps a status history", async () => {
      const row = await service.bookAppointment(
        booking("cus_p", { person: { name: "王小明", phone: "+8613800138000" } }),
        member("cus_p")
      )
      expect(row.person_ciphertext).not.toContain("王小明")
      expect(row.person_ciphertext).not.toContain("13800138000")
      await service.transitionAppointment(row.id, "confirm", {
        actor_type: "staff",
        actor_id: "u1",
      })
      await service.transitionAppointment(row.id, "complete", {
        actor_type: "staff",
        actor_id: "u1",
      })
      const [view] = await service.appointmentViews([row.id])
      expect(view.person).toEqual({ name: "王小明", phone: "+8613800138000" })
      expect(view.history.map((h) => h.status)).toEqual(["pending", "confirmed", "completed"])
      expect(view.status_label).toBe("已完成")
      await expect(
        service.transitionAppointment(row.id, "cancel", member("cus_p"))
      ).rejects.toThrow("该预约已完成，不能再修改")
    })

    it("refuses a second active appointment of one member in the same slot, even at another site", async () => {
      await service.bookAppointment(booking("cus_twice", { slot: "10:00-11:00" }), member("x"))
      await expect(
        service.bookAppointment(
          booking("cus_twice", {
            slot: "10:00-11:00",
            site: { ...SITE, id: "site_other", name: "另一个采集点" },
          }),
          member("x")
        )
      ).rejects.toThrow("同一时段只能预约一次")
    })

    it("reschedules into a free slot, frees the old place, and stays cancellable", async () => {
      const row = await service.bookAppointment(
        booking("cus_move", { slot: "14:00-15:00", capacity: 1 }),
        member("cus_move")
      )
      await expect(
        service.rescheduleAppointment(
          row.id,
          { date: "2030-03-01", slot: "14:00-15:00", capacity: 1 },
          member("cus_move")
        )
      ).rejects.toThrow("新时段与原预约相同")
      await expect(
        service.rescheduleAppointment(
          row.id,
          { date: "2030-03-03", slot: "15:00-16:00", capacity: 1, owner_id: "cus_other" },
          member("cus_other")
        )
      ).rejects.toThrow("没有找到这条预约")
      const { appointment } = await service.rescheduleAppointment(
        row.id,
        { date: "2030-03-03", slot: "15:00-16:00", capacity: 1, owner_id: "cus_move" },
        member("cus_move")
      )
      expect(appointment).toMatchObject({ status: "rescheduled", date: "2030-03-03" })
      // The old place is free again.
      await service.bookAppointment(
        booking("cus_next", { slot: "14:00-15:00", capacity: 1 }),
        member("n")
      )
      await service.transitionAppointment(row.id, "cancel", {
        ...member("cus_move"),
        note: "临时有事",
      })
      const [view] = await service.appointmentViews([row.id])
      expect(view).toMatchObject({
        status: "cancelled",
        cancelled_by: "customer",
        cancel_reason: "临时有事",
      })
      expect(view.history.map((h) => h.status)).toEqual(["pending", "rescheduled", "cancelled"])
    })

    it("puts sign-ups over capacity on a waitlist and promotes them in order", async () => {
      const signUp = (customer_id: string) =>
        service.signUpForSession({ customer_id, session: SESSION, capacity: 2 })
      expect((await signUp("c1")).status).toBe("confirmed")
      expect((await signUp("c2")).status).toBe("confirmed")
      const third = await signUp("c3")
      const fourth = await signUp("c4")
      expect(third).toMatchObject({ status: "waitlisted", waitlist_position: 1 })
      expect(fourth).toMatchObject({ status: "waitlisted", waitlist_position: 2 })
      await expect(signUp("c3")).rejects.toThrow("您已在这场义诊的候补名单中")

      const { promoted } = await service.cancelSignup({
        customer_id: "c1",
        session_id: SESSION.id,
        capacity: 2,
      })
      expect(promoted.map((s) => s.customer_id)).toEqual(["c3"])
      expect(promoted[0].promoted_at).not.toBeNull()
      const [c4] = await service.signupViews([fourth.id])
      expect(c4.waitlist_position).toBe(1)
      expect(await service.sessionSummary(SESSION.id)).toEqual({
        confirmed_count: 2,
        waitlist_count: 1,
      })
      // A waiting member leaving promotes nobody.
      const left = await service.cancelSignup({
        customer_id: "c4",
        session_id: SESSION.id,
        capacity: 2,
      })
      expect(left.promoted).toEqual([])
      await expect(
        service.cancelSignup({ customer_id: "c4", session_id: SESSION.id, capacity: 2 })
      ).rejects.toThrow("您没有报名这场义诊")
    })

    it("lets only one of many members take the last place of a session at once", async () => {
      const session = { ...SESSION, id: "session_race" }
      const results = await Promise.all(
        ["r1", "r2", "r3", "r4"].map((customer_id) =>
          service.signUpForSession({ customer_id, session, capacity: 1 })
        )
      )
      expect(results.filter((s) => s.status === "confirmed")).toHaveLength(1)
      expect(
        results
          .filter((s) => s.status === "waitlisted")
          .map((s) => s.waitlist_position)
          .sort()
      ).toEqual([1, 2, 3])
    })
  },
})
