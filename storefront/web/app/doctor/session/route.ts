import { NextResponse } from "next/server"
import { doctorApp } from "@/lib/backends"
import { clearDoctorToken, writeDoctorToken } from "@/lib/doctor-app-session"
import { signInWithPhoneCode } from "@/lib/phone-code-sign-in"

export const dynamic = "force-dynamic"

/** 医生登录: `{ phone, code }` → commerce's doctor sign-in; the token stays in an httpOnly cookie. */
export async function POST(request: Request) {
  return signInWithPhoneCode(request, {
    signIn: (phone, code) => doctorApp.signInDoctor(phone, code),
    keepToken: writeDoctorToken,
    logLabel: "doctor sign-in",
  })
}

/** 退出登录. */
export async function DELETE() {
  await clearDoctorToken()
  return NextResponse.json({ signed_in: false })
}
