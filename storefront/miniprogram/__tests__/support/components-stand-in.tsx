// Stand-ins for @tarojs/components: the DOM elements H5 renders, with Taro's event shapes
// (onInput/onChange carry `detail.value`).
import type { ReactNode } from "react"
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
export const Picker = View
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
