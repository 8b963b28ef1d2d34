// Stand-ins for @tarojs/components: the DOM elements H5 renders, with Taro's event shapes
// (onInput/onChange carry `detail.value`).
import { useEffect, useState, type ReactNode } from "react"
import { stand } from "./taro-stand-in"

type Props = { children?: ReactNode; className?: string; [key: string]: unknown }

const pass = (props: Props) => {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(props)) {
    if (key.startsWith("data-") || ["className", "id", "style", "onClick"].includes(key))
      out[key] = value
  }
  return out
}

export const View = (props: Props) => <div {...pass(props)}>{props.children}</div>
export const Text = (props: Props) => <span {...pass(props)}>{props.children}</span>
export const Label = (props: Props) => <label {...pass(props)}>{props.children}</label>
export const ScrollView = View
export const Image = (props: Props) => <img alt="" src={props.src as string} {...pass(props)} />
export const Canvas = (props: Props) => <canvas {...pass(props)} />
export const Progress = (props: Props) => <progress value={props.percent as number} max={100} />

/** open-type="getPhoneNumber" answers the detail the test put in stand.phoneNumber. */
export const Button = (props: Props) => (
  <button
    type="button"
    disabled={!!props.disabled}
    {...pass(props)}
    {...(props.openType === "getPhoneNumber"
      ? {
          onClick: () =>
            (props.onGetPhoneNumber as (e: { detail: object }) => void)({
              detail: stand.phoneNumber,
            }),
        }
      : {})}
  >
    {props.children}
  </button>
)

export const Input = (props: Props) => (
  <input
    {...pass(props)}
    type={props.password ? "password" : "text"}
    placeholder={props.placeholder as string}
    value={props.value as string}
    onChange={(e) =>
      (props.onInput as ((e: { detail: { value: string } }) => void) | undefined)?.({
        detail: { value: e.target.value },
      })
    }
  />
)

export const Textarea = (props: Props) => (
  <textarea
    {...pass(props)}
    placeholder={props.placeholder as string}
    value={props.value as string}
    onChange={(e) =>
      (props.onInput as ((e: { detail: { value: string } }) => void) | undefined)?.({
        detail: { value: e.target.value },
      })
    }
  />
)

export const Checkbox = (props: Props) => (
  <input type="checkbox" readOnly checked={!!props.checked} {...pass(props)} />
)

export const Switch = (props: Props) => (
  <input
    type="checkbox"
    role="switch"
    checked={!!props.checked}
    onChange={(e) =>
      (props.onChange as ((e: { detail: { value: boolean } }) => void) | undefined)?.({
        detail: { value: e.target.checked },
      })
    }
  />
)

type PickerEvent = { detail: { value: unknown; column?: number } }
const call = (handler: unknown, event?: PickerEvent) =>
  (handler as ((event?: PickerEvent) => void) | undefined)?.(event)

/**
 * Picker: what the member taps (children), then one <select> per column standing for the
 * wheels and 确定 / 取消 for the overlay's buttons. Like the real one it keeps the wheels'
 * positions to itself until 确定, reports each turned wheel of a multiSelector with
 * onColumnChange, and starts again from `value` whenever the page changes it.
 */
export const Picker = (props: Props) => {
  const multi = props.mode === "multiSelector"
  const columns = (
    multi ? props.range : props.mode === "selector" || !props.mode ? [props.range] : []
  ) as string[][]
  const given = JSON.stringify(multi ? props.value : [props.value ?? 0])
  const [positions, setPositions] = useState<number[]>(JSON.parse(given) ?? [])
  useEffect(() => setPositions(JSON.parse(given) ?? []), [given])
  const testId = props["data-testid"] as string | undefined
  return (
    <div {...pass(props)} data-mode={props.mode ?? "selector"}>
      {props.children}
      {columns.map((options, column) => (
        <select
          key={column}
          data-testid={testId ? `${testId}-column-${column}` : undefined}
          value={positions[column] ?? 0}
          onChange={(e) => {
            const next = [...positions]
            next[column] = Number(e.target.value)
            setPositions(next)
            if (multi) call(props.onColumnChange, { detail: { column, value: next[column] } })
          }}
        >
          {(options ?? []).map((label, index) => (
            <option key={index} value={index}>
              {label}
            </option>
          ))}
        </select>
      ))}
      <button
        type="button"
        data-testid={testId ? `${testId}-confirm` : undefined}
        onClick={() =>
          call(props.onChange, { detail: { value: multi ? positions : (positions[0] ?? 0) } })
        }
      >
        确定
      </button>
      <button
        type="button"
        data-testid={testId ? `${testId}-cancel` : undefined}
        onClick={() => {
          setPositions(JSON.parse(given) ?? [])
          call(props.onCancel)
        }}
      >
        取消
      </button>
    </div>
  )
}

type RichNode = {
  type?: string
  text?: string
  name?: string
  attrs?: Record<string, string>
  children?: RichNode[]
}

function richDom(node: RichNode): Node {
  if (node.type === "text") return document.createTextNode(node.text ?? "")
  const element = document.createElement(node.name ?? "div")
  for (const [name, value] of Object.entries(node.attrs ?? {})) element.setAttribute(name, value)
  for (const child of node.children ?? []) element.appendChild(richDom(child))
  return element
}

/** rich-text as H5 draws it: the nodes as DOM elements with their attributes. */
export const RichText = (props: Props) => (
  <div
    {...pass(props)}
    ref={(el) => el?.replaceChildren(...((props.nodes as RichNode[]) ?? []).map(richDom))}
  />
)
export const Video = (props: Props) => (
  <video src={props.src as string} poster={props.poster as string} controls={!!props.controls} />
)
