/**
 * WeChat's message XML: one `<xml>` root of named fields, each text, CDATA or (for a few
 * events such as scancode_push) more fields. Read by a small strict parser: no attributes,
 * no DOCTYPE, no entities beyond XML's five, so nothing in a message can expand or reach
 * out. Anything else is MalformedXmlError (answered 400).
 */
export type XmlFields = { [name: string]: string | XmlFields }

export class MalformedXmlError extends Error {}

const NAME = /^[A-Za-z_][\w.-]*/
const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" }
const MAX_DEPTH = 4

function unescapeText(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);|&/gi, (whole, entity?: string) => {
    if (!entity) throw new MalformedXmlError("bare &")
    if (entity[0] === "#") {
      const code =
        entity[1] === "x" || entity[1] === "X"
          ? parseInt(entity.slice(2), 16)
          : parseInt(entity.slice(1), 10)
      if (!Number.isFinite(code) || code > 0x10ffff) throw new MalformedXmlError("bad character")
      return String.fromCodePoint(code)
    }
    const known = ENTITIES[entity]
    if (known === undefined) throw new MalformedXmlError(`unknown entity ${whole}`)
    return known
  })
}

export function parseMessageXml(source: string): XmlFields {
  let at = 0
  const fail = (why: string): never => {
    throw new MalformedXmlError(`${why} at ${at}`)
  }
  const skipSpace = () => {
    while (at < source.length && /\s/.test(source[at])) at++
  }
  const openTag = (): string => {
    if (source[at] !== "<") fail("expected <")
    const name = NAME.exec(source.slice(at + 1))?.[0] ?? fail("expected a name")
    at += 1 + name.length
    skipSpace()
    if (source[at] !== ">") fail("attributes are not expected")
    at++
    return name
  }
  const closeTag = (name: string) => {
    const tag = `</${name}`
    if (!source.startsWith(tag, at)) fail(`expected </${name}>`)
    at += tag.length
    skipSpace()
    if (source[at] !== ">") fail("expected >")
    at++
  }
  const element = (depth: number): [string, string | XmlFields] => {
    const name = openTag()
    let text = ""
    let fields: XmlFields | null = null
    for (;;) {
      if (at >= source.length) fail(`unclosed <${name}>`)
      if (source.startsWith("<![CDATA[", at)) {
        const end = source.indexOf("]]>", at + 9)
        if (end < 0) fail("unclosed CDATA")
        text += source.slice(at + 9, end)
        at = end + 3
      } else if (source.startsWith("</", at)) {
        closeTag(name)
        break
      } else if (source[at] === "<") {
        if (depth >= MAX_DEPTH) fail("nested too deep")
        if (text.trim()) fail("mixed content")
        const [child, value] = element(depth + 1)
        fields ??= {}
        fields[child] = value
        text = ""
      } else {
        const end = source.indexOf("<", at)
        const raw = source.slice(at, end < 0 ? source.length : end)
        if (fields && raw.trim()) fail("mixed content")
        text += unescapeText(raw)
        at += raw.length
      }
    }
    return [name, fields ?? text]
  }

  skipSpace()
  if (source.startsWith("<?xml", at)) {
    const end = source.indexOf("?>", at)
    if (end < 0) fail("unclosed declaration")
    at = end + 2
    skipSpace()
  }
  const [root, value] = element(0)
  skipSpace()
  if (at !== source.length) fail("content after the root")
  if (root !== "xml" || typeof value === "string") fail("expected <xml> with fields")
  return value as XmlFields
}

/** A field's text, or undefined when absent or not text. */
export function textField(fields: XmlFields, name: string): string | undefined {
  const value = fields[name]
  return typeof value === "string" ? value : undefined
}

/** CDATA that survives a "]]>" inside the text. */
const cdata = (text: string) => `<![CDATA[${text.replace(/]]>/g, "]]]]><![CDATA[>")}]]>`

/** An `<xml>` of fields: strings as CDATA, numbers as they are. */
export function buildMessageXml(fields: Record<string, string | number>): string {
  const body = Object.entries(fields)
    .map(([name, value]) =>
      typeof value === "number"
        ? `<${name}>${value}</${name}>`
        : `<${name}>${cdata(value)}</${name}>`
    )
    .join("")
  return `<xml>${body}</xml>`
}
