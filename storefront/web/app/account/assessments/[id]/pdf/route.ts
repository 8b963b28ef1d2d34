import { ApiError } from "@health/core"
import { NextResponse } from "next/server"
import { assessments } from "@/lib/backends"
import { readToken } from "@/lib/session"

export const dynamic = "force-dynamic"

/** A version of the member's 检测评估报告 as a PDF (`?version=n`), with their token; never cached. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const token = await readToken()
  if (!token) return NextResponse.json({ message: "登录已过期，请重新登录" }, { status: 401 })
  const { id } = await params
  const version = Number(new URL(request.url).searchParams.get("version")) || undefined
  try {
    const upstream = await assessments.pdf(token, id, version)
    return new Response(upstream.body, {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": upstream.headers.get("content-disposition") ?? "attachment",
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    })
  } catch (error) {
    const status = error instanceof ApiError && error.status < 500 ? error.status : 502
    return NextResponse.json({ message: (error as Error).message }, { status })
  }
}
