import { rgb, type PDFFont, type PDFPage, type RGB } from "pdf-lib"

type Run = { text: string; font: PDFFont }

/** Mixed text in two fonts: the CJK font (no Latin letters or digits) and Helvetica. */
export class Typesetter {
  private readonly cjkChars: Set<number>
  private readonly latinChars: Set<number>

  constructor(
    readonly cjk: PDFFont,
    readonly latin: PDFFont,
    /** The colour `draw` uses when given none. */
    readonly ink: RGB = rgb(0, 0, 0)
  ) {
    this.cjkChars = new Set(cjk.getCharacterSet())
    this.latinChars = new Set(latin.getCharacterSet())
  }

  private runs(text: string): Run[] {
    const runs: Run[] = []
    for (const char of text) {
      const code = char.codePointAt(0)!
      const font =
        code >= 0x80 && this.cjkChars.has(code)
          ? this.cjk
          : this.latinChars.has(code)
            ? this.latin
            : this.cjkChars.has(code)
              ? this.cjk
              : null
      const piece = font ? char : "?"
      const last = runs[runs.length - 1]
      if (last && last.font === (font ?? this.latin)) last.text += piece
      else runs.push({ text: piece, font: font ?? this.latin })
    }
    return runs
  }

  width(text: string, size: number): number {
    return this.runs(text).reduce((sum, run) => sum + run.font.widthOfTextAtSize(run.text, size), 0)
  }

  /** Cut to `width` with an ellipsis, so a long product title never runs into the next cell. */
  fit(text: string, width: number, size: number): string {
    if (this.width(text, size) <= width) return text
    let cut = text
    while (cut && this.width(`${cut}…`, size) > width) cut = cut.slice(0, -1)
    return `${cut}…`
  }

  draw(page: PDFPage, text: string, x: number, y: number, size: number, color: RGB = this.ink) {
    for (const run of this.runs(text)) {
      page.drawText(run.text, { x, y, size, font: run.font, color })
      x += run.font.widthOfTextAtSize(run.text, size)
    }
  }
}
