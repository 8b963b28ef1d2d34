import { messages } from "@health/core"
import Link from "next/link"

export function Footer() {
  return (
    <footer className="site-footer">
      <div className="container footer-inner">
        <span>
          © {new Date().getFullYear()} {messages.footer.copyright}
        </span>
        <nav aria-label="页脚">
          <Link href="/privacy">{messages.footer.privacy}</Link>
        </nav>
      </div>
    </footer>
  )
}
