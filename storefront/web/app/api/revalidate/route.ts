import { revalidateTag } from "next/cache"
import { NextResponse } from "next/server"
import { env } from "@/lib/env"
import { parseRevalidateRequest } from "@/lib/revalidate-request"

/** Called by commerce and the CMS after changes: expires the tagged cached data at once. */
export async function POST(request: Request) {
  const parsed = await parseRevalidateRequest(request, env.revalidateSecret)
  if (!parsed.ok) {
    return NextResponse.json({ message: parsed.message }, { status: parsed.status })
  }
  for (const tag of parsed.tags) revalidateTag(tag, { expire: 0 })
  return NextResponse.json({ revalidated: parsed.tags })
}
