/** One consent document a flow needs: its kind, its Chinese name and its CMS page. */
export type ConsentDocument = { kind: string; label: string; slug: string }

/** Why accepted versions are refused: 409 for text that changed or was withdrawn. */
export type ConsentVersionRefusal = { status: 409; message: string }

/**
 * Compares the versions a person accepted with the versions the CMS publishes now: each
 * document whose accepted version is not the current one (an older text, or a version the CMS
 * never published) is named, so the person knows what to read again. Null when all match.
 */
export function consentVersionRefusal(
  documents: ConsentDocument[],
  accepted: { kind: string; version: string }[],
  published: Map<string, { version: string | null }>
): ConsentVersionRefusal | null {
  const unpublished: string[] = []
  const changed: string[] = []
  for (const document of documents) {
    const current = published.get(document.slug)?.version ?? null
    const given = accepted.find((one) => one.kind === document.kind)?.version
    if (!current) unpublished.push(document.label)
    else if (given !== current) changed.push(`「${document.label}」（当前版本 ${current}）`)
  }
  if (unpublished.length) {
    return {
      status: 409,
      message: `${unpublished.map((label) => `「${label}」`).join("、")}暂未发布，暂时无法办理，请稍后再试`,
    }
  }
  if (changed.length) {
    return {
      status: 409,
      message: `以下文本已更新，请刷新页面重新阅读并同意：${changed.join("、")}`,
    }
  }
  return null
}
