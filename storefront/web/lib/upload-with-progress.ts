/** The slice of XMLHttpRequest an upload needs, so tests can stand in for it. */
export type UploadRequest = Pick<
  XMLHttpRequest,
  "open" | "send" | "status" | "responseText" | "upload" | "onload" | "onerror" | "onabort"
>

export type UploadOutcome = { ok: true; body: unknown } | { ok: false; message: string }

/**
 * Posts a form with XMLHttpRequest, the one browser API that reports upload progress,
 * calling `onProgress` with 0–100. Resolves with the JSON answer or a message in Chinese.
 */
export function uploadWithProgress(
  url: string,
  form: FormData,
  onProgress: (percent: number) => void,
  makeRequest: () => UploadRequest = () => new XMLHttpRequest()
): Promise<UploadOutcome> {
  return new Promise((resolve) => {
    const request = makeRequest()
    request.open("POST", url)
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) {
        onProgress(Math.min(100, Math.round((event.loaded / event.total) * 100)))
      }
    }
    request.onload = () => {
      let body: unknown
      try {
        body = JSON.parse(request.responseText)
      } catch {
        body = undefined
      }
      if (request.status >= 200 && request.status < 300) {
        onProgress(100)
        resolve({ ok: true, body })
        return
      }
      const message = (body as { message?: string } | undefined)?.message
      resolve({ ok: false, message: message || `上传失败（${request.status}），请稍后重试` })
    }
    request.onerror = () => resolve({ ok: false, message: "网络中断，上传未完成，请重试" })
    request.onabort = () => resolve({ ok: false, message: "上传已取消" })
    request.send(form)
  })
}
