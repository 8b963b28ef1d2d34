import type { NextRequest } from "next/server"
import { archiveFileError, streamArchiveFile, upstreamFilename } from "@/lib/archive-file-response"
import { archiveToken } from "@/lib/archive-route-auth"
import { healthArchive } from "@/lib/backends"

/** The report PDF, shown in the page (`?download=1` saves it instead). */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const { token, refused } = await archiveToken()
  if (refused) return refused
  try {
    const upstream = await healthArchive.reportFile(token, id)
    return streamArchiveFile(upstream, {
      disposition: request.nextUrl.searchParams.has("download") ? "attachment" : "inline",
      filename: upstreamFilename(upstream, "检测报告.pdf"),
    })
  } catch (error) {
    return archiveFileError(error)
  }
}
