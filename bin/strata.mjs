#!/usr/bin/env node
// The `strata` command. Checks the Node.js version first, then runs the TypeScript CLI natively.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `Strata needs Node.js 22.18 or newer (Node.js 24 LTS recommended); this is Node.js ${process.versions.node}.`,
  );
  process.exit(1);
}
const { main } = await import('../src/cli/main.ts');
await main(process.argv);
