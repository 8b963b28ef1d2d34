import { execFileSync } from "node:child_process"

/**
 * A PDF's text per page as pdf.js reads it (unpdf, the reader commerce uses for lab reports).
 * unpdf is an ES module that jest's CommonJS runtime cannot import, so a child node reads it.
 */
export function pdfText(bytes: Uint8Array): { totalPages: number; pages: string[] } {
  const script = `
    import { extractText, getDocumentProxy } from "unpdf"
    const chunks = []
    for await (const chunk of process.stdin) chunks.push(chunk)
    const pdf = await getDocumentProxy(new Uint8Array(Buffer.concat(chunks)))
    const { totalPages, text } = await extractText(pdf)
    process.stdout.write(JSON.stringify({ totalPages, pages: text }))
  `
  const output = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
    cwd: __dirname,
    input: Buffer.from(bytes),
    maxBuffer: 32 * 1024 * 1024,
  })
  return JSON.parse(output.toString("utf8"))
}
