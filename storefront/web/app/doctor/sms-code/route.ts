import { ApiError, parseCnMobile } from "@health/core"
import { NextResponse } from "next/server"
import { doctorApp } from "@/lib/backends"

export const dynamic = "force-dynamic"

/** Texts the doctor a sign-in code (the members' codes; commerce rate-limits them). */
export async function POST(request: Request) {
  const body = (await request.json().catch(() => ({}))) as { phone?: unknown }
  const phone = parseCnMobile(String(body.phone ?? ""))
  if (!phone) return NextResponse.json({ message: "请输入正确的 11 位手机号" }, { status: 400 })
  try {
    await doctorApp.requestDoctorSignInCode(phone)
    return NextResponse.json({ notice: "验证码已发送，5 分钟内有效" }, { status: 201 })
  } catch (error) {
    if (error instanceof ApiError && error.status < 500) {
      return NextResponse.json({ message: error.message }, { status: error.status })
    }
    console.error("[doctor sms code]", error)
    return NextResponse.json({ message: "验证码发送失败，请稍后重试" }, { status: 502 })
  }
}
