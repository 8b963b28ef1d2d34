"use client"

/**
 * The browser's print dialog with the report's print stylesheet; 「另存为 PDF」 there gives
 * the PDF (Chinese text included, which a server-side PDF could not set without a CJK font).
 */
export function PrintButton() {
  return (
    <button
      type="button"
      className="button"
      onClick={() => window.print()}
      data-testid="print-report"
    >
      打印 / 保存为 PDF
    </button>
  )
}
