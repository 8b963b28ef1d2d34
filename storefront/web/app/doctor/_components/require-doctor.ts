import { redirect } from "next/navigation"
import { doctorLicences } from "@/lib/backends"
import { readDoctorToken } from "@/lib/doctor-app-session"

/** Where a doctor whose licence staff have not verified yet is sent: 资质认证. */
export const DOCTOR_LICENCE_PAGE = "/doctor/licence"

/**
 * 在线诊室 pages need the doctor's cookie; without it, to 医生登录. A doctor may sign in before
 * staff verified their licence, but commerce answers every /doctor route but their licence
 * documents with 400 until then: such a doctor is sent to 资质认证 (pages that say so open
 * with `allowUnverified`). When commerce cannot say (down, token expired), the page goes on
 * and shows its own notice.
 */
export async function requireDoctor({
  allowUnverified = false,
}: { allowUnverified?: boolean } = {}): Promise<void> {
  const token = await readDoctorToken()
  if (!token) redirect("/doctor/sign-in")
  if (allowUnverified) return
  const verified = await doctorLicences.documents(token).then(
    (licences) => licences.license_verified,
    () => null
  )
  if (verified === false) redirect(DOCTOR_LICENCE_PAGE)
}
