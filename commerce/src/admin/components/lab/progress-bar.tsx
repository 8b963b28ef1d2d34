import { clx } from "@medusajs/ui"

type Tone = "interactive" | "success" | "error"
const TONES: Record<Tone, string> = {
  interactive: "bg-ui-fg-interactive",
  success: "bg-ui-tag-green-icon",
  error: "bg-ui-tag-red-icon",
}

/**
 * A thin bar for upload and processing progress. Segments (each 0–1 of the whole) sit
 * side by side, so a batch shows its filed and failed parts in their own colours.
 */
export const ProgressBar = ({
  label,
  value,
  segments,
}: {
  label: string
  value?: number
  segments?: { value: number; tone: Tone }[]
}) => {
  const parts = segments ?? [{ value: value ?? 0, tone: "interactive" as const }]
  const clamp = (v: number) => Math.min(Math.max(v, 0), 1)
  const percent = Math.round(clamp(parts.reduce((sum, part) => sum + part.value, 0)) * 100)
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      className="bg-ui-bg-component border-ui-border-base flex h-2 w-full overflow-hidden rounded-full border"
    >
      {parts.map((part, index) => (
        <div
          key={index}
          className={clx("h-full transition-[width] duration-300", TONES[part.tone])}
          style={{ width: `${Math.round(clamp(part.value) * 100)}%` }}
        />
      ))}
    </div>
  )
}
