import { archiveFileError, streamArchiveFile, upstreamFilename } from "@/lib/archive-file-response"
import { archiveToken } from "@/lib/archive-route-auth"
import { healthArchive } from "@/lib/backends"
import { shanghaiToday } from "@/lib/profile-form"

/** Everything in the member's archive as one zip, saved as 健康档案-<date>.zip. */
export async function GET() {
  const { token, refused } = await archiveToken("file")
  if (refused) return refused
  try {
    const upstream = await healthArchive.exportArchive(token)
    return streamArchiveFile(upstream, {
      disposition: "attachment",
      filename: upstreamFilename(upstream, `健康档案-${shanghaiToday()}.zip`),
    })
  } catch (error) {
    return archiveFileError(error)
  }
}
