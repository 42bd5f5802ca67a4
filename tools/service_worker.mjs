#!/usr/bin/env node
/* Write the site's service worker with Workbox, as a build step after MkDocs.
 *
 *   node tools/service_worker.mjs SITE_DIR [NODE_MODULES_DIR]
 *
 * tools/mkdocs_hooks/offline_app.py runs it from on_post_build, after it has written
 * SITE_DIR/offline-files.json (every file of the hub with its size and SHA-256, the shell
 * marked). This script
 *
 * 1. copies the few Workbox runtime files the worker loads into SITE_DIR/workbox-v<version>/
 *    (workbox-build's copyWorkboxLibraries; the site loads nothing from a CDN);
 * 2. fills the build id, the file revisions and that folder into
 *    tools/mkdocs_hooks/service_worker.js;
 * 3. runs workbox-build's injectManifest on it, with the shell as the precache list, into
 *    SITE_DIR/sw.js, so the worker knows every shell file's revision;
 * 4. prints one JSON line: {"precache_files", "precache_bytes", "workbox"}.
 *
 * NODE_MODULES_DIR is where workbox-build is installed (a throwaway copy of the project has
 * none of its own); by default, node_modules beside this script's folder.
 */
import { createHash } from "node:crypto";
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const [siteArg, modulesArg] = process.argv.slice(2);
if (!siteArg) {
  console.error("usage: node tools/service_worker.mjs SITE_DIR [NODE_MODULES_DIR]");
  process.exit(2);
}
const site = path.resolve(siteArg);
const modules = path.resolve(modulesArg || path.join(here, "..", "node_modules"));
const require = createRequire(path.join(modules, "..", "package.json"));
const { copyWorkboxLibraries, injectManifest } = require("workbox-build");

// What sw.js loads: the loader, and the modules the worker source uses (and their core).
const RUNTIME = [
  "workbox-sw.js",
  "workbox-core.prod.js",
  "workbox-precaching.prod.js",
  "workbox-routing.prod.js",
  "workbox-strategies.prod.js",
];
// Material's file names carry a content hash: the URL is the revision.
const HASHED = /\.[0-9a-f]{8}(\.min)?\.(js|css)$/;

const list = JSON.parse(await readFile(path.join(site, "offline-files.json"), "utf8"));

const scratch = await mkdtemp(path.join(os.tmpdir(), "nexus-sw-"));
try {
  const folder = await copyWorkboxLibraries(scratch);
  await mkdir(path.join(site, folder), { recursive: true });
  for (const name of RUNTIME) {
    await copyFile(path.join(scratch, folder, name), path.join(site, folder, name));
  }

  const revisions = Object.fromEntries(
    list.files.filter((file) => !file.shell).map((file) => [file.url, file.sha256]),
  );
  const template = await readFile(path.join(here, "mkdocs_hooks", "service_worker.js"), "utf8");
  const source = template
    .replaceAll("__WORKBOX_DIR__", folder)
    .replace("__NEXUS_BUILD__", list.build)
    .replace("__NEXUS_FILES__", JSON.stringify(revisions));
  const swSrc = path.join(scratch, "sw-source.js");
  await writeFile(swSrc, source);

  const shell = list.files.filter((file) => file.shell).map((file) => file.path);
  const { count, size, warnings } = await injectManifest({
    swSrc,
    swDest: path.join(site, "sw.js"),
    globDirectory: site,
    globPatterns: [...shell, "offline-files.json", "manifest.webmanifest"],
    dontCacheBustURLsMatching: HASHED,
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    // Subresource integrity on every shell entry: Workbox fetches it with `integrity`, so
    // a newer deployment's bytes arriving during this worker's install fail the install
    // instead of landing in this build's precache.
    manifestTransforms: [
      async (entries) => ({
        manifest: await Promise.all(
          entries.map(async (entry) => {
            const bytes = await readFile(path.join(site, decodeURIComponent(entry.url)));
            const digest = createHash("sha256").update(bytes).digest("base64");
            return { ...entry, integrity: `sha256-${digest}` };
          }),
        ),
        warnings: [],
      }),
    ],
  });
  if (warnings.length) {
    console.error(`Workbox: ${warnings.join("\n")}`);
    process.exit(1);
  }
  console.log(JSON.stringify({ precache_files: count, precache_bytes: size, workbox: folder }));
} finally {
  await rm(scratch, { recursive: true, force: true });
}
