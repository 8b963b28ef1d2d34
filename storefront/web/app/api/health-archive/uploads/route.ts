import { ApiError } from "@health/core"
import { NextResponse, type NextRequest } from "next/server"
import { archiveUploadProblem, archiveUploadType } from "@/lib/archive-upload-rules"
import { archiveToken } from "@/lib/archive-route-auth"
import { healthArchive } from "@/lib/backends"
import { memberActionError } from "@/lib/member-action-error"

const refuse = (status: number, message: string) => NextResponse.json({ message }, { status })

/**
 * Photos and PDFs of hospital records, posted by the browser with upload progress and passed
 * on to commerce with the member's token. Checked here first, so a refusal comes quickly.
 */
export async function POST(request: NextRequest) {
  const { token, refused } = await archiveToken("json")
  if (refused) return refused
  let form: FormData
  try {
    form = await request.formData()
  } catch {
    return refuse(400, "上传内容无法读取，请重新选择文件")
  }
  const files = form.getAll("files").filter((value): value is File => typeof value !== "string")
  const problem = archiveUploadProblem(files)
  if (problem) return refuse(400, problem)
  const note = String(form.get("note") ?? "").trim()
  if (Array.from(note).length > 200) return refuse(400, "备注最多 200 个字")
  try {
    const uploads = await healthArchive.upload(
      token,
      // Browsers send octet-stream for types they do not know; commerce decides by type.
      files.map((file) => {
        const type = archiveUploadType(file) ?? file.type
        return { name: file.name, blob: file.type === type ? file : new Blob([file], { type }) }
      }),
      note || undefined
    )
    return NextResponse.json({ uploads }, { status: 201 })
  } catch (error) {
    const status = error instanceof ApiError && error.status < 500 ? error.status : 502
    return refuse(status, memberActionError(error, "health archive upload").error)
  }
}
