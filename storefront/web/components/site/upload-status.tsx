/**
 * What an upload form says while and after it sends: the progress bar (`progress` is null when
 * nothing is sending), then its error or notice.
 */
export function UploadStatus({
  progress,
  message,
}: {
  progress: number | null
  message: { error?: string; notice?: string }
}) {
  return (
    <>
      {progress !== null && (
        <div className="upload-progress">
          <progress max={100} value={progress} aria-label="上传进度" />
          <span role="status">正在上传 {progress}%</span>
        </div>
      )}
      {message.error && (
        <p className="form-error" role="alert">
          {message.error}
        </p>
      )}
      {message.notice && (
        <p className="form-notice" role="status">
          {message.notice}
        </p>
      )}
    </>
  )
}
