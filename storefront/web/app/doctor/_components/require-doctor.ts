import { redirect } from "next/navigation"
import { readDoctorToken } from "@/lib/doctor-app-session"

/** 在线诊室 pages need the doctor's cookie; without it, to 医生登录. */
export async function requireDoctor(): Promise<void> {
  if (!(await readDoctorToken())) redirect("/doctor/sign-in")
}
