const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

MetadataStorage.clear()

// The HTTP specs shop in the demo catalogue, as `npm start` does (SEED_DEMO=1 there too).
if (process.env.SEED_DEMO === undefined) process.env.SEED_DEMO = "1"
