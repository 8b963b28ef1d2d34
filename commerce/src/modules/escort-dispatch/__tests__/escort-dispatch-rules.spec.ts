import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { ESCORT_DISPATCH_MODULE } from ".."
import EscortDispatchModuleService from "../service"
import { DispatchAlert } from "../models/dispatch-alert"
import { DispatchOffer } from "../models/dispatch-offer"
import { DispatchSetting } from "../models/dispatch-setting"
import { EscortDutyShift } from "../models/escort-duty-shift"
import { EscortSchedule } from "../models/escort-schedule"
import {
  dispatchScore,
  distanceKm,
  rankEscorts,
  type DispatchCandidate,
} from "../rules/rank-escorts"
import { scheduleRefusal, weekdayOf, windowsOverlap } from "../rules/schedule"
import { dueAnomalies, serviceStart } from "../rules/anomalies"

jest.setTimeout(60_000)

const candidate = (escort_id: string, over: Partial<DispatchCandidate> = {}) => ({
  escort_id,
  schedule_free: true,
  overlaps: false,
  distance_km: null,
  rating: null,
  hospital_services: 0,
  department_services: 0,
  specialty_match: null,
  ...over,
})

const weekdays = { weekdays: [1, 2, 3, 4, 5], start_time: "08:00", end_time: "17:00" }

describe("schedule rules", () => {
  it("reads Beijing dates as weekdays, Monday 1 to Sunday 7", () => {
    expect(weekdayOf("2027-01-04")).toBe(1)
    expect(weekdayOf("2027-01-09")).toBe(6)
    expect(weekdayOf("2027-01-10")).toBe(7)
  })

  it("refuses days off, other weekdays and hours outside the schedule; no schedule is any time", () => {
    const schedule = { ...weekdays, days_off: ["2027-01-05"] }
    const task = (date: string, start_time = "09:00", end_time = "11:00") => ({
      date,
      start_time,
      end_time,
    })
    expect(scheduleRefusal(null, task("2027-01-09"))).toBeNull()
    expect(scheduleRefusal(schedule, task("2027-01-04"))).toBeNull()
    expect(scheduleRefusal(schedule, task("2027-01-04", "08:00", "17:00"))).toBeNull()
    expect(scheduleRefusal(schedule, task("2027-01-05"))).toBe(
      "陪诊员 2027-01-05 休息，不能接该任务"
    )
    expect(scheduleRefusal(schedule, task("2027-01-10"))).toBe("陪诊员周日不在排班内，不能接该任务")
    expect(scheduleRefusal(schedule, task("2027-01-04", "07:30", "09:00"))).toBe(
      "任务时段 07:30–09:00 超出陪诊员排班时间 08:00–17:00"
    )
    expect(scheduleRefusal(schedule, task("2027-01-04", "16:00", "17:30"))).not.toBeNull()
  })

  it("counts windows as overlapping only when they share time on the same day", () => {
    const w = (date: string, start_time: string, end_time: string) => ({
      date,
      start_time,
      end_time,
    })
    expect(
      windowsOverlap(w("2027-01-04", "09:00", "11:00"), w("2027-01-04", "10:00", "12:00"))
    ).toBe(true)
    expect(
      windowsOverlap(w("2027-01-04", "09:00", "11:00"), w("2027-01-04", "11:00", "12:00"))
    ).toBe(false)
    expect(
      windowsOverlap(w("2027-01-04", "09:00", "11:00"), w("2027-01-05", "09:00", "11:00"))
    ).toBe(false)
  })
})

