import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { ESCORT_ADMISSION_MODULE } from ".."
import EscortAdmissionModuleService from "../service"
import { EscortAdmissionDocument } from "../models/escort-admission-document"
import { EscortApplication } from "../models/escort-application"
import {
  ADMISSION_REQUIREMENTS,
  unmetRequirements,
  type AdmissionRequirement,
  type AdmissionState,
} from "../rules/admission-requirements"
import { beijingDate, daysBetween } from "../rules/beijing-date"
import { expiryReminderDue, hasLapsed } from "../rules/credential-expiry"
import { checkAdmissionDocument } from "../rules/admission-document-content"

jest.setTimeout(60_000)

const approved = (
  kind: AdmissionState["documents"][number]["kind"],
  expires_on: string | null
) => ({
  kind,
  status: "approved",
  expires_on,
})

const codes = (list: AdmissionRequirement[]) => list.map((requirement) => requirement.code)

describe("admission requirements", () => {
  it("need real-name verification, a valid 健康证 and an approved background check", () => {
    expect(codes(unmetRequirements({ verified: false, documents: [] }, "2027-01-01"))).toEqual([
      "real_name",
      "health_certificate",
      "background_check",
    ])
    const complete: AdmissionState = {
      verified: true,
      documents: [approved("health_certificate", "2027-06-30"), approved("background_check", null)],
    }
    expect(unmetRequirements(complete, "2027-01-01")).toEqual([])
  })

  it("count a 健康证 valid through its last day and lapsed the day after", () => {
    const state: AdmissionState = {
      verified: true,
      documents: [approved("health_certificate", "2027-06-30"), approved("background_check", null)],
    }
    expect(unmetRequirements(state, "2027-06-30")).toEqual([])
    expect(codes(unmetRequirements(state, "2027-07-01"))).toEqual(["health_certificate"])
  })

  it("ignore pending and rejected documents, and a renewal counts once approved", () => {
    const state: AdmissionState = {
      verified: true,
      documents: [
        { kind: "health_certificate", status: "pending", expires_on: null },
        { kind: "background_check", status: "rejected", expires_on: null },
        approved("health_certificate", "2027-01-31"),
      ],
    }
    expect(codes(unmetRequirements(state, "2027-02-01"))).toEqual([
      "health_certificate",
      "background_check",
    ])
    state.documents.push(
      approved("health_certificate", "2028-01-31"),
      approved("background_check", null)
    )
    expect(unmetRequirements(state, "2027-02-01")).toEqual([])
  })

  it("take one more check (part B's training) as one more list entry", () => {
    const training: AdmissionRequirement = {
      code: "training_passed",
      label: "岗前培训考试通过",
      met: () => false,
    }
    const state: AdmissionState = {
      verified: true,
      documents: [approved("health_certificate", null), approved("background_check", null)],
    }
    expect(
      codes(unmetRequirements(state, "2027-01-01", [...ADMISSION_REQUIREMENTS, training]))
    ).toEqual(["training_passed"])
  })
})

describe("certificate expiry", () => {
  const doc = (
    expires_on: string,
    reminded_30_at: Date | null = null,
    reminded_7_at: Date | null = null
  ) => ({
    status: "approved",
    expires_on,
    reminded_30_at,
    reminded_7_at,
  })

  it("reminds 30 days before the last valid day, then 7 days before, each once", () => {
    expect(expiryReminderDue(doc("2027-03-31"), "2027-02-28")).toBeNull()
    expect(expiryReminderDue(doc("2027-03-31"), "2027-03-01")).toBe("30")
    expect(expiryReminderDue(doc("2027-03-31", new Date()), "2027-03-10")).toBeNull()
    expect(expiryReminderDue(doc("2027-03-31", new Date()), "2027-03-24")).toBe("7")
    expect(expiryReminderDue(doc("2027-03-31", new Date(), new Date()), "2027-03-30")).toBeNull()
  })

  it("sends only the 7-day reminder to a certificate first seen inside 7 days", () => {
    expect(expiryReminderDue(doc("2027-03-31"), "2027-03-28")).toBe("7")
  })

  it("reminds nothing after the last day, nor for pending or undated documents", () => {
    expect(expiryReminderDue(doc("2027-03-31"), "2027-04-01")).toBeNull()
    expect(expiryReminderDue({ ...doc("2027-03-31"), status: "pending" }, "2027-03-28")).toBeNull()
    expect(
      expiryReminderDue(
        { status: "approved", expires_on: null, reminded_30_at: null, reminded_7_at: null },
        "2027-03-28"
      )
    ).toBeNull()
    expect(hasLapsed({ expires_on: "2027-03-31" }, "2027-03-31")).toBe(false)
    expect(hasLapsed({ expires_on: "2027-03-31" }, "2027-04-01")).toBe(true)
  })

  it("reads days on the Beijing calendar", () => {
    expect(beijingDate(new Date("2027-03-31T15:59:59Z"))).toBe("2027-03-31")
    expect(beijingDate(new Date("2027-03-31T16:00:00Z"))).toBe("2027-04-01")
    expect(daysBetween("2027-02-27", "2027-03-01")).toBe(2)
  })
})

