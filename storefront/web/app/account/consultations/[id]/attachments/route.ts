import { ApiError } from "@health/core"
import { NextResponse } from "next/server"
import { consultations } from "@/lib/backends"
import { readToken } from "@/lib/session"

export const dynamic = "force-dynamic"

/** Commerce checks the bytes too (JPG/PNG/WebP/PDF ≤ 5 MB); this spares the trip. */
const MAX_BYTES = 5 * 1024 * 1024

/**
 * 发送图片或 PDF: the member's file (multipart `file`) goes to commerce with their token and is
 * sent to the doctor as a message. Commerce's refusals pass on in Chinese.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const token = await readToken()
  if (!token) return NextResponse.json({ message: "登录已过期，请重新登录" }, { status: 401 })
  const { id } = await params
  const form = await request.formData().catch(() => null)
  const file = form?.get("file")
  if (!(file instanceof Blob) || file.size === 0) {
    return NextResponse.json({ message: "请选择要发送的图片或 PDF" }, { status: 400 })
  }
  if (file.size > MAX_BYTES) {
    return NextResponse.json({ message: "附件超过 5 MB，请压缩后再发送" }, { status: 400 })
  }
  try {
    const name = file instanceof File ? file.name : "attachment"
    const attachment = await consultations.attach(token, id, file, name)
    const message = await consultations.send(token, id, { attachment_id: attachment.id })
    return NextResponse.json({ message }, { status: 201 })
  } catch (error) {
    const status = error instanceof ApiError && error.status < 500 ? error.status : 502
    const message =
      error instanceof ApiError && error.status < 500 ? error.message : "网络繁忙，请稍后重试"
    return NextResponse.json({ message }, { status })
  }
}
