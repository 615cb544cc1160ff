// @ts-check
// The demo vendor's portal, configured exactly as a vendor's own portal is: the engine is the
// `trustline` package (this repository, imported by its own name) and its integration does the rest.
import { defineConfig } from 'astro/config';
import trustline from 'trustline';

export default defineConfig({
  integrations: [trustline()],
});
