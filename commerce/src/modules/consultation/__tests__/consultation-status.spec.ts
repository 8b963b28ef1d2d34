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

jest.setTimeout(60_000)

const hours = (n: number) => (at: Date) => new Date(at.getTime() + n * 3_600_000)

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
    const doctor = async () => {
      await service.upsertFromCms(
        [
          {
            cms_document_id: "exp-1",
            name: "王医生",
            title: "主任医师",
            hospital: "湘雅医院",
            departments: [],
            specialties: [],
            introduction: null,
            photo_url: null,
          },
        ],
        new Date()
      )
      const [row] = await service.doctors({ all: true })
      return row
    }
    const opened = async (doctorId: string) =>
      service.openConsultation({
        customer_id: "cus_1",
        doctor_id: doctorId,
        mode: "text",
        question: "最近总是头晕，血压偏高怎么办？",
        price_fen: 3000,
      })

    it("keeps the question sealed and shows it only through the service", async () => {
      const d = await doctor()
      const row = await opened(d.id)
      expect(row.question_ciphertext).not.toContain("头晕")
      expect(service.presentConsultation(row, d).question).toBe("最近总是头晕，血压偏高怎么办？")
    })

    it("marks paid once, sets the deadline, and a replayed payment changes nothing", async () => {
      const d = await doctor()
      const row = await opened(d.id)
      const first = await service.markPaidByOrder(row.id, "order_1", hours(24))
      const replay = await service.markPaidByOrder(row.id, "order_1", hours(24))
      expect([first.moved, replay.moved]).toEqual([true, false])
      expect(first.consultation.status).toBe("awaiting_doctor")
      const due = new Date(first.consultation.answer_due_at!).getTime()
      const paid = new Date(first.consultation.paid_at!).getTime()
      expect(due - paid).toBe(24 * 3_600_000)
    })

    it("refunds a waiting consultation once, and never one the doctor took", async () => {
      const d = await doctor()
      const waiting = await opened(d.id)
      await service.markPaidByOrder(waiting.id, "order_1", hours(1))
      const refunds = await Promise.all([
        service.markRefunded(waiting.id, { refund_fen: 3000, reason: "超时" }),
        service.markRefunded(waiting.id, { refund_fen: 3000, reason: "超时" }),
      ])
      expect(refunds.filter(Boolean)).toHaveLength(1)

      const taken = await opened(d.id)
      await service.markPaidByOrder(taken.id, "order_2", hours(1))
      expect((await service.accept(taken.id, d.id)).moved).toBe(true)
      expect(await service.markRefunded(taken.id, { refund_fen: 3000, reason: "超时" })).toBe(false)
      expect((await service.ownedConsultation(taken.id)).status).toBe("in_progress")
    })

    it("lists as overdue only waiting consultations past their deadline", async () => {
      const d = await doctor()
      const late = await opened(d.id)
      await service.markPaidByOrder(late.id, "order_1", hours(1))
      const taken = await opened(d.id)
      await service.markPaidByOrder(taken.id, "order_2", hours(1))
      await service.accept(taken.id, d.id)
      const unpaid = await opened(d.id)
      expect(await service.overdue(new Date())).toEqual([])
      const later = new Date(Date.now() + 2 * 3_600_000)
      expect(await service.overdue(later)).toEqual([late.id])
      expect(await service.expireUnpaid(later)).toEqual([unpaid.id])
    })

    it("takes the advice note only while in progress, and only once", async () => {
      const d = await doctor()
      const row = await opened(d.id)
      await service.markPaidByOrder(row.id, "order_1", hours(24))
      const note = { health_advice: "低盐饮食，每日监测血压", follow_up_advice: "两周后复诊" }
      await expect(service.complete(row.id, d.id, note)).rejects.toThrow("请先接诊")
      await service.accept(row.id, d.id)
      const done = await service.complete(row.id, d.id, note)
      expect(service.presentConsultation(done, null).advice).toMatchObject(note)
      await expect(service.complete(row.id, d.id, note)).rejects.toThrow("不能再写建议")
      expect((await service.adviceNotesOf("cus_1")).map((r) => r.id)).toEqual([row.id])
    })

    it("keeps staff-set fields when the CMS profile is synced again, and retires experts gone", async () => {
      const d = await doctor()
      await service.updateDoctorDetails(d.id, {
        phone: "+8613900000001",
        license_number: "110430000000001",
        prices: { text: 3000 },
      })
      await service.verifyLicense(d.id, new Date())
      await service.upsertFromCms(
        [
          {
            cms_document_id: "exp-1",
            name: "王医生",
            title: "副主任医师",
            hospital: "湘雅二医院",
            departments: ["心内科"],
            specialties: [],
            introduction: null,
            photo_url: null,
          },
        ],
        new Date()
      )
      const synced = await service.doctorRow(d.id)
      expect(synced).toMatchObject({
        title: "副主任医师",
        phone: "+8613900000001",
        license_number: "110430000000001",
        prices: { text: 3000 },
        on_duty: true,
      })
      expect(synced.license_verified_at).not.toBeNull()
      expect(await service.upsertFromCms([], new Date())).toEqual({
        created: 0,
        updated: 0,
        retired: 1,
      })
      expect((await service.doctorRow(d.id)).on_duty).toBe(false)
    })
  },
})
