import { messages } from "@health/core"
import type { Metadata, Viewport } from "next"
import type { ReactNode } from "react"
import { Footer } from "@/components/layout/footer"
import { Header } from "@/components/layout/header"
import { THEME_COLOR } from "@/lib/pwa/app-colors"
import "./globals.css"

export const metadata: Metadata = {
  title: { default: `${messages.brand} · 基因检测与健康管理`, template: `%s · ${messages.brand}` },
  description: "基因检测、中医体质辨识、健康档案与专家服务，一站式健康管理平台。",
  // Added to an iPhone's home screen, the shop opens as an app (and may then receive 消息提醒).
  appleWebApp: { capable: true, title: messages.brand, statusBarStyle: "default" },
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: THEME_COLOR,
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>
        <Header />
        <main className="container main">{children}</main>
        <Footer />
      </body>
    </html>
  )
}
