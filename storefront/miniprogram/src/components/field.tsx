import { Text, View } from "@tarojs/components"
import type { ReactNode } from "react"

/** A labelled form row; the label is the text a shopper (and a test) looks for. */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className="field">
      <Text className="field__label">{label}</Text>
      {children}
    </View>
  )
}