describe("ranking escorts", () => {
  it("leaves out escorts off schedule or already busy, then ranks nearer, better rated, more experienced", () => {
    const ranked = rankEscorts([
      candidate("esc_far", { distance_km: 18 }),
      candidate("esc_near", { distance_km: 2 }),
      candidate("esc_off", { distance_km: 0, schedule_free: false }),
      candidate("esc_busy", { distance_km: 0, overlaps: true }),
      candidate("esc_unknown"),
    ])
    expect(ranked.map((c) => c.escort_id)).toEqual(["esc_near", "esc_unknown", "esc_far"])

    expect(
      rankEscorts([candidate("esc_b", { rating: 4.2 }), candidate("esc_a", { rating: 4.9 })]).map(
        (c) => c.escort_id
      )
    ).toEqual(["esc_a", "esc_b"])
    expect(
      rankEscorts([
        candidate("esc_new"),
        candidate("esc_regular", { hospital_services: 3, department_services: 2 }),
      ]).map((c) => c.escort_id)
    ).toEqual(["esc_regular", "esc_new"])
    // Equal scores: the older id first, so every run picks the same escort.
    expect(rankEscorts([candidate("esc_2"), candidate("esc_1")]).map((c) => c.escort_id)).toEqual([
      "esc_1",
      "esc_2",
    ])
  })

  it("weighs distance most, then rating, experience (capped) and specialty", () => {
    expect(dispatchScore(candidate("x", { distance_km: 0 }))).toBe(40 + 15 + 0 + 5)
    expect(dispatchScore(candidate("x", { distance_km: 30 }))).toBe(0 + 15 + 0 + 5)
    expect(dispatchScore(candidate("x", { rating: 5, specialty_match: true }))).toBe(20 + 30 + 10)
    expect(dispatchScore(candidate("x", { hospital_services: 40, department_services: 40 }))).toBe(
      20 + 15 + 20 + 5
    )
    // 湘雅医院 to 湘雅二医院, Changsha: about 3 km.
    const km = distanceKm({ lat: 28.2132, lng: 112.9795 }, { lat: 28.1943, lng: 113.0008 })
    expect(km).toBeGreaterThan(2.5)
    expect(km).toBeLessThan(3.5)
  })
})

describe("anomalies", () => {
  const limits = { unaccepted: 30, departLead: 60, noProgress: 120 }
  // Service at 09:00 Beijing on 2027-01-04 = 01:00 UTC.
  const start = serviceStart("2027-01-04", "09:00")
  const at = (minutesFromStart: number) => new Date(start.getTime() + minutesFromStart * 60_000)
  const booking = (status: string, since: Date, reported = false) => ({
    status,
    service_date: "2027-01-04",
    start_time: "09:00",
    status_since: since,
    reported,
  })
  const kinds = (b: ReturnType<typeof booking>, now: Date) =>
    dueAnomalies(b, now, limits).map((a) => a.kind)

  it("reads the start as Beijing time", () => {
    expect(start.toISOString()).toBe("2027-01-04T01:00:00.000Z")
  })

  it("flags a task nobody accepted within the limit", () => {
    expect(kinds(booking("awaiting_escort", at(-300)), at(-271))).toEqual([])
    expect(kinds(booking("awaiting_escort", at(-300)), at(-270))).toEqual(["not_accepted"])
  })

  it("flags an escort not departed an hour before the start, and not arrived by the start", () => {
    expect(kinds(booking("accepted", at(-600)), at(-61))).toEqual([])
    expect(kinds(booking("accepted", at(-600)), at(-60))).toEqual(["not_departed"])
    expect(kinds(booking("accepted", at(-600)), at(0))).toEqual(["not_departed", "not_arrived"])
    expect(kinds(booking("departed", at(-30)), at(-1))).toEqual([])
    expect(kinds(booking("departed", at(-30)), at(5))).toEqual(["not_arrived"])
    expect(kinds(booking("arrived", at(-5)), at(5))).toEqual([])
  })

  it("flags a service without progress for too long, and any 报备", () => {
    expect(kinds(booking("accompanying", at(0)), at(119))).toEqual([])
    expect(kinds(booking("accompanying", at(0)), at(120))).toEqual(["no_progress"])
    expect(kinds(booking("arrived", at(0), true), at(1))).toEqual(["report"])
    expect(dueAnomalies(booking("departed", at(-30)), at(5), limits)[0].message).toBe(
      "服务已于 2027-01-04 09:00 开始，陪诊员仍未到达"
    )
  })
})

