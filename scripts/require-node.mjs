// Stops at once on a Node.js too old for Strata (native TypeScript type stripping needs 22.18+).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `Strata needs Node.js 22.18 or newer (Node.js 24 LTS recommended); this is Node.js ${process.versions.node}.`,
  );
  process.exit(1);
}
