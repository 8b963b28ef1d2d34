import type { ConstitutionAnswers, Sex } from "@health/core"

/**
 * 「下载 PDF」 of a saved result: a plain link, so the PDF arrives as a download and a refusal
 * (signed out, font missing) opens as a page that says why.
 */
export function DownloadPdfLink({ assessmentId }: { assessmentId: string }) {
  return (
    <a
      href={`/api/constitution/report/${encodeURIComponent(assessmentId)}/pdf`}
      className="button"
      data-testid="download-report-pdf"
    >
      下载 PDF
    </a>
  )
}

/** 「下载 PDF」 of a visitor's unsaved result: posts the answers this browser keeps. */
export function DownloadGuestPdfForm({
  sheet,
  takenAt,
}: {
  sheet: { sex: Sex; answers: ConstitutionAnswers }
  takenAt: string
}) {
  return (
    <form method="post" action="/api/constitution/report/pdf" className="report-pdf-form">
      <input type="hidden" name="sheet" value={JSON.stringify(sheet)} />
      <input type="hidden" name="taken_at" value={takenAt} />
      <button type="submit" className="button" data-testid="download-report-pdf">
        下载 PDF
      </button>
    </form>
  )
}
