// `npm test` runs every CMS test file in this one jest file (CMS_TESTS_TOGETHER=1, see
// jest.config.js): jest loads Strapi's modules once for all of them instead of once a file,
// which was most of each file's boot. Each file still boots its own CMS on its own copy of
// the template database, and finds the environment as it was before the file before it ran.
const { readdirSync } = require("fs")
const path = require("path")

const testsDir = path.join(__dirname, "..")
const files = readdirSync(testsDir)
  .filter((file) => file.endsWith(".test.js"))
  .sort()

if (files.length === 0) throw new Error("no CMS test file found")

for (const file of files) {
  describe(file, () => {
    let envBefore
    beforeAll(() => {
      envBefore = { ...process.env }
    })
    afterAll(() => {
      for (const key of Object.keys(process.env)) if (!(key in envBefore)) delete process.env[key]
      Object.assign(process.env, envBefore)
    })
    require(path.join(testsDir, file))
  })
}
