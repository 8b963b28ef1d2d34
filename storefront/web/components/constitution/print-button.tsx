"use client"

/**
 * The browser's print dialog with the report's print stylesheet (the page as it looks);
 * 「下载 PDF」 beside it gives the server-made PDF file.
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
