#!/usr/bin/env node
// Makes `npm start` and `npm test` complete on a fresh machine: whatever the commands need that
// npm itself does not install (Debian's chromium for the browser tests) is installed here when
// missing, so the README stays at two commands.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { buildEntries } from './build-js.mjs'

const mode = process.argv[2]

function hasBrowserTests() {
  return existsSync('test/browser') && readdirSync('test/browser').some((f) => /\.test\.tsx?$/.test(f))
}

function ensureChromium() {
  if (existsSync('/usr/bin/chromium')) return
  console.log('[setup] installing Debian chromium for the browser tests (apt-get)...')
  const sudo = process.getuid && process.getuid() !== 0 ? ['sudo'] : []
  const run = (args) =>
    execFileSync(sudo.length ? 'sudo' : args[0], sudo.length ? args : args.slice(1), {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
  run(['apt-get', 'update', '-qq'])
  run(['apt-get', 'install', '-y', '-qq', 'chromium'])
}

if (mode === '--test' && hasBrowserTests()) ensureChromium()
// The built JavaScript entries (scripts/build-js.mjs): the CLI and worker threads run without tsx.
await buildEntries()