describe("document content", () => {
  it("accepts JPEG, PNG and PDF by their bytes and refuses anything else", () => {
    expect(checkAdmissionDocument({ buffer: Buffer.from("%PDF-1.4\n...") }).mime_type).toBe(
      "application/pdf"
    )
    expect(
      checkAdmissionDocument({ buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1]) }).mime_type
    ).toBe("image/jpeg")
    expect(() => checkAdmissionDocument({ buffer: Buffer.from("GIF89a....") })).toThrow(
      "只能上传 JPG、PNG 图片或 PDF 文件"
    )
    expect(() => checkAdmissionDocument({ buffer: Buffer.from("<svg>%PDF-</svg>") })).toThrow()
    expect(() => checkAdmissionDocument(undefined)).toThrow("请选择要上传的文件")
  })
})

moduleIntegrationTestRunner<EscortAdmissionModuleService>({
  moduleName: ESCORT_ADMISSION_MODULE,
  moduleModels: [EscortApplication, EscortAdmissionDocument],
  resolve: "./src/modules/escort-admission",
  testSuite: ({ service }) => {
    const fields = {
      real_name: "李小红",
      id_number: "11010519491231002X",
      city: "岳阳",
      base_location: "岳阳楼区",
      specialties: ["儿科"],
    }
    const file = (kind: "health_certificate" | "background_check" | "photo") => ({
      kind,
      title: null,
      mime_type: "application/pdf",
      size: 10,
      file_id: `file-${kind}-${Math.random()}`,
      key_id: "dev",
    })

    it("seals the ID number, shows it masked, and a changed ID clears the verification", async () => {
      const created = await service.saveApplication("esc_rules_1", fields)
      expect(created.id_number_masked).toBe("1101**********002X")
      expect(created.id_number_ciphertext).not.toContain("11010519491231002X")
      expect(service.openIdNumber(created)).toBe("11010519491231002X")
      expect(
        await service.markVerified(created.id, {
          id: "idv_1",
          name: "李小红",
          id_number_masked: "1101**********002X",
        })
      ).toBe(true)
      const same = await service.saveApplication("esc_rules_1", {
        ...fields,
        base_location: "君山区",
      })
      expect(same.verified_at).not.toBeNull()
      const changed = await service.saveApplication("esc_rules_1", {
        ...fields,
        id_number: "110105194912310038",
      })
      expect(changed.verified_at).toBeNull()
    })

    it("activates only when every requirement is met, naming what is missing", async () => {
      const app = await service.saveApplication("esc_rules_2", fields)
      await service.submit(app.id)
      await expect(service.approve(app.id, "2027-01-01")).rejects.toThrow(
        "尚不能启用：实名认证通过、健康证审核通过且在有效期内、背景调查材料审核通过且在有效期内"
      )
      await service.markVerified(app.id, {
        id: "idv_2",
        name: "李小红",
        id_number_masked: app.id_number_masked!,
      })
      const health = await service.addDocument(app.id, file("health_certificate"))
      const check = await service.addDocument(app.id, file("background_check"))
      await expect(
        service.reviewDocument(app.id, health.id, {
          decision: "approve",
          expires_on: null,
          reviewer_id: "u1",
        })
      ).rejects.toThrow("请填写该证件的有效期截止日期")
      await service.reviewDocument(app.id, health.id, {
        decision: "approve",
        expires_on: "2027-03-31",
        reviewer_id: "u1",
      })
      await service.reviewDocument(app.id, check.id, {
        decision: "reject",
        reason: "材料模糊，请重新上传",
        reviewer_id: "u1",
      })
      await expect(
        service.reviewDocument(app.id, check.id, {
          decision: "approve",
          expires_on: null,
          reviewer_id: "u2",
        })
      ).rejects.toThrow("该材料已审核过")
      await expect(service.approve(app.id, "2027-01-01")).rejects.toThrow("背景调查材料")
      const again = await service.addDocument(app.id, file("background_check"))
      await service.reviewDocument(app.id, again.id, {
        decision: "approve",
        expires_on: null,
        reviewer_id: "u1",
      })
      const approvedApp = await service.approve(app.id, "2027-01-01")
      expect(approvedApp.status).toBe("approved")
      await expect(service.approve(app.id, "2027-01-01")).rejects.toThrow("该申请尚未提交或已启用")
      await expect(service.saveApplication("esc_rules_2", fields)).rejects.toThrow("已通过审核")

      const expiring = await service.documentsExpiringBy("2027-04-30")
      expect(expiring.map((doc) => [doc.id, doc.escort_id])).toContainEqual([
        health.id,
        "esc_rules_2",
      ])
      expect(await service.markReminded(health.id, "30")).toBe(true)
      expect(await service.markReminded(health.id, "30")).toBe(false)

      expect(await service.suspend(app.id, "健康证已过期")).toBe(true)
      expect(await service.suspend(app.id, "健康证已过期")).toBe(false)
      expect((await service.application(app.id)).status).toBe("suspended")
    })
  },
})
