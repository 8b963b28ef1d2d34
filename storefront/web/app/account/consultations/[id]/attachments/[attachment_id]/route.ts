import { ApiError } from "@health/core"
import { NextResponse } from "next/server"
import { consultations } from "@/lib/backends"
import { readToken } from "@/lib/session"

export const dynamic = "force-dynamic"

/** A picture or PDF of the member's consultation, fetched with their token; never cached. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ id: string; attachment_id: string }> }
) {
  const token = await readToken()
  if (!token) return NextResponse.json({ message: "登录已过期，请重新登录" }, { status: 401 })
  const { id, attachment_id } = await params
  try {
    const upstream = await consultations.attachment(token, id, attachment_id)
    return new Response(upstream.body, {
      headers: {
        "content-type": upstream.headers.get("content-type") ?? "application/octet-stream",
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    })
  } catch (error) {
    const status = error instanceof ApiError && error.status < 500 ? error.status : 502
    return NextResponse.json({ message: (error as Error).message }, { status })
  }
}
