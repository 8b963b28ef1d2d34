import { AdminRequestError } from "./admin-request"

/**
 * Posts files as multipart/form-data (field `files`) with the session cookie. XHR rather
 * than fetch because only XHR reports upload progress.
 */
export function uploadWithProgress<T>(
  path: string,
  files: File[],
  onProgress: (loaded: number, total: number) => void
): { done: Promise<T>; abort: () => void } {
  const xhr = new XMLHttpRequest()
  const done = new Promise<T>((resolve, reject) => {
    const form = new FormData()
    for (const file of files) form.append("files", file, file.name)
    xhr.open("POST", path)
    xhr.withCredentials = true
    xhr.responseType = "text"
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total)
    }
    xhr.onload = () => {
      let json: { message?: string } = {}
      try {
        json = JSON.parse(xhr.responseText || "{}")
      } catch {
        // A proxy's HTML error page: fall back to the status below.
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(json as T)
      else
        reject(
          new AdminRequestError(
            json.message ??
              (xhr.status === 413 ? "上传内容过大，请分批上传" : `上传失败（${xhr.status}）`),
            xhr.status
          )
        )
    }
    xhr.onerror = () => reject(new AdminRequestError("网络中断，上传失败，请重试", 0))
    xhr.onabort = () => reject(new AdminRequestError("已取消上传", 0))
    xhr.send(form)
  })
  return { done, abort: () => xhr.abort() }
}
