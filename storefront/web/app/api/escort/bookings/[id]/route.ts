import { NextResponse } from "next/server"
import { escort } from "@/lib/backends"
import { memberActionError } from "@/lib/member-action-error"
import { readToken } from "@/lib/session"
import { ApiError } from "@health/core"

export const dynamic = "force-dynamic"

/** The member's booking with its timeline, for the page's polling fallback. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const token = await readToken()
  if (!token) return NextResponse.json({ message: "登录已过期，请重新登录" }, { status: 401 })
  const { id } = await params
  try {
    return NextResponse.json(
      { booking: await escort.get(token, id) },
      { headers: { "cache-control": "no-store" } }
    )
  } catch (error) {
    const status = error instanceof ApiError && error.status < 500 ? error.status : 502
    return NextResponse.json(
      { message: memberActionError(error, "escort booking read").error },
      { status }
    )
  }
}
