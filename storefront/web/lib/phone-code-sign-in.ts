import { ApiError, parseCnMobile } from "@health/core"
import { NextResponse } from "next/server"

const refuse = (status: number, message: string) => NextResponse.json({ message }, { status })

/**
 * Signs in by 手机号 + 短信验证码 (`{ phone, code }`): checks both before commerce is asked,
 * hands commerce's token to `keepToken` (an httpOnly cookie, so it never reaches the page) and
 * passes commerce's refusal on in Chinese. Doctors, escorts and escort applicants sign in so.
 */
export async function signInWithPhoneCode(
  request: Request,
  {
    signIn,
    keepToken,
    logLabel,
  }: {
    signIn: (phone: string, code: string) => Promise<string>
    keepToken: (token: string) => Promise<void>
    /** Names the sign-in in the operators' log when commerce cannot be reached. */
    logLabel: string
  }
): Promise<NextResponse> {
  const body = (await request.json().catch(() => ({}))) as { phone?: unknown; code?: unknown }
  const phone = parseCnMobile(String(body.phone ?? ""))
  const code = String(body.code ?? "").trim()
  if (!phone) return refuse(400, "请输入正确的 11 位手机号")
  if (!/^\d{6}$/.test(code)) return refuse(400, "请输入 6 位验证码")
  try {
    await keepToken(await signIn(phone, code))
  } catch (error) {
    if (error instanceof ApiError && error.status < 500) {
      return refuse(error.status, error.message || "验证码不正确或已过期")
    }
    console.error(`[${logLabel}]`, error)
    return refuse(502, "网络繁忙，请稍后重试")
  }
  return NextResponse.json({ signed_in: true })
}
