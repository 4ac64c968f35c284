#!/usr/bin/env node
// `node bin/cim.js …` from a checkout: the `cim` command itself is cim-cli/bin/cim.js.
import '../cim-cli/bin/cim.js';
