import type { NextRequest } from "next/server"
import { archiveFileError, streamArchiveFile, upstreamFilename } from "@/lib/archive-file-response"
import { archiveToken } from "@/lib/archive-route-auth"
import { healthArchive } from "@/lib/backends"

/** The report PDF, shown in the page (`?download=1` saves it instead). */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const { token, refused } = await archiveToken("file")
  if (refused) return refused
  try {
    const [upstream, report] = await Promise.all([
      healthArchive.reportFile(token, id),
      // Only for a file name the member recognises in their downloads.
      healthArchive.report(token, id).catch(() => null),
    ])
    const name = report ? `${report.product_title}-${report.barcode}.pdf` : "检测报告.pdf"
    return streamArchiveFile(upstream, {
      disposition: request.nextUrl.searchParams.has("download") ? "attachment" : "inline",
      filename: upstreamFilename(upstream, name),
    })
  } catch (error) {
    return archiveFileError(error)
  }
}
