import { commerceRequester, type CommerceClientOptions } from "../commerce/request"

const noStore = { cacheHint: "no-store" as const }

export type DoctorLicenceKind = "practice_license" | "qualification" | "title_certificate"

/** What a doctor uploads for review, in the order the 资质认证 page offers them. */
export const DOCTOR_LICENCE_CHOICES: { kind: DoctorLicenceKind; label: string }[] = [
  { kind: "practice_license", label: "执业证书" },
  { kind: "qualification", label: "资格证书" },
  { kind: "title_certificate", label: "职称证书" },
]

/** The same limits commerce enforces (it checks the content, this spares the trip). */
export const DOCTOR_LICENCE_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  accept: "image/jpeg,image/png,application/pdf,.jpg,.jpeg,.png,.pdf",
}

export type DoctorLicenceDocument = {
  id: string
  kind: DoctorLicenceKind
  /** 医师执业证书 / 医师资格证书 / 职称证书 */
  kind_label: string
  status: "pending" | "approved" | "rejected"
  /** 待审核 / 已通过 / 已驳回 */
  status_label: string
  /** The reviewer's reason, when rejected. */
  rejection_reason: string | null
  mime_type: string
  size: number
  reviewed_at: string | null
  created_at: string
}

/** GET /doctor/license-documents: the doctor's own documents and whether staff verified them. */
export type DoctorLicences = {
  license_verified: boolean
  documents: DoctorLicenceDocument[]
}

const BY_EXTENSION: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  pdf: "application/pdf",
}
const ALLOWED = new Set(Object.values(BY_EXTENSION))

/**
 * Why a file cannot be sent as a licence document, in Chinese, or null when it can: JPEG, PNG
 * or PDF (by the browser's type, or by the name when the browser does not know), 1 B–10 MB.
 */
export function doctorLicenceFileProblem(
  file: { name: string; size: number; type: string } | null | undefined
): string | null {
  if (!file) return "请选择要上传的证书照片或 PDF"
  const type =
    file.type && file.type !== "application/octet-stream"
      ? file.type
      : BY_EXTENSION[file.name.split(".").pop()?.toLowerCase() ?? ""]
  if (!type || !ALLOWED.has(type)) return `「${file.name}」不是 JPG、PNG 图片或 PDF 文件`
  if (file.size === 0) return `「${file.name}」是空文件`
  if (file.size > DOCTOR_LICENCE_LIMITS.maxBytes) {
    return `「${file.name}」超过 10 MB，请压缩后再上传`
  }
  return null
}

/**
 * 资质认证 in the 在线诊室: the doctor's licence documents and their upload. Open to a doctor
 * whose licence is not yet verified (every other /doctor route answers them 400). The web
 * passes "" as the token because its relay adds it from the httpOnly cookie.
 */
export function createDoctorLicenceClient(options: CommerceClientOptions) {
  const request = commerceRequester(options)
  return {
    async documents(token: string): Promise<DoctorLicences> {
      return request<DoctorLicences>("/doctor/license-documents", { token, ...noStore })
    },

    /** One JPEG, PNG or PDF as `kind` → the new document, 待审核; a 400 says why in Chinese. */
    async upload(
      token: string,
      kind: DoctorLicenceKind,
      file: Blob,
      filename = "licence"
    ): Promise<DoctorLicenceDocument> {
      const form = new FormData()
      form.set("kind", kind)
      form.set("file", file, filename)
      return (
        await request<{ document: DoctorLicenceDocument }>("/doctor/license-documents", {
          method: "POST",
          body: form,
          token,
          ...noStore,
        })
      ).document
    },
  }
}

export type DoctorLicenceApi = ReturnType<typeof createDoctorLicenceClient>
