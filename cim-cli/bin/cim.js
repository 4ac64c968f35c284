#!/usr/bin/env node
// The `cim` command. The code lives in cim-cli (built to dist/ by `npm install` / `npm run build`).
import('../dist/main.js').catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND') {
    console.error('cim is not built yet: run "npm run build" in the CIM-TS checkout.');
    process.exit(1);
  }
  throw err;
});
