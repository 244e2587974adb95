#!/usr/bin/env node
// The installed `cartes-badges` command. A file of its own rather than dist/bin.js itself, so
// that a fresh clone's install can link it before anything is built (pnpm warned otherwise);
// in this repository it runs once `pnpm build` has compiled dist/.
require('../dist/bin.js');
