import { z } from "@medusajs/framework/zod"
import {
  applicantConsentsRefusal,
  type ApplicantConsentAcceptance,
} from "../modules/escort-admission/rules/applicant-consent-kinds"
import { isCnIdNumber } from "../modules/escort/rules/cn-id-number"

// Medusa rewrites zod's own messages in English: every rule here carries its Chinese one.

const text = (message: string, max: number) =>
  z
    .unknown()
    .refine((v) => typeof v === "string" && v.trim().length > 0 && v.trim().length <= max, message)
    .transform((v) => (v as string).trim())

const optionalText = (message: string, max: number) =>
  z
    .unknown()
    .refine((v) => v == null || (typeof v === "string" && v.trim().length <= max), message)
    .transform((v) => (typeof v === "string" && v.trim() ? v.trim() : null))

const BEIJING_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/

/** The applicant's details: real name, ID number, city, base location and specialties. */
export const EscortApplicationBody = z.object({
  real_name: z
    .unknown()
    .refine(
      (v) => typeof v === "string" && /^[\u4e00-\u9fa5·]{2,30}$/.test(v.trim()),
      "请填写身份证上的真实姓名（2–30 个汉字）"
    )
    .transform((v) => (v as string).trim()),
  id_number: z
    .unknown()
    .refine((v) => typeof v === "string" && isCnIdNumber(v.trim()), "请填写正确的 18 位身份证号")
    .transform((v) => (v as string).trim().toUpperCase()),
  city: text("请填写服务城市", 20),
  base_location: text("请填写常驻地点（如所在街道或小区）", 120),
  specialties: z
    .unknown()
    .refine(
      (v) =>
        v == null ||
        (Array.isArray(v) &&
          v.length <= 10 &&
          v.every((one) => typeof one === "string" && one.trim().length > 0 && one.length <= 20)),
      "擅长领域最多 10 项，每项不超过 20 个字"
    )
    .transform((v) => ((v as string[] | null) ?? []).map((one) => one.trim())),
})

/** 实名认证, optionally with the face-capture SDK's token. */
export const VerifyEscortIdentityBody = z.preprocess(
  (v) => v ?? {},
  z.object({ face_token: optionalText("人脸核身凭证无效", 200) })
)

export const AdmissionListQuery = z.object({
  status: z
    .unknown()
    .refine(
      (v) =>
        v == null ||
        v === "" ||
        ["draft", "submitted", "approved", "suspended"].includes(v as string),
      "状态须为 draft、submitted、approved 或 suspended"
    )
    .transform((v) => (v ? (v as string) : null)),
})

/** Staff's decision on one document: approve (with its last valid day) or reject with a reason. */
export const ReviewAdmissionDocumentBody = z
  .object({
    decision: z
      .unknown()
      .refine((v) => v === "approve" || v === "reject", "请选择通过（approve）或驳回（reject）")
      .transform((v) => v as "approve" | "reject"),
    reason: optionalText("驳回原因不超过 200 个字", 200),
    expires_on: z
      .unknown()
      .refine(
        (v) => v == null || v === "" || (typeof v === "string" && BEIJING_DATE.test(v)),
        "有效期截止日期格式应为 YYYY-MM-DD"
      )
      .transform((v) => (v ? (v as string) : null)),
  })

  .refine((body) => body.decision === "approve" || !!body.reason, {
    message: "驳回时请填写原因，申请人会看到它",
    path: ["reason"],
  })

/** The applicant's acceptances: every kind with the version of the text they were shown. */
export const AcceptApplicantConsentsBody = z.object({
  consents: z
    .unknown()
    .superRefine((v, ctx) => {
      const refusal = applicantConsentsRefusal(v)
      if (refusal) ctx.addIssue({ code: "custom", message: refusal })
    })
    .transform((v) =>
      (v as ApplicantConsentAcceptance[]).map(({ kind, version }) => ({ kind, version }))
    ),
})
