import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { CONSULTATION_MODULE } from ".."
import ConsultationModuleService from "../service"
import { Consultation } from "../models/consultation"
import { ConsultationAttachment } from "../models/consultation-attachment"
import { ConsultationDoctor } from "../models/consultation-doctor"
import { ConsultationMessage } from "../models/consultation-message"
import { ConsultationScheduleException } from "../models/consultation-schedule-exception"
import { ConsultationScheduleRule } from "../models/consultation-schedule-rule"
import { ConsultationSharedItem } from "../models/consultation-shared-item"
import { ConsultationSlotBooking } from "../models/consultation-slot-booking"
import { shanghaiDate } from "../rules/slots"

jest.setTimeout(60_000)

const DAY = 86_400_000

moduleIntegrationTestRunner<ConsultationModuleService>({
  moduleName: CONSULTATION_MODULE,
  moduleModels: [
    ConsultationDoctor,
    Consultation,
    ConsultationMessage,
    ConsultationAttachment,
    ConsultationSharedItem,
    ConsultationScheduleRule,
    ConsultationScheduleException,
    ConsultationSlotBooking,
  ],
  resolve: "./src/modules/consultation",
  testSuite: ({ service }) => {
    const doctorId = async () => {
      await service.upsertFromCms(
        [
          {
            cms_document_id: "exp-1",
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
      return (await service.doctors({ all: true }))[0].id
    }
    /** Every weekday 09:00–10:00 Beijing, two 30-minute slots, `capacity` seats each. */
    const everyDay = (id: string, capacity: number) =>
      service.replaceWeeklyRules(
        id,
        [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
          weekday,
          start: "09:00",
          end: "10:00",
          slot_minutes: 30,
          modes: ["phone", "video"] as ("phone" | "video")[],
          capacity,
        }))
      )
    const tomorrow = () => shanghaiDate(new Date(Date.now() + DAY))
    const slotStart = () => new Date(`${tomorrow()}T09:00:00+08:00`)
    const book = async (id: string, customer: string, capacity = 1) =>
      service.openConsultation({
        customer_id: customer,
        doctor_id: id,
        mode: "video",
        question: "想请医生看看我的体检报告",
        price_fen: 8000,
        slot: {
          start: slotStart(),
          end: new Date(slotStart().getTime() + 30 * 60_000),
          capacity,
        },
      })
    const range = () => {
      const now = new Date()
      return { from: now, to: new Date(now.getTime() + 3 * DAY), now }
    }

    it("lists the week's slots and only offers a slot the schedule has for that mode", async () => {
      const id = await doctorId()
      await everyDay(id, 1)
      const slots = await service.slotsOf(id, range())
      expect(slots.some((s) => s.start === slotStart().toISOString())).toBe(true)
      expect(slots.every((s) => s.remaining === 1)).toBe(true)
      expect(await service.offeredSlot(id, slotStart(), "phone", new Date())).toMatchObject({
        capacity: 1,
      })
      const offHour = new Date(slotStart().getTime() + 10 * 60_000)
      expect(await service.offeredSlot(id, offHour, "phone", new Date())).toBeNull()
      expect(
        await service.offeredSlot(id, slotStart(), "phone", new Date(Date.now() + 3 * DAY))
      ).toBeNull()
    })

    it("gives one of two racing members the last seat; the other gets a Chinese 409 and no consultation", async () => {
      const id = await doctorId()
      await everyDay(id, 1)
      const outcomes = await Promise.allSettled([book(id, "cus_a"), book(id, "cus_b")])
      const won = outcomes.filter((o) => o.status === "fulfilled")
      const lost = outcomes.filter((o) => o.status === "rejected") as PromiseRejectedResult[]
      expect([won.length, lost.length]).toEqual([1, 1])
      expect(lost[0].reason.message).toBe("该时段已被预约满，请选择其他时段")
      expect(lost[0].reason.type).toBe("conflict")
      // The loser's consultation rolled back with its seat.
      const all = await service.listConsultations({})
      expect(all).toHaveLength(1)
      const taken = await service.slotsOf(id, range())
      expect(taken.some((s) => s.start === slotStart().toISOString())).toBe(false)
    })

    it("fills a slot up to its capacity, and frees a seat when the hold expires unpaid", async () => {
      const id = await doctorId()
      await everyDay(id, 2)
      const first = await book(id, "cus_a", 2)
      await book(id, "cus_b", 2)
      await expect(book(id, "cus_c", 2)).rejects.toThrow("该时段已被预约满")
      expect((await service.slotBookingsOf([first.id])).get(first.id)?.seat).toBe(1)

      expect(await service.expireUnpaid(new Date(Date.now() + 60_000))).toHaveLength(2)
      const free = (await service.slotsOf(id, range())).find(
        (s) => s.start === slotStart().toISOString()
      )
      expect(free?.remaining).toBe(2)
      await expect(book(id, "cus_c", 2)).resolves.toMatchObject({ status: "pending_payment" })
    })

    it("frees the seat when a paid booking is refunded", async () => {
      const id = await doctorId()
      await everyDay(id, 1)
      const row = await book(id, "cus_a")
      await service.markPaidByOrder(row.id, "order_1", () => slotStart())
      expect(await service.markRefunded(row.id, { refund_fen: 8000, reason: "医生取消" })).toBe(
        true
      )
      await expect(book(id, "cus_b")).resolves.toMatchObject({ status: "pending_payment" })
    })

    it("takes a day off and extra hours into the listing, and refuses overlapping windows", async () => {
      const id = await doctorId()
      await everyDay(id, 1)
      await service.addScheduleException(id, {
        date: tomorrow(),
        kind: "day_off",
        start: null,
        end: null,
        slot_minutes: null,
        modes: null,
        capacity: null,
        note: "外出开会",
      })
      const extra = await service.addScheduleException(id, {
        date: tomorrow(),
        kind: "extra_hours",
        start: "20:00",
        end: "20:30",
        slot_minutes: 30,
        modes: ["phone"],
        capacity: 1,
        note: null,
      })
      const ofTomorrow = (await service.slotsOf(id, range())).filter(
        (s) => shanghaiDate(new Date(s.start)) === tomorrow()
      )
      expect(ofTomorrow.map((s) => [s.start, s.modes])).toContainEqual([
        new Date(`${tomorrow()}T20:00:00+08:00`).toISOString(),
        ["phone"],
      ])
      expect(ofTomorrow.map((s) => s.start)).not.toContain(slotStart().toISOString())
      await service.removeScheduleException(id, extra.id)
      await expect(service.removeScheduleException(id, extra.id)).rejects.toThrow(
        "没有找到这条排班例外"
      )
      await expect(
        service.replaceWeeklyRules(id, [
          {
            weekday: 3,
            start: "09:00",
            end: "11:00",
            slot_minutes: 30,
            modes: ["phone"],
            capacity: 1,
          },
          {
            weekday: 3,
            start: "10:00",
            end: "12:00",
            slot_minutes: 30,
            modes: ["phone"],
            capacity: 1,
          },
        ])
      ).rejects.toThrow("周三的排班时段有重叠")
      // The refused week left the old one in place.
      expect((await service.scheduleOf(id)).rules).toHaveLength(7)
    })
  },
})
