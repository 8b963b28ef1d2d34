import { ArrowUpTray } from "@medusajs/icons"
import { Text, clx } from "@medusajs/ui"
import { useRef, useState } from "react"

const ACCEPTED = /\.(pdf|zip)$/i

/** Drop or pick PDFs and zips of PDFs; anything else is left out and counted. */
export const FileDropZone = ({
  disabled,
  onFiles,
}: {
  disabled?: boolean
  onFiles: (accepted: File[], ignored: number) => void
}) => {
  const input = useRef<HTMLInputElement>(null)
  const [over, setOver] = useState(false)

  const take = (list: FileList | null) => {
    const files = Array.from(list ?? [])
    const accepted = files.filter((file) => ACCEPTED.test(file.name))
    onFiles(accepted, files.length - accepted.length)
  }

  return (
    <div
      role="button"
      tabIndex={disabled ? -1 : 0}
      aria-disabled={disabled}
      aria-label="选择或拖入 PDF 报告、ZIP 压缩包"
      onClick={() => !disabled && input.current?.click()}
      onKeyDown={(event) => {
        if (!disabled && (event.key === "Enter" || event.key === " ")) {
          event.preventDefault()
          input.current?.click()
        }
      }}
      onDragOver={(event) => {
        event.preventDefault()
        if (!disabled) setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault()
        setOver(false)
        if (!disabled) take(event.dataTransfer.files)
      }}
      className={clx(
        "border-ui-border-strong flex flex-col items-center gap-y-1 rounded-lg border border-dashed px-6 py-8 text-center outline-none transition-colors",
        "focus-visible:shadow-borders-focus",
        over ? "bg-ui-bg-highlight border-ui-border-interactive" : "bg-ui-bg-subtle",
        disabled ? "cursor-not-allowed opacity-60" : "hover:bg-ui-bg-subtle-hover cursor-pointer"
      )}
    >
      <ArrowUpTray className="text-ui-fg-subtle" />
      <Text weight="plus">拖入文件，或点击选择</Text>
      <Text size="small" className="text-ui-fg-subtle">
        PDF 报告或其 ZIP 压缩包，可一次选择多个；单个 PDF 不超过 20
        MB。系统按文件名或报告内容中的条码归档到对应检测盒。
      </Text>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        accept=".pdf,.zip,application/pdf,application/zip"
        onChange={(event) => {
          take(event.target.files)
          event.target.value = ""
        }}
      />
    </div>
  )
}