moduleIntegrationTestRunner<EscortDispatchModuleService>({
  moduleName: ESCORT_DISPATCH_MODULE,
  moduleModels: [DispatchSetting, EscortSchedule, DispatchOffer, DispatchAlert, EscortDutyShift],
  resolve: "./src/modules/escort-dispatch",
  testSuite: ({ service }) => {
    const inMinutes = (m: number) => new Date(Date.now() + m * 60_000)

    it("keeps one setting per city, grab by default", async () => {
      expect(await service.settingFor("长沙市")).toEqual({
        city: "长沙市",
        mode: "grab",
        accept_minutes: 10,
      })
      await service.putSetting({ city: "长沙市", mode: "auto", accept_minutes: 3 })
      await service.putSetting({ city: "长沙市", mode: "auto", accept_minutes: 7 })
      expect(await service.citySettings()).toEqual([
        { city: "长沙市", mode: "auto", accept_minutes: 7 },
      ])
    })

    it("offers a booking to one escort at a time, each escort once, even when offered in parallel", async () => {
      const offers = await Promise.all(
        ["esc_1", "esc_2", "esc_3"].map((id) => service.createOffer("escbk_1", id, inMinutes(5)))
      )
      expect(offers.filter(Boolean)).toHaveLength(1)
      const live = offers.find(Boolean)!
      await service.declineOffer("escbk_1", live.escort_id)
      expect(await service.createOffer("escbk_1", live.escort_id, inMinutes(5))).toBeNull()
      const next = await service.createOffer("escbk_1", "esc_9", inMinutes(5))
      expect(next).toMatchObject({ escort_id: "esc_9", status: "offered", round: 2 })
    })

    it("lets nobody claim an overdue offer, and expires it once", async () => {
      const offer = (await service.createOffer("escbk_2", "esc_1", inMinutes(-1)))!
      const [claimed, expired] = await Promise.allSettled([
        service.claimOffer("escbk_2", "esc_1", new Date()),
        service.expireOverdueOffers(new Date()),
      ])
      expect(claimed.status).toBe("rejected")
      expect((claimed as PromiseRejectedResult).reason.message).toBe(
        "派单已超时或已改派，不能再接单"
      )
      expect((expired as PromiseFulfilledResult<string[]>).value).toEqual(["escbk_2"])
      const [row] = await service.listDispatchOffers({ id: offer.id })
      expect(row.status).toBe("expired")

      const fresh = (await service.createOffer("escbk_3", "esc_1", inMinutes(5)))!
      expect(await service.expireOverdueOffers(new Date())).toEqual([])
      expect((await service.claimOffer("escbk_3", "esc_1", new Date())).id).toBe(fresh.id)
      await expect(service.claimOffer("escbk_3", "esc_2", new Date())).rejects.toThrow(
        "该任务由平台派单，未派给您，不能接单"
      )
    })

    it("replaces the on-duty roster as a whole; concurrent saves leave one of them, never a mix", async () => {
      const line = (phone: string, name: string) => ({
        phone,
        name,
        weekdays: [1, 2, 3],
        start_time: "22:00",
        end_time: "08:00",
      })
      await service.replaceDutyRoster([line("+8613800000001", "甲"), line("+8613800000002", "乙")])
      const a = [line("+8613800000003", "丙")]
      const b = [line("+8613800000004", "丁"), line("+8613800000005", "戊")]
      await Promise.all([service.replaceDutyRoster(a), service.replaceDutyRoster(b)])
      const phones = (await service.dutyRoster()).map((shift) => shift.phone).sort()
      expect([["+8613800000003"], ["+8613800000004", "+8613800000005"]]).toContainEqual(phones)
      expect((await service.dutyRoster())[0]).toMatchObject({
        weekdays: [1, 2, 3],
        start_time: "22:00",
        end_time: "08:00",
      })
      expect(await service.replaceDutyRoster([])).toEqual([])
    })

    it("raises an alert once per booking and kind, and resolves it once", async () => {
      const alert = {
        booking_id: "escbk_4",
        kind: "not_accepted" as const,
        city: "长沙市",
        message: "超时未接单",
      }
      const raised = await Promise.all([service.raiseAlert(alert), service.raiseAlert(alert)])
      expect(raised.filter(Boolean)).toHaveLength(1)
      const id = raised.find(Boolean)!.id
      expect(await service.markAlertSms(id)).toBe(true)
      expect(await service.markAlertSms(id)).toBe(false)
      await service.resolveAlert(id, "user_1", "已电话联系陪诊员")
      await expect(service.resolveAlert(id, "user_1", "again")).rejects.toThrow("该告警已处理")
      expect(await service.alerts({ open: true })).toEqual([])
    })
  },
})
