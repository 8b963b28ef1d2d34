import { NextResponse } from "next/server"
import { escortApp } from "@/lib/backends"
import { clearEscortToken, writeEscortToken } from "@/lib/escort-app-session"
import { signInWithPhoneCode } from "@/lib/phone-code-sign-in"

export const dynamic = "force-dynamic"

/**
 * 陪诊员登录: `{ phone, code }` → commerce's escort sign-in; the token goes into the escort's
 * httpOnly cookie and never reaches the page.
 */
export async function POST(request: Request) {
  return signInWithPhoneCode(request, {
    signIn: (phone, code) => escortApp.signInEscort(phone, code),
    keepToken: writeEscortToken,
    logLabel: "escort-app sign-in",
  })
}

/** 退出登录. */
export async function DELETE() {
  await clearEscortToken()
  return NextResponse.json({ signed_in: false })
}
