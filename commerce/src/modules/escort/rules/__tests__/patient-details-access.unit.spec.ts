import { patientDetailsAccess } from "../patient-details-access"
import { sharingWithdrawnNotice } from "../sharing-withdrawn-notice"

const now = new Date("2026-12-20T12:00:00Z")
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000)

describe("an escort's access to the patient's details", () => {
  it("is open from assignment through the service", () => {
    for (const status of ["accepted", "departed", "arrived", "accompanying"] as const) {
      expect(
        patientDetailsAccess({ status, completed_at: null, sharing_withdrawn: false, now })
      ).toEqual({ visible: true })
    }
  })

  it("stays 24 h after 服务完成 for the report, then ends", () => {
    const at = (h: number, status: "completed" | "confirmed" | "reviewed" = "completed") =>
      patientDetailsAccess({ status, completed_at: hoursAgo(h), sharing_withdrawn: false, now })
    expect(at(23.9).visible).toBe(true)
    expect(at(23.9, "confirmed").visible).toBe(true)
    expect(at(24)).toEqual({ visible: false, reason: "服务已结束，就诊人信息不再显示" })
    expect(at(30, "reviewed").visible).toBe(false)
  })

  it("is closed before assignment, after cancelling, and once sharing is withdrawn", () => {
    for (const status of ["pending_payment", "awaiting_escort", "cancelled", "refunded"] as const) {
      expect(
        patientDetailsAccess({ status, completed_at: null, sharing_withdrawn: false, now }).visible
      ).toBe(false)
    }
    expect(
      patientDetailsAccess({
        status: "accompanying",
        completed_at: null,
        sharing_withdrawn: true,
        now,
      })
    ).toEqual({
      visible: false,
      reason: "会员已撤回向陪诊员提供就诊人信息的同意，就诊人信息不再显示",
    })
  })

  it("tells the member a withdrawal stops the booking only before the service is done", () => {
    expect(sharingWithdrawnNotice("accepted").blocks_service).toBe(true)
    expect(sharingWithdrawnNotice("awaiting_escort").blocks_service).toBe(true)
    expect(sharingWithdrawnNotice("completed").blocks_service).toBe(false)
  })
})
