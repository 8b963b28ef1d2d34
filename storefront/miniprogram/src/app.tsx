import { useLaunch } from "@tarojs/taro"
import type { PropsWithChildren } from "react"
import { rememberReferral } from "./lib/referral"
import "./app.css"

function App({ children }: PropsWithChildren) {
  // A shared card or poster can open any page; its ref code waits for sign-in.
  useLaunch((options) => {
    rememberReferral(options?.query as Record<string, string> | undefined)
  })
  return children
}

export default App
