// The e2e stack's mail server: a real SMTP server (no TLS, no login, like a local relay) that
// commerce sends to; each mail it receives is decoded as a mail client would and written as
// one JSON file into a folder, where journeys (another module context) read it (mailbox.ts).
import { mkdirSync, writeFileSync } from "node:fs"
import path from "node:path"
import { simpleParser } from "mailparser"
import { SMTPServer } from "smtp-server"

export async function startSmtpCatcher(mailDir) {
  mkdirSync(mailDir, { recursive: true })
  let received = 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          received += 1
          const mail = {
            from: parsed.from?.text ?? "",
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
            receivedAt: new Date().toISOString(),
          }
          const name = `${Date.now()}-${String(received).padStart(4, "0")}.json`
          writeFileSync(path.join(mailDir, name), JSON.stringify(mail, null, 2))
          callback()
        })
        .catch(callback)
    },
  })
  await new Promise((resolve, reject) => {
    server.once("error", reject)
    server.listen(0, "127.0.0.1", resolve)
  })
  return {
    port: server.server.address().port,
    close: () => new Promise((resolve) => server.close(resolve)),
  }
}
