import { ApiError, parseCnMobile } from "@health/core"
import { NextResponse } from "next/server"
import { escortApp } from "@/lib/backends"
import { clearEscortToken, writeEscortToken } from "@/lib/escort-app-session"

export const dynamic = "force-dynamic"

const refuse = (status: number, message: string) => NextResponse.json({ message }, { status })

/**
 * 陪诊员登录: `{ phone, code }` → commerce's escort sign-in; the token goes into the escort's
 * httpOnly cookie and never reaches the page.
 */
export async function POST(request: Request) {
  const body = (await request.json().catch(() => ({}))) as { phone?: unknown; code?: unknown }
  const phone = parseCnMobile(String(body.phone ?? ""))
  const code = String(body.code ?? "").trim()
  if (!phone) return refuse(400, "请输入正确的 11 位手机号")
  if (!/^\d{6}$/.test(code)) return refuse(400, "请输入 6 位验证码")
  try {
    await writeEscortToken(await escortApp.signInEscort(phone, code))
  } catch (error) {
    if (error instanceof ApiError && error.status < 500) {
      return refuse(error.status, error.message || "验证码不正确或已过期")
    }
    console.error("[escort-app sign-in]", error)
    return refuse(502, "网络繁忙，请稍后重试")
  }
  return NextResponse.json({ signed_in: true })
}

/** 退出登录. */
export async function DELETE() {
  await clearEscortToken()
  return NextResponse.json({ signed_in: false })
}
