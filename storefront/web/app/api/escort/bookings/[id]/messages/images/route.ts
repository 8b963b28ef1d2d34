import { MAX_ESCORT_IMAGE_BYTES, uploadEscortMessageImage } from "@health/core"
import { NextResponse } from "next/server"
import {
  escortCommerceOptions,
  noStoreJson,
  relayEscortConversation,
} from "@/lib/escort-conversation-relay"

export const dynamic = "force-dynamic"

const refuse = (message: string) => NextResponse.json({ message }, { status: 400 })

/** One picture (multipart `file`) for the conversation; commerce checks its content again. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  let file: FormDataEntryValue | null
  try {
    file = (await request.formData()).get("file")
  } catch {
    return refuse("图片无法读取，请重新选择后再发送")
  }
  if (!file || typeof file === "string") return refuse("请选择要发送的图片")
  if (file.size > MAX_ESCORT_IMAGE_BYTES) return refuse("图片超过 5 MB，请压缩后再发送")
  return relayEscortConversation("escort message image upload", async (token) =>
    noStoreJson(
      {
        upload: await uploadEscortMessageImage(
          escortCommerceOptions(),
          token,
          "member",
          id,
          file,
          file.name || "image.jpg"
        ),
      },
      201
    )
  )
}
