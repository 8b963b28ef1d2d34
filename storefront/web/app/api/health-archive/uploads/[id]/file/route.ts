import type { NextRequest } from "next/server"
import {
  archiveFileError,
  extensionOf,
  streamArchiveFile,
  upstreamFilename,
} from "@/lib/archive-file-response"
import { archiveToken } from "@/lib/archive-route-auth"
import { healthArchive } from "@/lib/backends"

/** One uploaded photo or PDF: previews and opens in place, `?download=1` saves it. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const { token, refused } = await archiveToken("file")
  if (refused) return refused
  try {
    const upstream = await healthArchive.uploadFile(token, id)
    return streamArchiveFile(upstream, {
      disposition: request.nextUrl.searchParams.has("download") ? "attachment" : "inline",
      filename: upstreamFilename(upstream, `健康资料${extensionOf(upstream)}`),
    })
  } catch (error) {
    return archiveFileError(error)
  }
}
